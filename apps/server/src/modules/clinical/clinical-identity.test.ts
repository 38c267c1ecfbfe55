import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, ROLES, type Role } from '../../platform/access';
import { createHarness, type Harness, type TestUser } from '../../test/harness';
import { subjectWith, type SubjectWorld } from './safety/safety.fixtures';

/**
 * Issue 11 item 11, walked over every readable route: with an infused study subject in the database, no role
 * without `identity:read` (researchers, partners, GMP and QC staff…) ever receives the patient's name or MRN
 * from any GET route, and the roles that need them (coordinator, physician, nurse) do see them in the casebook —
 * the positive control that proves the walk can find a leak.
 */
const NAME = '欧阳 走查';
const MRN = 'WALK2026042';
const ZERO = '00000000-0000-4000-8000-000000000000';

/** The id a GET route's `:id` stands for, by the collection it is under. */
function concrete(url: string, world: SubjectWorld): string {
  const byPrefix: [string, string | null][] = [
    ['/api/v1/clinical/subjects/', world.subjectId],
    ['/api/v1/clinical/studies/', world.studyId],
    ['/api/v1/studies/', world.studyId],
    ['/api/v1/patients/', world.patientId],
    ['/api/v1/orders/', world.orderId],
  ];
  const id = byPrefix.find(([prefix]) => url.startsWith(prefix))?.[1] ?? ZERO;
  return url.replace(/:id\b/, id).replace(/:[a-zA-Z]+/g, ZERO);
}

describe('names and MRNs across every readable route', () => {
  let h: Harness;
  let world: SubjectWorld;
  const users = new Map<Role, TestUser>();
  beforeAll(async () => {
    h = await createHarness();
    world = await subjectWith(h, { infusedAt: new Date(Date.now() - 10 * 86_400_000), name: NAME, mrn: MRN });
    for (const role of ROLES) users.set(role, await h.createTestUser({ roles: [role] }));
  });
  afterAll(() => h.close());

  const readable = () => h.routes.filter((r) => r.method === 'GET' && r.permission !== 'public' && !r.url.includes('/stream'));

  it('never shows the name or MRN to a role without identity:read', async () => {
    const leaks: string[] = [];
    for (const route of readable()) {
      const url = concrete(route.url, world);
      for (const role of ROLES.filter((r) => !hasPermission([r], 'identity:read'))) {
        const res = await h.request(users.get(role)!, 'GET', url);
        if (res.body.includes(NAME) || res.body.includes(MRN)) leaks.push(`${role} GET ${url} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  }, 600_000);

  it('shows the researcher the pseudonymous code in the casebook, and the care team the name and MRN', async () => {
    const url = `/api/v1/clinical/subjects/${world.subjectId}/casebook`;
    const researcher = await h.request(users.get('researcher')!, 'GET', url);
    expect(researcher.statusCode).toBe(200);
    expect(researcher.body).toContain(world.subjectCode);
    for (const role of ['coordinator', 'physician', 'nurse'] as const) {
      const res = await h.request(users.get(role)!, 'GET', url);
      expect(res.statusCode, role).toBe(200);
      expect(res.body, role).toContain(NAME);
      expect(res.body, role).toContain(MRN);
    }
  });

  it('gives partners no clinical route at all', async () => {
    const partner = users.get('partner')!;
    const opened = [];
    for (const route of readable().filter((r) => r.url.startsWith('/api/v1/clinical/'))) {
      const res = await h.request(partner, 'GET', concrete(route.url, world));
      if (res.statusCode !== 403) opened.push(`${route.url} → ${res.statusCode}`);
    }
    expect(opened).toEqual([]);
  });
});
