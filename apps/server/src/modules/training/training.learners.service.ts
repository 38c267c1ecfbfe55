/**
 * Learners: everyone the academy trains. Staff are internal learners tied to their user account;
 * clinicians and researchers from partner hospitals and universities are external learners without
 * system access, who can later be given a trainee login. Learners are never deleted.
 */
import type { LearnerKind } from '@hepatica/core';
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { conflict, notFound } from '../../platform/errors';
import { write, type Writer } from '../../platform/write';
import { createUser, getUserById } from '../identity/identity.service';
import { users } from '../identity/identity.tables';
import { homeSite } from '../sites/sites.service';
import { trainingLearners } from './training.tables';

export type Learner = typeof trainingLearners.$inferSelect;
type LearnerRow = { learner: Learner; username: string | null };

/** What staff are called when no profession is given. */
export const STAFF_PROFESSION = 'Staff';

export function learnerView({ learner: l, username }: LearnerRow) {
  return {
    id: l.id,
    kind: l.kind as LearnerKind,
    userId: l.userId,
    username,
    name: l.name,
    institution: l.institution,
    profession: l.profession,
    email: l.email,
    createdAt: l.createdAt.toISOString(),
  };
}

function selectLearners(db: Executor) {
  return db
    .select({ learner: trainingLearners, username: users.username })
    .from(trainingLearners)
    .leftJoin(users, eq(users.id, trainingLearners.userId));
}

export async function listLearners(db: Executor, filter: { kind?: LearnerKind | undefined; search?: string | undefined } = {}): Promise<LearnerRow[]> {
  const where: SQL[] = [];
  if (filter.kind) where.push(eq(trainingLearners.kind, filter.kind));
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(trainingLearners.name, pattern), ilike(trainingLearners.institution, pattern), ilike(trainingLearners.email, pattern), ilike(users.username, pattern))!);
  }
  return selectLearners(db).where(and(...where)).orderBy(asc(trainingLearners.name)).limit(1000);
}

/** The learner row; 404 when there is none. */
export async function getLearner(db: Executor, id: string): Promise<Learner> {
  return (await getLearnerRow(db, id)).learner;
}

/** The learner with the username of their login, if they have one. */
export async function getLearnerRow(db: Executor, id: string): Promise<LearnerRow> {
  const [row] = await selectLearners(db).where(eq(trainingLearners.id, id));
  if (!row) throw notFound('Learner');
  return row;
}

export async function findLearnerByUser(db: Executor, userId: string): Promise<Learner | undefined> {
  const [row] = await db.select().from(trainingLearners).where(eq(trainingLearners.userId, userId));
  return row;
}

/**
 * The learner of a user, created (internal, named after the user, at the home site, profession
 * "Staff") if the user has none yet. Runs inside the caller's write transaction, so an assessment
 * or qualification and the learner it needs are stored together or not at all.
 */
export async function learnerForUser(w: Writer, userId: string): Promise<Learner> {
  const existing = await findLearnerByUser(w.tx, userId);
  if (existing) return existing;
  const [user] = await w.tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound('User');
  const site = await homeSite(w.tx);
  return w.insert(trainingLearners, 'training_learner', {
    kind: 'internal',
    userId,
    name: user.displayName,
    institution: site.name,
    profession: STAFF_PROFESSION,
  });
}

export type NewLearner =
  | { kind: 'external'; name: string; institution: string; profession: string; email?: string | undefined }
  | { kind: 'internal'; userId: string; profession?: string | undefined };

export async function createLearner(db: Db, input: NewLearner): Promise<LearnerRow> {
  const learner = input.kind === 'external' ? await createExternal(db, input) : await createInternal(db, input);
  return getLearnerRow(db, learner.id);
}

function createExternal(db: Db, input: Extract<NewLearner, { kind: 'external' }>): Promise<Learner> {
  return write(db, (w) =>
    w.insert(trainingLearners, 'training_learner', {
      kind: 'external',
      name: input.name,
      institution: input.institution,
      profession: input.profession,
      email: input.email ?? null,
    }),
  );
}

async function createInternal(db: Db, input: Extract<NewLearner, { kind: 'internal' }>): Promise<Learner> {
  const user = await getUserById(db, input.userId);
  return write(db, async (w) => {
    const existing = await findLearnerByUser(w.tx, user.id);
    if (existing) {
      throw conflict(`${user.displayName} is already a learner.`, { code: 'training.learner_exists', params: { name: user.displayName, learnerId: existing.id } });
    }
    const site = await homeSite(w.tx);
    return w.insert(trainingLearners, 'training_learner', {
      kind: 'internal',
      userId: user.id,
      name: user.displayName,
      institution: site.name,
      profession: input.profession ?? STAFF_PROFESSION,
    });
  });
}

/**
 * Gives a learner without a login a trainee account (e.g. an external learner who will take
 * e-learning here). The password policy and unique usernames are identity's rules, applied by
 * createUser; the link to the learner is audited with its reason.
 */
export async function createLearnerAccount(db: Db, id: string, input: { username: string; password: string }): Promise<LearnerRow> {
  const learner = await getLearner(db, id);
  if (learner.userId) throw alreadyHasLogin(learner);
  const user = await createUser(db, { username: input.username, displayName: learner.name, password: input.password, roles: ['trainee'] });
  await write(db, async (w) => {
    const locked = await w.lockById(trainingLearners, id, 'Learner');
    // Another request may have linked a login meanwhile; the account just made stays unused.
    if (locked.userId) throw alreadyHasLogin(locked);
    await w.update(trainingLearners, 'training_learner', id, { userId: user.id }, `Trainee login ${user.username} created`, 'account_linked');
  });
  return getLearnerRow(db, id);
}

function alreadyHasLogin(learner: Learner) {
  return conflict(`${learner.name} already has a login.`, { code: 'training.learner_has_account', params: { name: learner.name } });
}
