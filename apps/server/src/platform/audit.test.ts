import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';
import { verifyAuditChain } from './audit.verify';

/** The spine: audit in the same transaction, append-only in the database, tamper-evident chain. */
describe('audit trail', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const q = (sql: string) => h.database.query(sql);

  it('records every change with actor, before, after and a chain of hashes', async () => {
    const coordinator = await h.createTestUser({ roles: ['coordinator'] });
    const res = await h.request(coordinator, 'POST', '/api/v1/patients', { sex: 'female', birthDate: '1970-01-02', name: 'Audit Person', mrn: 'AUD-1' });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    const trail = await q(`SELECT * FROM audit_events WHERE entity_type = 'patient' AND entity_id = '${id}'`);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actor: coordinator.username, action: 'create', before: null });
    expect((trail[0]!.after as { mrn: string }).mrn).toBe('AUD-1');
    const all = await q('SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq');
    for (let i = 1; i < all.length; i++) expect(all[i]!.prev_hash).toBe(all[i - 1]!.hash);
  });

  it('never stores password hashes in the trail', async () => {
    const rows = await q(`SELECT after FROM audit_events WHERE entity_type = 'user'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(JSON.stringify(r.after)).not.toMatch(/argon2|passwordHash/);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await expect(q(`UPDATE audit_events SET actor = 'mallory' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(q('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(q('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('verifies intact, then names the first tampered event after a direct change', async () => {
    const before = await verifyAuditChain(h.database.db);
    expect(before.ok).toBe(true);
    const [{ seq } = { seq: 0 }] = await q(`SELECT seq FROM audit_events WHERE entity_type = 'patient' ORDER BY seq LIMIT 1`);
    // A database owner can bypass the trigger; the chain still gives them away.
    await q('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
    await q(`UPDATE audit_events SET after = jsonb_set(after, '{mrn}', '"FORGED"') WHERE seq = ${Number(seq)}`);
    await q('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
    const after = await verifyAuditChain(h.database.db);
    expect(after).toMatchObject({ ok: false, brokenSeq: Number(seq) });
  });
});

describe('audit trail deletion', () => {
  it('names the gap when an event is removed', async () => {
    const h = await createHarness();
    try {
      await h.createTestUser({ roles: ['nurse'] });
      await h.createTestUser({ roles: ['qa'] });
      const total = (await verifyAuditChain(h.database.db)) as { ok: true; lastSeq: number };
      expect(total.lastSeq).toBeGreaterThan(3);
      await h.database.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await h.database.query('DELETE FROM audit_events WHERE seq = 3');
      expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: false, brokenSeq: 3 });
    } finally {
      await h.close();
    }
  });
});
