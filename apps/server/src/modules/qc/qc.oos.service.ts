/**
 * Out-of-specification investigations, in the phases of FDA "Investigating Out-of-Specification (OOS)
 * Test Results for Pharmaceutical Production" (2006) and the MHRA OOS guidance (2017):
 *   phase I, laboratory investigation (QC): an assignable laboratory error invalidates the result
 *     and the test is repeated (a new result linked to the original); otherwise the OOS is confirmed;
 *   phase II, full investigation (QA, with manufacturing): root cause and conclusion; the result stands.
 * Each conclusion is signed. The original result is never changed beyond its status.
 */
import { localYear } from '@hepatica/core';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict, notFound } from '../../platform/errors';
import { sign, signaturesOf } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { homeSite, nextSequence } from '../sites/sites.service';
import type { OosPhase1Body, OosPhase2Body, OosStatus, OosView } from './qc.schema';
import { oosInvestigations, QC_ENTITIES, qcResults } from './qc.tables';

export type OosRow = typeof oosInvestigations.$inferSelect;
const ENTITY = QC_ENTITIES.oos;

/** OOS-2026-0001: numbered per year in the site's time zone. */
export function oosNumber(year: number, sequence: number): string {
  return `OOS-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Opens the investigation of a non-conforming result, in the transaction that records it. */
export async function openInvestigation(w: Writer, result: typeof qcResults.$inferSelect): Promise<OosRow> {
  const { timeZone } = await homeSite(w.tx);
  const year = localYear(result.enteredAt, timeZone);
  return w.insert(oosInvestigations, ENTITY, {
    number: oosNumber(year, await nextSequence(w.tx, `oos:${year}`)),
    resultId: result.id,
    batchId: result.batchId,
    testCode: result.testCode,
    status: 'phase_1',
    openedAt: result.enteredAt,
  });
}

export async function getInvestigation(db: Executor, id: string): Promise<OosRow> {
  const [row] = await db.select().from(oosInvestigations).where(eq(oosInvestigations.id, id));
  if (!row) throw notFound('OOS investigation');
  return row;
}

export async function listInvestigations(db: Executor, filter: { status?: OosStatus | undefined; batchId?: string | undefined } = {}): Promise<OosRow[]> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(oosInvestigations.status, filter.status));
  if (filter.batchId) where.push(eq(oosInvestigations.batchId, filter.batchId));
  return db.select().from(oosInvestigations).where(and(...where)).orderBy(desc(oosInvestigations.openedAt)).limit(500);
}

/** Each phase is signed on its own (its own signature entity), so each signature checks against what its phase concluded. */
const phaseEntity = (phase: 1 | 2) => `${ENTITY}.phase_${phase}`;

/** What each phase signature vouches for. */
function signedPhase(row: OosRow, phase: 1 | 2) {
  return phase === 1
    ? { number: row.number, resultId: row.resultId, phase: 1, conclusion: row.phase1Conclusion, findings: row.phase1Findings }
    : { number: row.number, resultId: row.resultId, phase: 2, rootCause: row.phase2RootCause, conclusion: row.phase2Conclusion };
}

function assertPhase(row: OosRow, status: 'phase_1' | 'phase_2'): void {
  if (row.status === status) return;
  const phase = status === 'phase_1' ? 'I' : 'II';
  throw conflict(`${row.number} is ${row.status === 'closed' ? 'closed' : `in ${row.status === 'phase_1' ? 'phase I' : 'phase II'}`}; phase ${phase} cannot be concluded now.`, {
    code: 'oos.wrong_phase',
    params: { number: row.number, status: row.status, phase },
  });
}

/**
 * Concludes phase I. An assignable laboratory error invalidates the result (the test is then repeated)
 * and closes the investigation; a confirmed OOS moves it to phase II.
 */
export async function concludePhase1(db: Db, id: string, body: OosPhase1Body): Promise<OosRow> {
  const actor = requireUserActor();
  return write(db, async (w) => {
    assertPhase(await w.lockById(oosInvestigations, id, 'OOS investigation'), 'phase_1');
    const labError = body.conclusion === 'assignable_lab_error';
    const row = await w.update(
      oosInvestigations,
      ENTITY,
      id,
      {
        phase1Conclusion: body.conclusion,
        phase1Findings: body.findings,
        phase1By: actor.username,
        phase1At: new Date(),
        status: labError ? 'closed' : 'phase_2',
        outcome: labError ? 'invalidated' : null,
      },
      `Phase I concluded: ${body.conclusion}`,
      'phase_1',
    );
    await sign(w, body.signature, phaseEntity(1), id, signedPhase(row, 1));
    if (labError) {
      await w.update(qcResults, QC_ENTITIES.result, row.resultId, { status: 'invalidated', invalidatedAt: new Date() }, `Invalidated by ${row.number}: ${body.findings}`, 'invalidate');
    }
    return row;
  });
}

/** Concludes phase II: the OOS is confirmed and the investigation closed with its root cause. */
export async function concludePhase2(db: Db, id: string, body: OosPhase2Body): Promise<OosRow> {
  const actor = requireUserActor();
  return write(db, async (w) => {
    assertPhase(await w.lockById(oosInvestigations, id, 'OOS investigation'), 'phase_2');
    const row = await w.update(
      oosInvestigations,
      ENTITY,
      id,
      { phase2RootCause: body.rootCause, phase2Conclusion: body.conclusion, phase2By: actor.username, phase2At: new Date(), status: 'closed', outcome: 'confirmed' },
      'Phase II concluded: out of specification confirmed',
      'phase_2',
    );
    await sign(w, body.signature, phaseEntity(2), id, signedPhase(row, 2));
    return row;
  });
}

export async function oosViews(db: Executor, rows: OosRow[]): Promise<OosView[]> {
  const batchIds = [...new Set(rows.map((r) => r.batchId))];
  const resultIds = rows.map((r) => r.resultId);
  const numbers = new Map(
    batchIds.length ? (await db.select({ id: batches.id, n: batches.batchNumber }).from(batches).where(inArray(batches.id, batchIds))).map((b) => [b.id, b.n]) : [],
  );
  const results = new Map(
    resultIds.length ? (await db.select().from(qcResults).where(inArray(qcResults.id, resultIds))).map((r) => [r.id, r]) : [],
  );
  return Promise.all(
    rows.map(async (r) => {
      const result = results.get(r.resultId);
      return {
        id: r.id,
        number: r.number,
        batchId: r.batchId,
        batchNumber: numbers.get(r.batchId) ?? '',
        resultId: r.resultId,
        testCode: r.testCode,
        value: (result?.value ?? null) as OosView['value'],
        status: r.status as OosStatus,
        outcome: (r.outcome ?? null) as OosView['outcome'],
        openedAt: r.openedAt.toISOString(),
        phase1: r.phase1At
          ? {
              conclusion: r.phase1Conclusion as 'assignable_lab_error' | 'confirmed',
              findings: r.phase1Findings ?? '',
              by: r.phase1By ?? '',
              at: r.phase1At.toISOString(),
              signatures: await signaturesOf(db, phaseEntity(1), r.id, signedPhase(r, 1)),
            }
          : null,
        phase2: r.phase2At
          ? {
              rootCause: r.phase2RootCause ?? '',
              conclusion: r.phase2Conclusion ?? '',
              by: r.phase2By ?? '',
              at: r.phase2At.toISOString(),
              signatures: await signaturesOf(db, phaseEntity(2), r.id, signedPhase(r, 2)),
            }
          : null,
      };
    }),
  );
}
