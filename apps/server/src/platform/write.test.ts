import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studies } from '../modules/studies/studies.tables';
import { createHarness, type Harness } from '../test/harness';
import { write } from './write';

describe('the write path', () => {
  let h: Harness;
  let studyId: string;
  beforeAll(async () => {
    h = await createHarness();
    const coordinator = await h.createTestUser({ roles: ['coordinator'] });
    studyId = (await h.request(coordinator, 'POST', '/api/v1/studies', { code: 'W-1', title: 'Original title', indication: 'hcc', phase: '1' })).json<{ id: string }>().id;
  });
  afterAll(() => h.close());

  const auditCount = async () => (await h.database.query('SELECT count(*)::int AS n FROM audit_events'))[0]!.n;
  const title = async () => (await h.database.db.select().from(studies).where(eq(studies.id, studyId)))[0]!.title;

  it('refuses to change a GMP record without a reason (422), changing nothing', async () => {
    const before = await auditCount();
    const attempt = write(h.database.db, (w) => w.update(studies, 'study', studyId, { title: 'Silently changed' }, null));
    await expect(attempt).rejects.toMatchObject({ status: 422 });
    await expect(write(h.database.db, (w) => w.update(studies, 'study', studyId, { title: 'x' }, '   '))).rejects.toMatchObject({ status: 422 });
    expect(await title()).toBe('Original title');
    expect(await auditCount()).toBe(before);
  });

  it('records before, after and reason of an update in the same transaction', async () => {
    await write(h.database.db, (w) => w.update(studies, 'study', studyId, { title: 'Amended title' }, 'Protocol amendment 2'));
    const [event] = await h.database.query(`SELECT * FROM audit_events WHERE entity_id = '${studyId}' ORDER BY seq DESC LIMIT 1`);
    expect(event).toMatchObject({ action: 'update', reason: 'Protocol amendment 2', actor: 'system' });
    expect((event!.before as { title: string }).title).toBe('Original title');
    expect((event!.after as { title: string }).title).toBe('Amended title');
  });

  it('rolls back both the row and its audit event when the transaction fails', async () => {
    const before = await auditCount();
    const failing = write(h.database.db, async (w) => {
      await w.update(studies, 'study', studyId, { title: 'Never stored' }, 'test');
      throw new Error('crash after the write');
    });
    await expect(failing).rejects.toThrow('crash after the write');
    expect(await title()).toBe('Amended title');
    expect(await auditCount()).toBe(before);
  });
});
