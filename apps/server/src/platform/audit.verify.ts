/**
 * Recomputes the audit hash chain from the first event and names the first event that does not
 * fit: a changed field, a removed or reordered event, or a broken link to its predecessor.
 */
import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditEvents } from './audit.tables';
import { chainHash, GENESIS_HASH, hashedContent } from './audit';

export type VerifyResult =
  | { ok: true; count: number; lastSeq: number }
  | { ok: false; count: number; brokenSeq: number; reason: string };

const PAGE = 5000;

export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(PAGE);
    for (const event of page) {
      const problem = checkEvent(event, expectedSeq, prevHash);
      if (problem) return { ok: false, count, brokenSeq: problem.seq, reason: problem.reason };
      prevHash = event.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < PAGE) return { ok: true, count, lastSeq: expectedSeq - 1 };
  }
}

function checkEvent(
  event: typeof auditEvents.$inferSelect,
  expectedSeq: number,
  prevHash: string,
): { seq: number; reason: string } | null {
  if (event.seq !== expectedSeq) {
    return { seq: expectedSeq, reason: `event ${expectedSeq} is missing (next found is ${event.seq})` };
  }
  if (event.prevHash !== prevHash) {
    return { seq: event.seq, reason: 'its link to the previous event does not match' };
  }
  if (chainHash(prevHash, hashedContent(event)) !== event.hash) {
    return { seq: event.seq, reason: 'its content does not match its hash (changed after it was written)' };
  }
  return null;
}
