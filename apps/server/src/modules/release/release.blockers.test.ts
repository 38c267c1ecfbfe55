/** The QP's decision: every blocker refused with its own code, the happy path, exceptional release and reject. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type Harness } from '../../test/harness';
import { batches } from '../batches/batches.tables';
import { specifications } from '../qc/qc.tables';
import { done, lot, patientBag, startCart, startVector, unit, UNKNOWN, type Plant } from '../batches/batches.fixtures';
import { certify, completedCart, conformingResults, result, review, sig, withReleasePlant, type ReleaseCrew, type ReleaseProblem } from './release.fixtures';

describe('release blockers', () => {
  let h: Harness;
  let c: ReleaseCrew;
  let p: Plant;
  withReleasePlant((world) => {
    ({ h, c, p } = world);
  });

  /** A completed batch with conforming results and sterility in, reviewed by QA: nothing blocks. */
  async function readyBatch() {
    const made = await completedCart(h, c, p);
    await conformingResults(h, c, made.batch.id);
    await result(h, c, made.batch.id, 'STERILITY', 'pass');
    await review(h, c.qa, made.batch.id);
    return made;
  }

  async function refused(user = c.qp, batchId: string, body: Record<string, unknown> = { decision: 'release' }) {
    const res = await certify(h, user, batchId, body);
    expect(res.statusCode, res.body).toBe(409);
    const problem = res.json<ReleaseProblem>();
    expect(problem.code).toBe('release.blocked');
    return problem;
  }
  const codes = (p: ReleaseProblem) => p.blockers.map((b) => b.code);

  it('releases a batch with nothing in the way: status, order, CoA version 1, signature', async () => {
    const { batch, order } = await readyBatch();
    const res = await certify(h, c.qp, batch.id, { decision: 'release' });
    expect(res.statusCode, res.body).toBe(201);
    const decision = res.json<{ decision: string; certifier: { username: string }; signatures: { meaning: string; valid: boolean }[] }>();
    expect(decision.decision).toBe('release');
    expect(decision.certifier.username).toBe(c.qp.username);
    expect(decision.signatures).toMatchObject([{ meaning: 'Certified for release', valid: true }]);
    expect((await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}`)).json<{ status: string }>().status).toBe('released');
    expect((await h.request(c.coordinator, 'GET', `/api/v1/orders/${order.id}`)).json<{ status: string }>().status).toBe('released');
    const coa = await h.request(c.qa, 'GET', `/api/v1/batches/${batch.id}/coa`);
    expect(coa.json<{ items: { version: number; outdated: boolean }[] }>().items).toMatchObject([{ version: 1, outdated: false }]);
    // Already decided: a second decision of the same kind is refused.
    expect(codes(await refused(c.qp, batch.id))).toEqual(['release.already_decided']);
  });

  it('refuses an unfinished batch (batch_not_completed), for a reject too', async () => {
    const { batch } = await startCart(h, c, p);
    expect(codes(await refused(c.qp, batch.id))).toContain('release.batch_not_completed');
    expect(codes(await refused(c.qp, batch.id, { decision: 'reject' }))).toEqual(['release.batch_not_completed']);
  });

  it('refuses a product without a specification (no_specification)', async () => {
    // The vector product of the plant has no specification; its batch is not finished either.
    const { batch } = await startVector(h, c, p);
    const problem = await refused(c.qp, batch.id);
    expect(codes(problem)).toEqual(['release.batch_not_completed', 'release.no_specification', 'release.no_review']);
  });

  it('refuses while required results are missing (qc_incomplete), naming the tests', async () => {
    const { batch } = await completedCart(h, c, p);
    await review(h, c.qa, batch.id);
    const problem = await refused(c.qp, batch.id);
    const blocker = problem.blockers.find((b) => b.code === 'release.qc_incomplete')!;
    expect(blocker.params).toEqual({ tests: 'VIAB, VCN', count: 2 });
    expect(problem.detail).toContain('VIAB, VCN');
  });

  it('refuses a full release while a late test is pending (results_pending), and a conditional one when nothing is (nothing_pending)', async () => {
    const { batch } = await completedCart(h, c, p);
    await conformingResults(h, c, batch.id);
    await review(h, c.qa, batch.id);
    expect(codes(await refused(c.qp, batch.id))).toEqual(['release.results_pending']);
    await result(h, c, batch.id, 'STERILITY', 'pass');
    expect(codes(await refused(c.qp, batch.id, { decision: 'conditional_release', treatingPhysicianId: c.physician.id }))).toEqual(['release.nothing_pending']);
  });

  it('refuses an out-of-specification product (out_of_specification), even conditionally', async () => {
    const { batch } = await completedCart(h, c, p);
    await result(h, c, batch.id, 'VIAB', 91);
    await result(h, c, batch.id, 'VCN', 7.5);
    await review(h, c.qa, batch.id);
    const problem = await refused(c.qp, batch.id);
    expect(problem.blockers).toContainEqual(expect.objectContaining({ code: 'release.out_of_specification', params: { tests: 'VCN', count: 1 } }));
    const conditional = await refused(c.qp, batch.id, { decision: 'conditional_release', treatingPhysicianId: c.physician.id });
    expect(codes(conditional)).toContain('release.out_of_specification');
  });

  it('refuses while a deviation of the batch is open (open_deviation), naming it', async () => {
    const started = await startCart(h, c, p);
    const first = await done(h, c.operator, started.batch.id, 0, { values: { bagTemperature: 9.5, labelMatches: true } });
    const number = first.deviations[0]!.number;
    const made = await finishFrom1(started.batch.id);
    expect(made).toBe('completed');
    await conformingResults(h, c, started.batch.id);
    await result(h, c, started.batch.id, 'STERILITY', 'pass');
    await review(h, c.qa, started.batch.id);
    const problem = await refused(c.qp, started.batch.id);
    expect(problem.blockers).toEqual([expect.objectContaining({ code: 'release.open_deviation', params: { deviations: number, count: 1 } })]);
  });

  it('refuses before the QA review (no_review)', async () => {
    const { batch } = await completedCart(h, c, p);
    await conformingResults(h, c, batch.id);
    await result(h, c, batch.id, 'STERILITY', 'pass');
    expect(codes(await refused(c.qp, batch.id))).toEqual(['release.no_review']);
  });

  it('refuses the reviewer as certifier (reviewer_is_certifier); another QP may certify', async () => {
    const { batch } = await completedCart(h, c, p);
    await conformingResults(h, c, batch.id);
    await result(h, c, batch.id, 'STERILITY', 'pass');
    await review(h, c.qaQp, batch.id);
    const problem = await refused(c.qaQp, batch.id);
    expect(problem.blockers).toEqual([expect.objectContaining({ code: 'release.reviewer_is_certifier', params: { reviewer: c.qaQp.username } })]);
    const check = await h.request(c.qaQp, 'GET', `/api/v1/batches/${batch.id}/release-check`);
    expect(check.json<{ decisions: { release: { allowed: boolean } } }>().decisions.release.allowed).toBe(false);
    expect((await certify(h, c.qp2, batch.id, { decision: 'release' })).statusCode).toBe(201);
  });

  it('refuses while a refused scan on the DIN is unresolved (chain_of_identity), and not once a verified scan follows', async () => {
    const { batch, bag } = await readyBatch();
    const other = await patientBag(h, c);
    const occurredAt = new Date().toISOString();
    const wrong = await h.request(c.operator, 'POST', '/api/v1/custody-events', { din: bag.din, type: 'storage', scannedDin: other.scan, occurredAt });
    expect(wrong.statusCode).toBe(409);
    const problem = await refused(c.qp, batch.id);
    expect(problem.blockers).toEqual([expect.objectContaining({ code: 'release.chain_of_identity', params: { din: bag.din, reason: 'unresolved_exception' } })]);
    const right = await h.request(c.operator, 'POST', '/api/v1/custody-events', { din: bag.din, type: 'storage', scannedDin: `=${bag.din}00`, occurredAt: new Date().toISOString() });
    expect(right.statusCode, right.body).toBe(201);
    const check = await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}/release-check`);
    expect(check.json<{ chainOfIdentity: unknown }>().chainOfIdentity).toMatchObject({ applies: true, verified: true, din: bag.din, exceptions: 0 });
    expect((await certify(h, c.qp, batch.id, { decision: 'release' })).statusCode).toBe(201);
  });

  it('certifies the expiry as end of manufacture + the specification shelf life (270 days), signed with the decision', async () => {
    const { batch } = await readyBatch();
    const [row] = await h.database.db.select({ completedAt: batches.completedAt }).from(batches).where(eq(batches.id, batch.id));
    const expected = new Date(row!.completedAt!.getTime() + 270 * 86_400_000).toISOString();
    const check = await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}/release-check`);
    expect(check.json<{ expiry: unknown }>().expiry).toEqual({ expiresAt: expected, expired: false });
    const res = await certify(h, c.qp, batch.id, { decision: 'release' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ productExpiresAt: string; signatures: { valid: boolean }[] }>()).toMatchObject({ productExpiresAt: expected, signatures: [{ valid: true }] });
  });

  it('refuses an expired product (product_expired) but lets it be rejected', async () => {
    const { batch } = await readyBatch();
    // Manufacture ended 271 days ago: one day past the 270-day shelf life. (Moving the end back also
    // puts the bag's receipt after it, so the chain-of-identity check objects too; only expiry matters here.)
    const ended = new Date(Date.now() - 271 * 86_400_000);
    await h.database.db.update(batches).set({ completedAt: ended }).where(eq(batches.id, batch.id));
    const problem = await refused(c.qp, batch.id);
    const expiresAt = new Date(ended.getTime() + 270 * 86_400_000).toISOString();
    expect(problem.blockers).toContainEqual(expect.objectContaining({ code: 'release.product_expired', params: { expiresAt } }));
    expect(problem.detail).toContain('never released');
    expect((await certify(h, c.qp, batch.id, { decision: 'reject' })).statusCode).toBe(201);
  });

  it('refuses a product whose specification states no shelf life (no_shelf_life)', async () => {
    const { batch } = await readyBatch();
    const spec = (await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}/release-check`)).json<{ qc: { specification: { id: string; shelfLifeDays: number } } }>().qc.specification;
    expect(spec.shelfLifeDays).toBe(270);
    // Specifications from before shelf life was recorded have none; simulate one, and put it back for the next tests.
    await h.database.db.update(specifications).set({ shelfLifeDays: null }).where(eq(specifications.id, spec.id));
    try {
      expect(codes(await refused(c.qp, batch.id))).toEqual(['release.no_shelf_life']);
    } finally {
      await h.database.db.update(specifications).set({ shelfLifeDays: 270 }).where(eq(specifications.id, spec.id));
    }
  });

  it('names every blocker at once, in code, params, extension and detail', async () => {
    const { batch } = await completedCart(h, c, p);
    const problem = await refused(c.qp, batch.id);
    expect(codes(problem)).toEqual(['release.qc_incomplete', 'release.results_pending', 'release.no_review']);
    expect(problem.params).toMatchObject({ count: 3, blockers: 'release.qc_incomplete, release.results_pending, release.no_review' });
    for (const b of problem.blockers) expect(problem.detail).toContain(b.message);
  });

  it('rejects a completed batch whatever blocks a release; nothing is certified after', async () => {
    const { batch } = await completedCart(h, c, p);
    const res = await certify(h, c.qp, batch.id, { decision: 'reject', comment: 'Cells did not expand.' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}`)).json<{ status: string }>().status).toBe('rejected');
    expect((await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}/coa.pdf`)).json<{ code: string }>().code).toBe('release.coa_not_issued');
    expect(codes(await refused(c.qp, batch.id, { decision: 'reject' }))).toEqual(['release.already_decided']);
  });

  it('releases an OOS product only through the exceptional path, recorded and signed', async () => {
    const { batch } = await completedCart(h, c, p);
    await result(h, c, batch.id, 'VIAB', 91);
    await result(h, c, batch.id, 'VCN', 6.2);
    await result(h, c, batch.id, 'STERILITY', 'pass');
    await review(h, c.qa, batch.id);
    const exceptional = {
      physicianRequest: { requestedBy: 'Dr Wang Fang', requestedAt: '2026-11-20T09:00:00+08:00', text: 'No alternative therapy; I request the product for this patient.' },
      justification: 'VCN 6.2 slightly above 5; benefit outweighs the risk for this patient.',
    };
    const asConditional = await certify(h, c.qp, batch.id, { decision: 'conditional_release', treatingPhysicianId: c.physician.id, exceptional });
    expect(asConditional.statusCode).toBe(422);
    expect(asConditional.json<{ code: string }>().code).toBe('release.exceptional_only_release');
    const res = await certify(h, c.qp, batch.id, { decision: 'release', exceptional });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ decision: 'release', exceptional, outOfSpecification: ['VCN'] });
    expect((await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}`)).json<{ status: string }>().status).toBe('released');
  });

  it('refuses the exceptional path for a product within specification', async () => {
    const { batch } = await readyBatch();
    const res = await certify(h, c.qp, batch.id, {
      decision: 'release',
      exceptional: { physicianRequest: { requestedBy: 'Dr Li', requestedAt: '2026-11-20T09:00:00+08:00', text: 'Please.' }, justification: 'Not needed.' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ code: string }>().code).toBe('release.exceptional_not_needed');
  });

  it('answers malformed input with 400, rule breaches with 422, a wrong password with 401 (nothing changes), unknown batches with 404, other roles with 403', async () => {
    const { batch } = await readyBatch();
    const bad = [
      {},
      { decision: 'ship', signature: sig() },
      { decision: 'release' },
      { decision: 'release', signature: { password: '' } },
      { decision: 'conditional_release', signature: sig(), treatingPhysicianId: 'dr-wang' },
      { decision: 'release', signature: sig(), exceptional: { physicianRequest: { requestedBy: 'x', requestedAt: 'yesterday', text: 'x' }, justification: 'x' } },
    ];
    for (const body of bad) expect((await h.request(c.qp, 'POST', `/api/v1/batches/${batch.id}/release`, body)).statusCode, JSON.stringify(body)).toBe(400);
    const noPhysician = await certify(h, c.qp, batch.id, { decision: 'conditional_release' });
    expect(noPhysician.json<{ code: string }>().code).toBe('release.physician_required');
    const notPhysician = await certify(h, c.qp, batch.id, { decision: 'conditional_release', treatingPhysicianId: c.nurse.id });
    expect(notPhysician.json<{ code: string }>().code).toBe('release.not_a_physician');
    const wrong = await h.request(c.qp, 'POST', `/api/v1/batches/${batch.id}/release`, { decision: 'release', signature: { password: 'wrong-password' } });
    expect(wrong.statusCode).toBe(401);
    expect((await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}`)).json<{ status: string }>().status).toBe('completed');
    expect((await certify(h, c.qp, UNKNOWN, { decision: 'release' })).statusCode).toBe(404);
    expect((await h.request(c.qp, 'POST', '/api/v1/batches/not-a-uuid/release', { decision: 'release', signature: sig() })).statusCode).toBe(400);
    for (const user of [c.qa, c.operator, c.physician, c.director, c.analyst]) expect((await certify(h, user, batch.id, { decision: 'release' })).statusCode).toBe(403);
    for (const user of [c.operator, c.physician, c.nurse]) expect((await h.request(user, 'GET', `/api/v1/batches/${batch.id}/release-check`)).statusCode).toBe(403);
    expect((await h.request(c.qp, 'GET', `/api/v1/batches/${UNKNOWN}/release-check`)).statusCode).toBe(404);
  });

  /** Steps 1–3 of a CAR-T batch whose step 0 is done; returns the status after the last. */
  async function finishFrom1(batchId: string): Promise<string> {
    const cabinet = await unit(h, c, 'biosafety_cabinet');
    await done(h, c.operator, batchId, 1, { values: { viability: 88 }, materialLots: [{ lotId: (await lot(h, c, p.materials.cd3)).id, quantity: 1 }], equipment: [cabinet.id] });
    await done(h, c.operator, batchId, 2, { values: { moi: 5 }, materialLots: [{ lotId: (await lot(h, c, p.materials.lvv)).id, quantity: 2 }], witness: { username: c.operator2.username, password: TEST_PASSWORD } });
    return (await done(h, c.operator, batchId, 3, { values: {}, materialLots: [(await lot(h, c, p.materials.cs10)).id] })).status;
  }
});
