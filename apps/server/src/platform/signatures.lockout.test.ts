import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crew, effectiveProcess, lot, material, room, type BatchJson, type Crew, type Problem } from '../modules/batches/batches.fixtures';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../test/harness';

const WRONG = 'Not-the-password-9';

/**
 * Wrong signature passwords count toward the account lockout as wrong login passwords do (5 in a row
 * lock it for 15 minutes), for the signer and for a batch-step witness alike; a locked account can
 * neither sign nor witness; a signature with the right password resets the count.
 */
describe('signature passwords and the account lockout', () => {
  let h: Harness;
  let c: Crew;
  let materialId: string;
  beforeAll(async () => {
    h = await createHarness();
    c = await crew(h);
    materialId = await material(h, c, 'MAT-LOCKOUT', 'reagent', 'mL');
  });
  afterAll(() => h.close());

  const account = async (user: TestUser) =>
    (await h.database.query<{ failed_logins: number; locked_until: Date | null }>(`SELECT failed_logins, locked_until FROM users WHERE id = '${user.id}'`))[0]!;
  const actions = async (entityId: string) => (await h.database.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity_id = '${entityId}' ORDER BY seq`)).map((e) => e.action);
  const signaturesOn = async (entityId: string) => (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM signatures WHERE entity_id = '${entityId}'`))[0]!.n;
  const login = (user: TestUser, password: string) => h.request(null, 'POST', '/api/v1/auth/login', { username: user.username, password });
  const dispose = (user: TestUser, lotId: string, password: string) =>
    h.request(user, 'POST', `/api/v1/lots/${lotId}/disposition`, { decision: 'release', signature: { password, meaning: 'Released' } });

  it('locks the signer after 5 wrong signature passwords in a row: each counted and audited, nothing signed, login then refused', async () => {
    const signer = await h.createTestUser({ roles: ['qa'] });
    const { id: lotId } = await lot(h, c, materialId, { release: false });
    const lotEvents = await actions(lotId);
    for (let i = 1; i <= 4; i++) {
      const res = await dispose(signer, lotId, WRONG);
      expect(res.statusCode).toBe(401);
      expect(res.json<Problem>().code).toBe('signature.wrong_password');
      expect(await account(signer)).toEqual({ failed_logins: i, locked_until: null });
    }
    const fifth = await dispose(signer, lotId, WRONG);
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json<Problem>()).toMatchObject({ code: 'auth.locked', params: { attempts: 5, minutes: 15 } });
    const minutes = (new Date((await account(signer)).locked_until!).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect((await actions(signer.id)).slice(-5)).toEqual(['signature_failed', 'signature_failed', 'signature_failed', 'signature_failed', 'lockout']);
    const [failure] = await h.database.query<{ actor: string }>(`SELECT actor FROM audit_events WHERE entity_id = '${signer.id}' AND action = 'signature_failed' LIMIT 1`);
    expect(failure!.actor).toBe(signer.username);

    // Nothing but the count changed: the lot is still in quarantine, unsigned, its trail as it was.
    expect((await h.request(signer, 'GET', `/api/v1/lots/${lotId}`)).json<{ status: string }>().status).toBe('quarantine');
    expect(await signaturesOn(lotId)).toBe(0);
    expect(await actions(lotId)).toEqual(lotEvents);

    // Locked: the right password neither signs nor logs in (same problem as login's lockout).
    const locked = await dispose(signer, lotId, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json<Problem>().code).toBe('auth.locked');
    const refusedLogin = await login(signer, TEST_PASSWORD);
    expect(refusedLogin.statusCode).toBe(423);
    expect(refusedLogin.json<Problem>().code).toBe('auth.locked');
    expect(await signaturesOn(lotId)).toBe(0);
  });

  it('counts login and signature failures together, and a right signature password resets the count as a login does', async () => {
    const signer = await h.createTestUser({ roles: ['qa'] });
    const { id: lotId } = await lot(h, c, materialId, { release: false });
    expect((await login(signer, WRONG)).statusCode).toBe(401);
    expect((await dispose(signer, lotId, WRONG)).statusCode).toBe(401);
    expect((await account(signer)).failed_logins).toBe(2);
    const ok = await dispose(signer, lotId, TEST_PASSWORD);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await account(signer)).failed_logins).toBe(0);
    expect(await actions(signer.id)).toContain('failures_reset');
    const other = await lot(h, c, materialId, { release: false });
    for (let i = 0; i < 4; i++) expect((await dispose(signer, other.id, WRONG)).statusCode).toBe(401);
    expect(await account(signer)).toEqual({ failed_logins: 4, locked_until: null });
  });

  describe('a batch-step witness', () => {
    let processId: string;
    beforeAll(async () => {
      const steps = [{ title: 'Label check', witness: true, fields: [{ key: 'labelsVerified', label: 'Labels verified', type: 'boolean' }] }];
      processId = (await effectiveProcess(h, c, { productType: 'vector', steps })).id;
    });
    const start = async () => {
      const r = await room(h, c);
      const res = await h.request(c.operator, 'POST', '/api/v1/batches', { processId, roomId: r.id });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<BatchJson>();
    };
    const witnessed = (batchId: string, witness: TestUser, password: string) =>
      h.request(c.operator, 'POST', `/api/v1/batches/${batchId}/steps/0/complete`, {
        values: { labelsVerified: true },
        signature: { password: TEST_PASSWORD, meaning: 'Performed' },
        witness: { username: witness.username, password },
      });

    it("counts a wrong witness password against the witness's account, not the performer's, and records nothing", async () => {
      const witness = await h.createTestUser({ roles: ['operator'] });
      const batch = await start();
      const before = await h.request(c.operator, 'GET', `/api/v1/batches/${batch.id}`);
      for (let i = 1; i <= 4; i++) {
        const res = await witnessed(batch.id, witness, WRONG);
        expect(res.statusCode).toBe(401);
        expect(res.json<Problem>().code).toBe('batch.witness_wrong_password');
        expect((await account(witness)).failed_logins).toBe(i);
      }
      expect((await account(c.operator)).failed_logins).toBe(0);
      const after = await h.request(c.operator, 'GET', `/api/v1/batches/${batch.id}`);
      expect(after.json<BatchJson>()).toEqual(before.json<BatchJson>());
      expect(after.json<BatchJson>().steps[0]).toMatchObject({ status: 'pending', signatures: [], witnessedBy: null });

      const fifth = await witnessed(batch.id, witness, WRONG);
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json<Problem>().code).toBe('auth.locked');
      expect((await actions(witness.id)).slice(-2)).toEqual(['signature_failed', 'lockout']);
      const refused = await witnessed(batch.id, witness, TEST_PASSWORD);
      expect(refused.statusCode).toBe(423);
      expect(refused.json<Problem>().code).toBe('auth.locked');
      expect((await login(witness, TEST_PASSWORD)).statusCode).toBe(423);
      expect((await h.request(c.operator, 'GET', `/api/v1/batches/${batch.id}`)).json<BatchJson>().steps[0]!.status).toBe('pending');

      const byAnother = await witnessed(batch.id, c.operator2, TEST_PASSWORD);
      expect(byAnother.statusCode, byAnother.body).toBe(200);
      expect(byAnother.json<BatchJson>().steps[0]).toMatchObject({ status: 'completed', witnessedBy: c.operator2.username });
    });
  });
});
