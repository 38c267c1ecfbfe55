import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithContext } from '../../platform/context';
import { write } from '../../platform/write';
import { createHarness, type Harness, type TestUser } from '../../test/harness';
import { insertBatch, newRoom } from '../facility/facility.fixtures';
import { openDeviation, type NewDeviation } from './deviations.service';
import { openDeviationsOf } from './deviations.status';

describe('openDeviationsOf', () => {
  let h: Harness;
  let operator: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    operator = await h.createTestUser({ roles: ['operator'] });
  });
  afterAll(() => h.close());

  const actor = { id: null, username: 'qa.lead', displayName: 'QA lead', roles: ['qa'] };
  const open = (input: Partial<NewDeviation>) =>
    runWithContext({ requestId: 'test', actor }, () =>
      write(h.database.db, (w) => openDeviation(w, { title: 'Bag temperature 9 °C', description: 'Above 8 °C', severity: 'major', source: 'batch_value', ...input })),
    );

  it('lists every deviation in or linked to the batch until it is closed, and nothing of other batches', async () => {
    const room = await newRoom(h, operator);
    const [batch, other] = [await insertBatch(h, room.id, new Date()), await insertBatch(h, room.id, new Date())];
    expect(await openDeviationsOf(h.database.db, batch.id)).toEqual([]);
    const inBatch = await open({ batchId: batch.id, openedAt: new Date('2030-01-01T00:00:00Z') });
    const linkedOnly = await open({ batchIds: [batch.id, other.id], source: 'em_excursion', severity: 'critical', openedAt: new Date('2030-01-02T00:00:00Z') });
    await open({ batchId: other.id });
    const found = await openDeviationsOf(h.database.db, batch.id);
    expect(found).toEqual([
      { id: inBatch.id, number: inBatch.number, title: 'Bag temperature 9 °C', severity: 'major', status: 'open' },
      { id: linkedOnly.id, number: linkedOnly.number, title: 'Bag temperature 9 °C', severity: 'critical', status: 'open' },
    ]);
    await h.database.query(`UPDATE deviations SET status = 'investigation' WHERE id = '${linkedOnly.id}'`);
    await h.database.query(`UPDATE deviations SET status = 'closed' WHERE id = '${inBatch.id}'`);
    expect(await openDeviationsOf(h.database.db, batch.id)).toEqual([expect.objectContaining({ id: linkedOnly.id, status: 'investigation' })]);
    expect((await openDeviationsOf(h.database.db, other.id)).length).toBe(2);
  });
});
