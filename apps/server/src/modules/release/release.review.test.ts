/** The QA review of a batch record and the record the review screen reads: every change and signature. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../../test/harness';
import { batches } from '../batches/batches.tables';
import { patientBag, startCart, UNKNOWN, type Plant } from '../batches/batches.fixtures';
import { completedCart, result, review, sig, withReleasePlant, type ReleaseCrew } from './release.fixtures';

type Trail = {
  trail: { seq: number; actor: string; action: string; entityType: string; entityId: string; reason: string | null; changes: { field: string; before: unknown; after: unknown }[] }[];
  signatures: { entityType: string; signer: string; meaning: string }[];
  review: { reviewer: { username: string }; comment: string | null; signatures: { meaning: string; valid: boolean }[] } | null;
};

describe('batch review', () => {
  let h: Harness;
  let c: ReleaseCrew;
  let p: Plant;
  withReleasePlant((world) => {
    ({ h, c, p } = world);
  });

  it('shows every change and signature of the batch, its steps and QC results, then records the signed review', async () => {
    const { batch } = await completedCart(h, c, p);
    const resultId = await result(h, c, batch.id, 'VIAB', 91.2);
    const before = (await h.request(c.qa, 'GET', `/api/v1/batches/${batch.id}/review-record`)).json<Trail>();
    expect(before.review).toBeNull();
    const of = (type: string) => before.trail.filter((e) => e.entityType === type);
    expect(of('batch').map((e) => e.action)).toEqual(['create', 'complete']);
    expect(of('batch_step').filter((e) => e.action === 'create')).toHaveLength(4);
    expect(new Set(of('batch_step').map((e) => e.entityId)).size).toBe(4);
    expect(of('qc_result').map((e) => e.entityId)).toContain(resultId);
    const completion = of('batch').find((e) => e.action === 'complete')!;
    expect(completion.changes).toContainEqual({ field: 'status', before: 'in_progress', after: 'completed' });
    expect(completion.reason).toBe('All 4 steps completed');
    // Four performers' signatures, the witness's, the analyst's and the reviewer's of the result.
    const meanings = before.signatures.map((s) => `${s.entityType}:${s.signer}`);
    expect(meanings.filter((m) => m === `batch_step:${c.operator.username}`)).toHaveLength(4);
    expect(meanings).toContain(`batch_step:${c.operator2.username}`);
    expect(meanings).toContain(`qc_result:${c.analyst.username}`);
    expect(meanings).toContain(`qc_result:${c.analyst2.username}`);
    // Nothing of another batch leaks in.
    const other = await completedCart(h, c, p);
    const again = (await h.request(c.qa, 'GET', `/api/v1/batches/${batch.id}/review-record`)).json<Trail>();
    expect(again.trail.map((e) => e.entityId)).not.toContain(other.batch.id);
    expect(again.trail).toHaveLength(before.trail.length);

    const res = await h.request(c.qa, 'POST', `/api/v1/batches/${batch.id}/review`, { signature: sig(), comment: 'Complete and consistent.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ reviewer: { username: c.qa.username }, comment: 'Complete and consistent.', signatures: [{ meaning: 'Reviewed batch record', valid: true }] });
    const after = (await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}/review-record`)).json<Trail>();
    expect(after.review?.reviewer.username).toBe(c.qa.username);
    expect(after.trail.map((e) => e.entityType)).toContain('batch_review');
    expect(after.signatures.map((s) => s.entityType)).toContain('batch_review');

    const twice = await h.request(c.qa2, 'POST', `/api/v1/batches/${batch.id}/review`, { signature: sig() });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ code: string }>().code).toBe('release.already_reviewed');
  });

  it('reviews only a completed batch', async () => {
    const { batch } = await startCart(h, c, p);
    const res = await h.request(c.qa, 'POST', `/api/v1/batches/${batch.id}/review`, { signature: sig() });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'release.review_not_completed', params: { status: 'in_progress' } });
  });

  it('answers bad input with 400, a wrong password with 401 (no review kept), unknown batches with 404, other roles with 403', async () => {
    const { batch } = await completedCart(h, c, p);
    const url = `/api/v1/batches/${batch.id}/review`;
    for (const body of [{}, { signature: {} }, { signature: sig(), comment: '' }, { signature: sig(), comment: 'x'.repeat(2001) }]) {
      expect((await h.request(c.qa, 'POST', url, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await h.request(c.qa, 'POST', url, { signature: { password: 'wrong' } })).statusCode).toBe(401);
    expect((await h.request(c.qa, 'GET', `/api/v1/batches/${batch.id}/review-record`)).json<Trail>().review).toBeNull();
    expect((await h.request(c.qa, 'POST', `/api/v1/batches/${UNKNOWN}/review`, { signature: sig() })).statusCode).toBe(404);
    expect((await h.request(c.qa, 'GET', `/api/v1/batches/${UNKNOWN}/review-record`)).statusCode).toBe(404);
    expect((await h.request(c.qa, 'POST', '/api/v1/batches/B-1/review', { signature: sig() })).statusCode).toBe(400);
    for (const user of [c.qp, c.operator, c.analyst, c.director, c.physician]) expect((await h.request(user, 'POST', url, { signature: sig() })).statusCode).toBe(403);
    for (const user of [c.operator, c.physician, c.nurse]) expect((await h.request(user, 'GET', `/api/v1/batches/${batch.id}/review-record`)).statusCode).toBe(403);
    await review(h, c.qa, batch.id);
  });

  it('names why the chain of identity is not verified on records that lack the receipt (older data)', async () => {
    const { batch } = await completedCart(h, c, p);
    const db = h.database.db;
    const check = async () => (await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}/release-check`)).json<{ chainOfIdentity: { verified: boolean; reason: string | null } }>().chainOfIdentity;
    expect(await check()).toMatchObject({ verified: true, reason: null });
    // Simulated legacy rows: no DIN recorded, then another patient's DIN.
    await db.update(batches).set({ din: null }).where(eq(batches.id, batch.id));
    expect(await check()).toMatchObject({ verified: false, reason: 'no_din' });
    const stranger = await patientBag(h, c);
    await db.update(batches).set({ din: stranger.bag.din }).where(eq(batches.id, batch.id));
    expect(await check()).toMatchObject({ verified: false, reason: 'din_mismatch' });
  });
});
