import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness';
import { REDACTED } from './audit.routes';

interface AuditItem {
  entityType: string;
  action: string;
  after: Record<string, unknown> | null;
}

describe('GET /audit', () => {
  let h: Harness;
  let coordinator: TestUser;
  let patientId: string;
  beforeAll(async () => {
    h = await createHarness();
    coordinator = await h.createTestUser({ roles: ['coordinator'] });
    const res = await h.request(coordinator, 'POST', '/api/v1/patients', { sex: 'female', birthDate: '1980-01-02', name: '审计 测试', mrn: 'AUD2026001' });
    expect(res.statusCode).toBe(201);
    patientId = res.json<{ id: string }>().id;
  });
  afterAll(() => h.close());

  const patientEvent = async (user: TestUser) => {
    const res = await h.request(user, 'GET', `/api/v1/audit?entityType=patient&entityId=${patientId}`);
    expect(res.statusCode).toBe(200);
    const [event] = res.json<{ items: AuditItem[] }>().items;
    return event!;
  };

  it('withholds the name and MRN from a QA reviewer (no identity:read), keeping the rest of the event', async () => {
    const event = await patientEvent(await h.createTestUser({ roles: ['qa'] }));
    expect(event.action).toBe('create');
    expect(event.after).toMatchObject({ name: REDACTED, mrn: REDACTED, sex: 'female', birthDate: '1980-01-02' });
  });

  it('shows them to an administrator, who holds identity:read', async () => {
    const event = await patientEvent(await h.createTestUser({ roles: ['admin'] }));
    expect(event.after).toMatchObject({ name: '审计 测试', mrn: 'AUD2026001' });
  });

  it('refuses roles without audit:read and anonymous callers', async () => {
    expect((await h.request(await h.createTestUser({ roles: ['researcher'] }), 'GET', '/api/v1/audit')).statusCode).toBe(403);
    expect((await h.request(null, 'GET', '/api/v1/audit')).statusCode).toBe(401);
  });

  it('refuses a malformed filter with a problem naming it', async () => {
    const res = await h.request(await h.createTestUser({ roles: ['admin'] }), 'GET', '/api/v1/audit?limit=0');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toContain('limit');
  });
});
