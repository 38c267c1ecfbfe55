import { addMonthsInZone, localDate } from '@hepatica/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, TestUser } from '../../test/harness';
import { createCourse, grantQualification, trainingHarness } from '../../test/training-fixtures';
import { requireQualification } from './training.gate';

type Qualification = { id: string; validUntil: string | null; status: string };
type Gate = { qualified: boolean; state: string; qualification: Qualification | null };
type Problem = { code: string; detail: string; errors?: { path: string }[] };

/**
 * The gate other modules call. Each case gives one person one state of the aseptic gowning
 * qualification and checks both the service (the refusal's code, params and wording) and the route.
 */
describe('the competency gate', () => {
  let h: Harness;
  let trainer: TestUser;
  let qa: TestUser;
  let course: { id: string; code: string };
  beforeAll(async () => {
    ({ h, trainer, qa } = await trainingHarness('qa'));
    course = await createCourse(h, trainer, {
      code: 'ASEP-201',
      title: 'Aseptic gowning qualification',
      category: 'aseptic_gowning',
      validityMonths: 12,
      sopCode: 'SOP-QA-012',
      sopVersion: '3.0',
    });
  });
  afterAll(() => h.close());

  /** A user holding ASEP-201 achieved `monthsAgo` months ago, then put in the given state. */
  const person = async (monthsAgo: number | null, action?: 'suspend' | 'revoke') => {
    const user = await h.createTestUser({ roles: ['operator'] });
    if (monthsAgo === null) return { user, q: null };
    const achievedAt = addMonthsInZone(new Date(Date.now() - 60_000), -monthsAgo, 'Asia/Shanghai').toISOString();
    const q = await grantQualification<Qualification>(h, trainer, { userId: user.id, courseId: course.id, achievedAt });
    if (action) expect((await h.request(trainer, 'POST', `/api/v1/training/qualifications/${q.id}/${action}`, { reason: 'Media fill failure' })).statusCode).toBe(200);
    return { user, q };
  };
  const gate = (userId: string) => requireQualification(h.database.db, { userId, competency: 'ASEP-201', at: new Date() });
  const route = async (userId: string, extra = '') => {
    const res = await h.request(qa, 'GET', `/api/v1/training/gate?userId=${userId}&competency=ASEP-201${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Gate>();
  };

  it('lets a validly qualified person through', async () => {
    const { user, q } = await person(2);
    await expect(gate(user.id)).resolves.toMatchObject({ id: q!.id, effectiveStatus: 'valid' });
    expect(await route(user.id)).toMatchObject({ qualified: true, state: 'valid', qualification: { id: q!.id } });
  });

  it('refuses someone who never held it', async () => {
    const { user } = await person(null);
    await expect(gate(user.id)).rejects.toMatchObject({
      status: 409,
      code: 'training.not_qualified',
      params: { competency: 'ASEP-201', state: 'never_held', name: `Test ${user.username}` },
      detail: `Test ${user.username} is not qualified for ASEP-201 Aseptic gowning qualification: they have never held this qualification.`,
    });
    expect(await route(user.id)).toEqual({ qualified: false, state: 'never_held', qualification: null });
  });

  it('refuses an expired qualification, naming the expiry date in the site time zone', async () => {
    const { user, q } = await person(13);
    const expiredOn = localDate(new Date(q!.validUntil!), 'Asia/Shanghai');
    await expect(gate(user.id)).rejects.toMatchObject({
      status: 409,
      params: { competency: 'ASEP-201', state: 'expired', name: `Test ${user.username}` },
      detail: `Test ${user.username} is not qualified for ASEP-201 Aseptic gowning qualification: the qualification expired on ${expiredOn}; requalification is due.`,
    });
    expect(await route(user.id)).toMatchObject({ qualified: false, state: 'expired', qualification: { id: q!.id } });
    // It was valid a month before it expired.
    const before = new Date(Date.parse(q!.validUntil!) - 30 * 86_400_000).toISOString();
    expect(await route(user.id, `&at=${encodeURIComponent(before)}`)).toMatchObject({ qualified: true, state: 'valid' });
  });

  it('refuses a suspended qualification', async () => {
    const { user } = await person(1, 'suspend');
    await expect(gate(user.id)).rejects.toMatchObject({ params: { state: 'suspended' }, detail: expect.stringMatching(/: the qualification is suspended\.$/) });
    expect(await route(user.id)).toMatchObject({ qualified: false, state: 'suspended' });
  });

  it('refuses a revoked qualification', async () => {
    const { user } = await person(1, 'revoke');
    await expect(gate(user.id)).rejects.toMatchObject({ params: { state: 'revoked' }, detail: expect.stringMatching(/: the qualification was revoked\.$/) });
    expect(await route(user.id)).toMatchObject({ qualified: false, state: 'revoked' });
  });

  it('refuses after an SOP revision that requires requalification, and passes again once requalified', async () => {
    const { user } = await person(3);
    const patch = await h.request(trainer, 'PATCH', `/api/v1/training/courses/${course.id}`, { reason: 'Annex 1 gap assessment', sopVersion: '4.0', requireRequalification: true });
    expect(patch.statusCode, patch.body).toBe(200);
    await expect(gate(user.id)).rejects.toMatchObject({
      params: { state: 'requalification_required' },
      detail: expect.stringMatching(/: requalification is required after the SOP was revised \(trained on version 3\.0, now version 4\.0\)\.$/),
    });
    expect(await route(user.id)).toMatchObject({ qualified: false, state: 'requalification_required' });
    const again = await h.request(trainer, 'POST', '/api/v1/training/qualifications', { userId: user.id, courseId: course.id, achievedAt: new Date().toISOString() });
    expect(again.statusCode).toBe(201);
    expect(await route(user.id)).toMatchObject({ qualified: true, state: 'valid', qualification: { id: again.json<Qualification>().id } });
  });

  it('answers only training readers; refuses bad queries and unknown competencies', async () => {
    const { user } = await person(1);
    const trainee = await h.createTestUser({ roles: ['trainee'] });
    expect((await h.request(trainee, 'GET', `/api/v1/training/gate?userId=${user.id}&competency=ASEP-201`)).statusCode).toBe(403);
    const missing = await h.request(qa, 'GET', `/api/v1/training/gate?userId=${user.id}`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json<Problem>().errors!.map((e) => e.path)).toEqual(['querystring.competency']);
    expect((await h.request(qa, 'GET', `/api/v1/training/gate?userId=${user.id}&competency=ASEP-201&at=tomorrow`)).statusCode).toBe(400);
    const unknown = await h.request(qa, 'GET', `/api/v1/training/gate?userId=${user.id}&competency=NOPE-999`);
    expect(unknown.statusCode).toBe(404);
    await expect(requireQualification(h.database.db, { userId: user.id, competency: 'NOPE-999', at: new Date() })).rejects.toMatchObject({ status: 404 });
  });
});
