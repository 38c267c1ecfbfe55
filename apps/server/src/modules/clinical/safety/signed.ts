/**
 * Signatures of many records in one query (a list or the casebook), each checked against the content it
 * signed as it is now. The single-record form is signaturesOf() in platform/signatures.ts.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { signatures } from '../../../platform/audit.tables';
import { hashRecord } from '../../../platform/hashing';
import type { SignatureView } from '../../../platform/signatures';
import { users } from '../../identity/identity.tables';

export async function signaturesByRecord(
  db: Executor,
  entityType: string,
  records: { id: string; content: unknown }[],
): Promise<Map<string, SignatureView[]>> {
  const out = new Map<string, SignatureView[]>(records.map((r) => [r.id, []]));
  if (!records.length) return out;
  const hashes = new Map(records.map((r) => [r.id, hashRecord(r.content)]));
  const rows = await db
    .select({ s: signatures, username: users.username })
    .from(signatures)
    .innerJoin(users, eq(users.id, signatures.userId))
    .where(and(eq(signatures.entityType, entityType), inArray(signatures.entityId, records.map((r) => r.id))))
    .orderBy(asc(signatures.signedAt));
  for (const { s, username } of rows) {
    out.get(s.entityId)?.push({
      signer: username,
      printedName: s.printedName,
      at: s.signedAt.toISOString(),
      meaning: s.meaning,
      valid: s.recordHash === hashes.get(s.entityId),
    });
  }
  return out;
}
