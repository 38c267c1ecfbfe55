/**
 * Conditional release and its duty: released before the late sterility result, a later
 * non-conforming result notifies the physician named in the decision, who acknowledges it with a
 * signature; the final release once everything is in; bad input and roles on the notification routes.
 */
import { describe, expect, it } from 'vitest';
import type { Harness } from '../../test/harness';
import { UNKNOWN, type Plant } from '../batches/batches.fixtures';
import { certify, completedCart, conformingResults, result, review, sig, withReleasePlant, type ReleaseCrew } from './release.fixtures';

type Notification = {
  id: string;
  batchId: string;
  batchNumber: string;
  din: string | null;
  testCode: string;
  status: string;
  message: string;
  physician: { username: string };
  acknowledgement: string | null;
  signatures: { meaning: string; valid: boolean; signer: string }[];
};

describe('conditional release and the physician notification', () => {
  let h: Harness;
  let c: ReleaseCrew;
  let p: Plant;
  withReleasePlant((world) => {
    ({ h, c, p } = world);
  });

  async function conditionallyReleased() {
    const made = await completedCart(h, c, p);
    await conformingResults(h, c, made.batch.id);
    await review(h, c.qa, made.batch.id);
    const res = await certify(h, c.qp, made.batch.id, { decision: 'conditional_release', treatingPhysicianId: c.physician.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ decision: 'conditional_release', pendingTests: ['STERILITY'], treatingPhysician: { username: c.physician.username } });
    return made;
  }
  const inbox = async (user = c.physician, query = '') => (await h.request(user, 'GET', `/api/v1/release-notifications${query}`)).json<{ items: Notification[] }>().items;

  it('a late OOS result notifies the treating physician, who acknowledges it with a signature', async () => {
    const { batch } = await conditionallyReleased();
    expect((await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}`)).json<{ status: string }>().status).toBe('conditionally_released');
    expect((await inbox()).filter((n) => n.batchId === batch.id)).toEqual([]);

    await result(h, c, batch.id, 'STERILITY', 'fail');
    const mine = (await inbox(c.physician, '?status=open')).filter((n) => n.batchId === batch.id);
    expect(mine).toHaveLength(1);
    const n = mine[0]!;
    expect(n).toMatchObject({ testCode: 'STERILITY', status: 'open', din: batch.din, physician: { username: c.physician.username } });
    expect(n.message).toContain(batch.batchNumber);
    expect(n.message).toContain('STERILITY');
    // Visible to QA, the QP and on the release checklist; not to another physician.
    expect((await inbox(c.qa, `?batchId=${batch.id}`)).map((x) => x.id)).toEqual([n.id]);
    expect((await inbox(c.physician2)).map((x) => x.id)).not.toContain(n.id);
    expect((await h.request(c.physician2, 'GET', `/api/v1/release-notifications/${n.id}`)).statusCode).toBe(404);
    const check = await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}/release-check`);
    expect(check.json<{ notifications: { id: string; status: string }[] }>().notifications).toMatchObject([{ id: n.id, status: 'open' }]);

    const url = `/api/v1/release-notifications/${n.id}/acknowledge`;
    expect((await h.request(c.physician, 'POST', url, { signature: sig() })).statusCode).toBe(400);
    expect((await h.request(c.physician, 'POST', url, { acknowledgement: '', signature: sig() })).statusCode).toBe(400);
    expect((await h.request(c.physician, 'POST', url, { acknowledgement: 'Seen.', signature: { password: 'not-it' } })).statusCode).toBe(401);
    const other = await h.request(c.physician2, 'POST', url, { acknowledgement: 'Seen.', signature: sig() });
    expect(other.statusCode).toBe(403);
    expect(other.json<{ code: string }>().code).toBe('release.not_addressee');
    expect((await h.request(c.qa, 'POST', url, { acknowledgement: 'Seen.', signature: sig() })).statusCode).toBe(403);
    expect((await h.request(c.physician, 'POST', `/api/v1/release-notifications/${UNKNOWN}/acknowledge`, { acknowledgement: 'Seen.', signature: sig() })).statusCode).toBe(404);
    expect((await inbox(c.physician, '?status=open')).map((x) => x.id)).toContain(n.id);

    const ack = await h.request(c.physician, 'POST', url, { acknowledgement: 'Patient assessed, blood cultures taken, antibiotics started.', signature: sig() });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json<Notification>()).toMatchObject({
      status: 'acknowledged',
      acknowledgement: 'Patient assessed, blood cultures taken, antibiotics started.',
      signatures: [{ meaning: 'Acknowledged late result', valid: true, signer: c.physician.username }],
    });
    expect((await inbox(c.physician, '?status=open')).map((x) => x.id)).not.toContain(n.id);
    const again = await h.request(c.physician, 'POST', url, { acknowledgement: 'Again.', signature: sig() });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('release.already_acknowledged');
  });

  it('a late conforming result notifies nobody; the final release then issues CoA version 2', async () => {
    const { batch } = await conditionallyReleased();
    await result(h, c, batch.id, 'STERILITY', 'pass');
    expect(await inbox(c.qa, `?batchId=${batch.id}`)).toEqual([]);
    const res = await certify(h, c.qp, batch.id, { decision: 'release' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}`)).json<{ status: string }>().status).toBe('released');
    const versions = (await h.request(c.qa, 'GET', `/api/v1/batches/${batch.id}/coa`)).json<{ items: { version: number; reason: string; outdated: boolean }[] }>().items;
    expect(versions).toMatchObject([
      { version: 1, reason: 'Issued at conditional release', outdated: true },
      { version: 2, reason: 'Final release: results pending at the conditional release are in', outdated: false },
    ]);
  });

  it('a non-conforming result of a batch never conditionally released notifies nobody', async () => {
    const { batch } = await completedCart(h, c, p);
    await result(h, c, batch.id, 'VCN', 9);
    expect(await inbox(c.qa, `?batchId=${batch.id}`)).toEqual([]);
  });

  it('lists the active physicians a QP can name, to the QP only', async () => {
    const res = await h.request(c.qp, 'GET', '/api/v1/release/physicians');
    expect(res.statusCode).toBe(200);
    const usernames = res.json<{ items: { username: string }[] }>().items.map((p) => p.username);
    expect(usernames).toEqual(expect.arrayContaining([c.physician.username, c.physician2.username]));
    expect(usernames).not.toContain(c.nurse.username);
    for (const user of [c.qa, c.physician, c.operator]) expect((await h.request(user, 'GET', '/api/v1/release/physicians')).statusCode).toBe(403);
  });

  it('refuses bad filters and roles without notification access', async () => {
    expect((await h.request(c.physician, 'GET', '/api/v1/release-notifications?status=closed')).statusCode).toBe(400);
    expect((await h.request(c.physician, 'GET', '/api/v1/release-notifications?batchId=B-1')).statusCode).toBe(400);
    for (const user of [c.operator, c.nurse, c.analyst, c.coordinator]) {
      expect((await h.request(user, 'GET', '/api/v1/release-notifications')).statusCode).toBe(403);
    }
    expect((await h.request(c.physician, 'GET', `/api/v1/release-notifications/${UNKNOWN}`)).statusCode).toBe(404);
  });
});
