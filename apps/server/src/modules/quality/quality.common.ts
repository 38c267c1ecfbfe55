/**
 * What deviations, CAPA and change control share: the owner rule, status refusals, and signatures
 * kept per lifecycle step. Each step signs its own part of the record under its own entity type, so
 * a later step (an investigation written after classification) does not make an earlier signature
 * look invalid, while a change to what a step signed still does.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { hasPermission } from '../../platform/access';
import { conflict, unprocessable } from '../../platform/errors';
import { signaturesOf, type SignatureView } from '../../platform/signatures';
import { users } from '../identity/identity.tables';
import { END_REASON_MIN } from './quality.schemas';

/** A signed part of a record: [entityType the signature was filed under, record id, the content signed]. */
export type SignedPart = readonly [entityType: string, id: string, content: unknown];

/** Every signature of the parts, each checked against its part as it is now, oldest first. */
export async function signaturesOfParts(db: Executor, parts: readonly SignedPart[]): Promise<SignatureView[]> {
  const lists = await Promise.all(parts.map(([type, id, content]) => signaturesOf(db, type, id, content)));
  return lists.flat().sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * 422 unless `username` is an active user who may record quality events (quality:write): an owner
 * must be able to sign the work they own. `path` names the body field for the form.
 */
export async function requireOwner(db: Executor, username: string, path: string): Promise<void> {
  const [user] = await db.select({ roles: users.roles }).from(users).where(and(eq(users.username, username), eq(users.active, true)));
  if (!user) {
    throw unprocessable(`There is no active user "${username}"; choose an owner from the list of users.`, {
      code: 'quality.owner_unknown',
      params: { username },
      errors: [{ path, message: 'Unknown user' }],
    });
  }
  if (!hasPermission(user.roles, 'quality:write')) {
    throw unprocessable(`${username} cannot record quality work (their role does not allow it); choose an owner from QA, QC or manufacturing.`, {
      code: 'quality.owner_not_allowed',
      params: { username },
      errors: [{ path, message: 'This user cannot own quality work' }],
    });
  }
}

/** 409 `<kind>.wrong_status` unless the record is in one of the allowed statuses. */
export function requireStatus(
  kind: 'deviation' | 'capa' | 'change_control',
  record: { number: string; status: string },
  allowed: readonly string[],
  doing: string,
): void {
  if (allowed.includes(record.status)) return;
  throw conflict(`${record.number} is ${record.status.replaceAll('_', ' ')}; it can be ${doing} only when ${allowed.map((s) => s.replaceAll('_', ' ')).join(' or ')}.`, {
    code: `${kind}.wrong_status`,
    params: { number: record.number, status: record.status, allowed: allowed.join(', '), action: doing },
  });
}

/**
 * The trimmed reason for ending a record without its work, or 422: missing (`gmp.reason_required`, as
 * every GMP change without a reason) or shorter than a sentence (`quality.reason_too_short`).
 */
export function requireEndReason(reason: string | undefined): string {
  const text = reason?.trim() ?? '';
  if (!text) {
    throw unprocessable('A reason is required: say why this record ends without its work being done.', {
      code: 'gmp.reason_required',
      errors: [{ path: 'body.reason', message: 'Required' }],
    });
  }
  if (text.length < END_REASON_MIN) {
    throw unprocessable(`Give the reason as a sentence of at least ${END_REASON_MIN} characters, so a later reader understands it.`, {
      code: 'quality.reason_too_short',
      params: { min: END_REASON_MIN },
      errors: [{ path: 'body.reason', message: `Must be at least ${END_REASON_MIN} characters`, code: 'too_small' }],
    });
  }
  return text;
}
