import { describe, expect, it } from 'vitest';
import { seededDemoCenter } from './demo.fixtures';
import { RELEASE_PATIENT_MRN, RELEASE_ROOM } from './release.seed';

type Check = {
  status: string;
  din: string | null;
  chainOfIdentity: { verified: boolean };
  openDeviations: unknown[];
  qc: { specification: { version: number } | null; tests: { state: string }[] };
  decisions: { release: { blockers: { code: string }[] } };
};

/** The demo's batch awaiting QC: completed, verified chain of identity, no deviation, nothing tested yet. */
describe('demo release seed', () => {
  const signedIn = seededDemoCenter();
  async function as(username: string) {
    const get = await signedIn(username);
    return <T>(url: string) => get(url).then((r) => r.json<T>());
  }

  it('leaves one completed CAR-T batch of patient 5 awaiting QC, its room clean', async () => {
    const get = await as('qp');
    const completed = (await get<{ items: { id: string; processCode: string; roomCode: string; subjectCode: string | null }[] }>('/api/v1/batches?status=completed')).items;
    const cart = completed.filter((b) => b.processCode === 'CART-GPC3');
    expect(cart).toHaveLength(1);
    expect(cart[0]!.roomCode).toBe(RELEASE_ROOM);
    const check = await get<Check>(`/api/v1/batches/${cart[0]!.id}/release-check`);
    expect(check.status).toBe('completed');
    expect(check.din).toMatch(/^A9999\d{8}$/);
    expect(check.chainOfIdentity.verified).toBe(true);
    expect(check.openDeviations).toEqual([]);
    expect(check.qc.specification?.version).toBe(1);
    expect(check.qc.tests.every((t) => t.state === 'missing')).toBe(true);
    expect(check.decisions.release.blockers.map((b) => b.code)).toEqual(['release.qc_incomplete', 'release.results_pending', 'release.no_review']);
    const rooms = (await get<{ items: { code: string; status: string }[] }>('/api/v1/rooms')).items;
    expect(rooms.find((r) => r.code === RELEASE_ROOM)?.status).toBe('clean');
    const patients = (await (await as('coordinator'))<{ items: { mrn: string | null; subjectCode: string }[] }>('/api/v1/patients')).items;
    expect(patients.find((p) => p.mrn === RELEASE_PATIENT_MRN)?.subjectCode).toBe(cart[0]!.subjectCode);
  });
});
