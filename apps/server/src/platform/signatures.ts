/**
 * Electronic signatures (21 CFR 11.50, 11.70, 11.200): the signer re-enters the password; the
 * signature records printed name, UTC time and meaning, and is bound to the SHA-256 of the signed
 * record version. If the record changes later, the signature shows as no longer valid.
 *
 * A wrong signature password counts toward the signer's lockout as a wrong login password does, and a
 * locked account cannot sign (21 CFR 11.300(d): attempts at unauthorized use are detected and stopped).
 * sign() runs inside the caller's write() transaction, which a wrong password must roll back entirely,
 * so the count cannot be written there: sign() throws PasswordRejected, write() lets the transaction roll
 * back and then PasswordRejected.afterRollback stores the failure (and its audit event) in a transaction
 * of its own. Every signing route signs through sign() inside write(), so every one of them counts,
 * without checking the password twice or before its own rules.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { assertNotLocked, lockedProblem, recordPasswordFailure } from '../modules/identity/identity.service';
import { users } from '../modules/identity/identity.tables';
import { verifyPassword } from '../modules/identity/passwords';
import { signatures } from './audit.tables';
import { requireUserActor } from './context';
import { wrongPassword, type Problem } from './errors';
import { hashRecord } from './hashing';
import { RefusalWithTrace, type Writer } from './write';

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

type UserRow = typeof users.$inferSelect;

const signatureWrongPassword = () =>
  wrongPassword('The password you entered to sign is not correct; nothing was signed.', { code: 'signature.wrong_password' });

/**
 * A wrong signature password. Nothing of the signing transaction is kept; afterwards the failure is
 * counted against the signer's account, and the client gets `refusal`, or the lockout problem when this
 * failure locked the account.
 */
export class PasswordRejected extends RefusalWithTrace {
  constructor(
    readonly signer: UserRow,
    readonly refusal: Problem = signatureWrongPassword(),
  ) {
    super(refusal.detail);
  }

  /** The same failure, refused to the client in other words (a witness's password, say). */
  withRefusal(refusal: Problem): PasswordRejected {
    return new PasswordRejected(this.signer, refusal);
  }

  async afterRollback(db: Db): Promise<Error> {
    const lockedUntil = await recordPasswordFailure(db, this.signer, 'signature');
    return lockedUntil ? lockedProblem(lockedUntil) : this.refusal;
  }
}

/**
 * Signs `record` as the current user inside the writer's transaction. A wrong password changes nothing
 * but the signer's failure count (see PasswordRejected); a locked account is refused (423 auth.locked);
 * a right one resets the count, as a successful login does.
 */
export async function sign(
  w: Writer,
  input: SignatureInput,
  entityType: string,
  entityId: string,
  record: unknown,
): Promise<SignatureView> {
  const actor = requireUserActor();
  const [user] = await w.tx.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw signatureWrongPassword();
  assertNotLocked(user);
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new PasswordRejected(user);
  if (user.failedLogins > 0) await w.update(users, 'user', user.id, { failedLogins: 0 }, null, 'failures_reset');
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
