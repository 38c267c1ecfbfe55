/** Typed builders for the training academy's tests, through the API as a trainer would. */
import type { Role } from '../platform/access';
import { expect } from 'vitest';
import { createHarness, type Harness, type TestUser } from './harness';

export interface CourseRef {
  id: string;
  code: string;
}

/**
 * A harness with a trainer (who writes the catalogue, learners and qualifications in every suite) and
 * one user of each further role, named by it: `({ h, trainer, qa } = await trainingHarness('qa'))`.
 * Users are made in the order given, so their usernames are the same from run to run.
 */
export async function trainingHarness<R extends Role>(...roles: R[]): Promise<{ h: Harness; trainer: TestUser } & Record<R, TestUser>> {
  const h = await createHarness();
  const trainer = await h.createTestUser({ roles: ['trainer'] });
  const users = {} as Record<R, TestUser>;
  for (const role of roles) users[role] = await h.createTestUser({ roles: [role] });
  return { h, trainer, ...users };
}

/** POSTs `body` as `user`; the test fails, showing the server's answer, unless it is created (201). */
async function created<T>(h: Harness, user: TestUser, url: string, body: Record<string, unknown>): Promise<T> {
  const res = await h.request(user, 'POST', url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<T>();
}

export function createCourse<T = CourseRef>(h: Harness, trainer: TestUser, body: Record<string, unknown>): Promise<T> {
  return created<T>(h, trainer, '/api/v1/training/courses', body);
}

/** Code and title of a suite's next course: PREFIX-1, PREFIX-2…, so courses made by one suite never collide. */
export function courseNumbering(prefix: string): () => { code: string; title: string } {
  let n = 0;
  return () => {
    n += 1;
    return { code: `${prefix}-${n}`, title: `Course ${n}` };
  };
}

/** An external learner; a physician at Beijing Youan Hospital unless `more` says otherwise. */
export function createExternalLearner<T = { id: string }>(h: Harness, trainer: TestUser, name: string, more: Record<string, unknown> = {}): Promise<T> {
  return created<T>(h, trainer, '/api/v1/training/learners', { kind: 'external', name, institution: 'Beijing Youan Hospital', profession: 'Physician', ...more });
}

/** A qualification recorded directly (not earned by an assessment); `body` names the learner or user and the course. */
export function grantQualification<T>(h: Harness, user: TestUser, body: Record<string, unknown>): Promise<T> {
  return created<T>(h, user, '/api/v1/training/qualifications', body);
}

/** Rows in a table, to show that a refused request stored nothing. */
export async function countRows(h: Harness, table: string): Promise<number> {
  return (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
}
