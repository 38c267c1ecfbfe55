/**
 * Electronic signatures (21 CFR 11.50, 11.70, 11.200): the signer re-enters the password; the
 * signature records printed name, UTC time and meaning, and is bound to the SHA-256 of the signed
 * record version. If the record changes later, the signature shows as no longer valid.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { users } from '../modules/identity/identity.tables';
import { verifyPassword } from '../modules/identity/passwords';
import { signatures } from './audit.tables';
import { requireUserActor } from './context';
import { wrongPassword } from './errors';
import { hashRecord } from './hashing';
import type { Writer } from './write';

export interface SignatureInput {
  password: string;
  meaning: string;
}

export interface SignatureView {
  signer: string;
  printedName: string;
  at: string;
  meaning: string;
  /** False when the record has changed since it was signed. */
  valid: boolean;
}

/** Signs `record` as the current user inside the writer's transaction; a wrong password changes nothing. */
export async function sign(
  w: Writer,
  input: SignatureInput,
  entityType: string,
  entityId: string,
  record: unknown,
): Promise<SignatureView> {
  const actor = requireUserActor();
  const [user] = await w.tx.select().from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(user.passwordHash, input.password))) {
    throw wrongPassword('The password you entered to sign is not correct; nothing was signed.', { code: 'signature.wrong_password' });
  }
  const row = await w.insert(signatures, 'signature', {
    userId: user.id,
    printedName: user.displayName,
    meaning: input.meaning,
    entityType,
    entityId,
    recordHash: hashRecord(record),
    signedAt: new Date(),
  });
  return { signer: user.username, printedName: row.printedName, at: row.signedAt.toISOString(), meaning: row.meaning, valid: true };
}

/** The signatures on a record, each checked against the record as it is now. */
export async function signaturesOf(
  db: Executor,
  entityType: string,
  entityId: string,
  currentRecord: unknown,
): Promise<SignatureView[]> {
  const rows = await db
    .select({ s: signatures, username: users.username })
    .from(signatures)
    .innerJoin(users, eq(users.id, signatures.userId))
    .where(and(eq(signatures.entityType, entityType), eq(signatures.entityId, entityId)))
    .orderBy(asc(signatures.signedAt));
  const currentHash = hashRecord(currentRecord);
  return rows.map(({ s, username }) => ({
    signer: username,
    printedName: s.printedName,
    at: s.signedAt.toISOString(),
    meaning: s.meaning,
    valid: s.recordHash === currentHash,
  }));
}
