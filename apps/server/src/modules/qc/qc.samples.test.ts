/**
 * Samples, their labels and the worklist. The label is rendered to pixels and both barcodes decoded
 * with ZXing, as a scanner at the QC bench would read them.
 */
import { parseDin } from '@hepatica/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, loadZXingFromNodeModules, renderPage } from '../../test/barcodes';
import { batches } from '../batches/batches.tables';
import { effectiveSpec, entered, insertBatch, nextProduct, qcCrew, UNKNOWN, type Problem, type QcCrew } from './qc.fixtures';

type SampleJson = { id: string; sampleNumber: string; testCodes: string[]; stepIndex: number | null; takenBy: string };
type WorkJson = { batchId: string; missing: number; awaitingReview: number; samples: number; pendingLate: number; openInvestigations: number };

describe('QC samples, labels and worklist', () => {
  let c: QcCrew;
  let product: string;
  beforeAll(async () => {
    loadZXingFromNodeModules();
    c = await qcCrew();
    product = nextProduct();
    await effectiveSpec(c, product);
  });
  afterAll(() => c.h.close());

  const draw = (batchId: string, body: unknown, user = c.analyst) => c.h.request(user, 'POST', `/api/v1/batches/${batchId}/qc-samples`, body);

  it('draws final product samples from a completed batch, numbered after the batch', async () => {
    const batch = await insertBatch(c, product);
    const first = await draw(batch.id, { name: 'Final product', testCodes: ['VIAB', 'ENDO', 'VIAB'] });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<SampleJson>()).toMatchObject({ sampleNumber: `${batch.batchNumber}-S01`, testCodes: ['VIAB', 'ENDO'], stepIndex: null, takenBy: c.analyst.username });
    const second = await draw(batch.id, { name: 'Retain', testCodes: ['STERILITY'] });
    expect(second.json<SampleJson>().sampleNumber).toBe(`${batch.batchNumber}-S02`);
  });

  it('draws in-process samples only at a completed step, and final samples only after completion', async () => {
    const batch = await insertBatch(c, product, 'in_progress');
    expect((await draw(batch.id, { name: 'Pre-activation', testCodes: ['VIAB'], stepIndex: 1 })).statusCode).toBe(201);
    const pending = await draw(batch.id, { name: 'Harvest', testCodes: ['VIAB'], stepIndex: 2 });
    expect(pending.json<Problem>()).toMatchObject({ code: 'qc.sample_step_not_done', params: { step: 2 } });
    const final = await draw(batch.id, { name: 'Final product', testCodes: ['VIAB'] });
    expect(final.json<Problem>().code).toBe('qc.batch_not_completed');
    const aborted = await insertBatch(c, product, 'aborted');
    expect((await draw(aborted.id, { name: 'Final product', testCodes: ['VIAB'] })).json<Problem>().code).toBe('qc.batch_aborted');
  });

  it('refuses tests outside the specification (422 naming them), bad input (400), an unknown batch (404) and other roles (403)', async () => {
    const batch = await insertBatch(c, product);
    const unknown = await draw(batch.id, { name: 'Final product', testCodes: ['VIAB', 'NOPE'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<Problem>()).toMatchObject({ code: 'qc.unknown_test', errors: [{ path: 'body.testCodes.1' }] });
    expect((await draw(batch.id, { name: 'Final product', testCodes: [] })).statusCode).toBe(400);
    expect((await draw(batch.id, { name: '', testCodes: ['VIAB'] })).statusCode).toBe(400);
    expect((await draw(batch.id, { name: 'X', testCodes: ['VIAB'], stepIndex: 0 })).statusCode).toBe(400);
    expect((await draw(UNKNOWN, { name: 'X', testCodes: ['VIAB'] })).statusCode).toBe(404);
    expect((await draw(batch.id, { name: 'X', testCodes: ['VIAB'] }, c.operator)).statusCode).toBe(403);
    expect((await draw(batch.id, { name: 'X', testCodes: ['VIAB'] }, c.qa)).statusCode).toBe(403);
  });

  it('ties a result to a sample of the batch for that test only', async () => {
    const batch = await insertBatch(c, product);
    const sample = (await draw(batch.id, { name: 'Final product', testCodes: ['VIAB'] })).json<SampleJson>();
    const wrongTest = await c.h.request(c.analyst, 'POST', `/api/v1/batches/${batch.id}/qc-results`, { testCode: 'ENDO', value: 0.1, sampleId: sample.id, signature: { password: c.analyst.password, meaning: 'Performed' } });
    expect(wrongTest.json<Problem>().code).toBe('qc.sample_mismatch');
    const ok = await c.h.request(c.analyst, 'POST', `/api/v1/batches/${batch.id}/qc-results`, { testCode: 'VIAB', value: 91, sampleId: sample.id, signature: { password: c.analyst.password, meaning: 'Performed' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ sampleNumber: string }>().sampleNumber).toBe(sample.sampleNumber);
  });

  it('prints a label whose Code 128 reads the sample number and whose DataMatrix reads the ISBT 128 DIN', async () => {
    const batch = await insertBatch(c, product);
    const sample = (await draw(batch.id, { name: 'Final product', testCodes: ['VIAB', 'ENDO'] })).json<SampleJson>();
    const res = await c.h.request(c.operator, 'GET', `/api/v1/qc-samples/${sample.id}/label.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const page = renderPage(res.rawPayload);
    const symbols = await decode(page.image);
    expect(symbols.map((s) => [s.format, s.text]).sort()).toEqual([
      ['Code128', sample.sampleNumber],
      ['DataMatrix', `=${batch.din}00`],
    ]);
    expect(page.text).toContain(`${batch.din!.slice(0, 5)} ${batch.din!.slice(5, 7)} ${batch.din!.slice(7)}`);
    expect(page.text).toContain(parseDin(batch.din!).checkCharacter);
    expect(page.text).toContain(batch.batchNumber);
    expect(page.text).toContain('(UTC+08:00)');
  });

  it('refuses a label for a batch without a DIN, and an unknown sample', async () => {
    const batch = await insertBatch(c, product);
    const sample = (await draw(batch.id, { name: 'Final product', testCodes: ['VIAB'] })).json<SampleJson>();
    await c.h.database.db.update(batches).set({ din: null }).where(eq(batches.id, batch.id));
    const res = await c.h.request(c.analyst, 'GET', `/api/v1/qc-samples/${sample.id}/label.pdf`);
    expect(res.json<Problem>().code).toBe('qc.batch_without_din');
    expect((await c.h.request(c.analyst, 'GET', `/api/v1/qc-samples/${UNKNOWN}/label.pdf`)).statusCode).toBe(404);
  });

  it('lists batches with QC work on the worklist: completed with results missing, awaiting review, open OOS', async () => {
    const waiting = await insertBatch(c, product);
    const reviewing = await insertBatch(c, product);
    await entered(c, c.analyst, reviewing.id, 'VIAB', 95);
    const oos = await insertBatch(c, product);
    await entered(c, c.analyst, oos.id, 'ENDO', 3);
    const running = await insertBatch(c, product, 'in_progress');
    const aborted = await insertBatch(c, product, 'aborted');
    const res = await c.h.request(c.analyst, 'GET', '/api/v1/qc/worklist');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: WorkJson[] }>().items;
    const of = (id: string) => items.find((i) => i.batchId === id);
    expect(of(waiting.id)).toMatchObject({ missing: 4, awaitingReview: 0, pendingLate: 1 });
    expect(of(reviewing.id)).toMatchObject({ missing: 3, awaitingReview: 1 });
    expect(of(oos.id)).toMatchObject({ openInvestigations: 1 });
    expect(of(running.id)).toBeUndefined();
    expect(of(aborted.id)).toBeUndefined();
    const nurse = await c.h.createTestUser({ roles: ['nurse'] });
    expect((await c.h.request(nurse, 'GET', '/api/v1/qc/worklist')).statusCode).toBe(403);
    expect((await c.h.request(nurse, 'GET', `/api/v1/batches/${waiting.id}/qc`)).statusCode).toBe(403);
    expect((await c.h.request(c.analyst, 'GET', `/api/v1/batches/${UNKNOWN}/qc`)).statusCode).toBe(404);
  });
});
