/**
 * SAE clocks: started or cancelled by an investigator's assessment (adverse-events.service.ts), met by the
 * first report recorded against them. Their state is computed at every read from startsAt, dueAt, metAt
 * and cancelledAt (saeClockState in @hepatica/core): nothing stored goes stale.
 */
import { saeClocksFor, saeClockState, type SaeAssessment, type SaeClockStatus } from '@hepatica/core';
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { currentActor, requireUserActor } from '../../../platform/context';
import { conflict, notFound, unprocessable } from '../../../platform/errors';
import { sign, type SignatureInput } from '../../../platform/signatures';
import { write, type Writer } from '../../../platform/write';
import { patients } from '../../patients/patients.tables';
import { studySubjects } from '../subjects/subjects.tables';
import { signaturesByRecord } from './signed';
import { adverseEvents, saeClocks, saeReports } from './safety.tables';

type Ae = typeof adverseEvents.$inferSelect;
type Clock = typeof saeClocks.$inferSelect;
type Report = typeof saeReports.$inferSelect;

/**
 * Brings the AE's clocks in line with its assessment. A clock already started is kept (its day 0 does not
 * move), unless the new assessment tightens its deadline (a SUSAR found fatal): then it is replaced by the
 * earlier one. A clock the assessment no longer calls for is cancelled with the reason, unless already met.
 * `startsAt` is the awareness at a first assessment, the re-assessment's time otherwise.
 */
export async function syncClocks(w: Writer, ae: Ae, assessment: SaeAssessment | null, startsAt: Date, reason: string): Promise<void> {
  const existing = await w.tx.select().from(saeClocks).where(and(eq(saeClocks.adverseEventId, ae.id), isNull(saeClocks.cancelledAt)));
  const planned = assessment ? saeClocksFor(assessment, startsAt) : [];
  const cancel = (c: Clock, why: string) => w.update(saeClocks, 'sae_clock', c.id, { cancelledAt: new Date(), cancelReason: why }, why, 'cancel');
  for (const c of existing) {
    if (c.metAt) continue;
    const plan = planned.find((p) => p.kind === c.kind);
    if (!plan) await cancel(c, `No longer required after re-assessment: ${reason}`);
    else if (plan.dueAt < c.dueAt) await cancel(c, `Replaced by an earlier deadline after re-assessment: ${reason}`);
  }
  const kept = await w.tx.select({ kind: saeClocks.kind }).from(saeClocks).where(and(eq(saeClocks.adverseEventId, ae.id), isNull(saeClocks.cancelledAt)));
  for (const p of planned) {
    if (kept.some((k) => k.kind === p.kind)) continue;
    await w.insert(saeClocks, 'sae_clock', {
      adverseEventId: ae.id,
      subjectId: ae.subjectId,
      kind: p.kind,
      recipient: p.recipient,
      startsAt: p.startsAt,
      dueAt: p.dueAt,
      basis: p.basis,
      rulesVersion: p.rulesVersion,
    });
  }
}

/** Cancels every clock of a voided AE that is not met. */
export async function cancelClocks(w: Writer, aeId: string, reason: string): Promise<void> {
  const open = await w.tx.select().from(saeClocks).where(and(eq(saeClocks.adverseEventId, aeId), isNull(saeClocks.cancelledAt), isNull(saeClocks.metAt)));
  for (const c of open) await w.update(saeClocks, 'sae_clock', c.id, { cancelledAt: new Date(), cancelReason: reason }, reason, 'cancel');
}

export interface NewReport {
  reportedAt: string;
  recipient: string;
  reference?: string | undefined;
  followUp?: boolean | undefined;
  signature: SignatureInput;
}

const reportContent = (r: Pick<Report, 'clockId' | 'reportedAt' | 'recipient' | 'reference' | 'followUp'>) => ({
  clockId: r.clockId,
  reportedAt: r.reportedAt,
  recipient: r.recipient,
  reference: r.reference,
  followUp: r.followUp,
});

/** Records a report against a clock, signed by the investigator. The first report meets the clock. */
export async function recordReport(db: Db, clockId: string, input: NewReport): Promise<string> {
  requireUserActor();
  const reportedAt = new Date(input.reportedAt);
  const [clock] = await db.select().from(saeClocks).where(eq(saeClocks.id, clockId));
  if (!clock) throw notFound('SAE clock');
  if (reportedAt.getTime() > Date.now() + 60_000) {
    throw unprocessable('A report cannot be recorded as sent in the future.', { code: 'sae_report.in_future', errors: [{ path: 'body.reportedAt', message: 'In the future' }] });
  }
  if (reportedAt < clock.startsAt) {
    throw unprocessable('The report is dated before the clock started (awareness of the event).', {
      code: 'sae_report.before_start',
      params: { startsAt: clock.startsAt.toISOString() },
      errors: [{ path: 'body.reportedAt', message: 'Before the clock started' }],
    });
  }
  if (clock.cancelledAt) {
    throw conflict('This clock was cancelled; no report is owed on it.', { code: 'sae_clock.cancelled', params: { kind: clock.kind } });
  }
  return write(db, async (w) => {
    const locked = await w.lockById(saeClocks, clockId, 'SAE clock');
    const followUp = input.followUp ?? locked.metAt !== null;
    const report = await w.insert(saeReports, 'sae_report', {
      clockId,
      reportedAt,
      recipient: input.recipient,
      reference: input.reference ?? null,
      followUp,
      reportedBy: currentActor().username,
    });
    await sign(w, input.signature, 'sae_report', report.id, reportContent(report));
    if (!locked.metAt && !followUp) {
      await w.update(saeClocks, 'sae_clock', clockId, { metAt: reportedAt }, `Reported to ${input.recipient}`, 'meet');
    }
    return clockId;
  });
}

export interface ClockFilter {
  status?: SaeClockStatus | undefined;
  subjectId?: string | undefined;
  adverseEventIds?: string[] | undefined;
  clockIds?: string[] | undefined;
}

/** The board: every clock matching the filter, with its state now, its AE and subject, ordered by due time. */
export async function listClocks(db: Executor, filter: ClockFilter, now = new Date()) {
  const where: SQL[] = [];
  if (filter.subjectId) where.push(eq(saeClocks.subjectId, filter.subjectId));
  if (filter.adverseEventIds) where.push(inArray(saeClocks.adverseEventId, filter.adverseEventIds.length ? filter.adverseEventIds : ['00000000-0000-4000-8000-000000000000']));
  if (filter.clockIds) where.push(inArray(saeClocks.id, filter.clockIds));
  // Stored facts narrow the query; the time-dependent part (running vs overdue) is decided below.
  if (filter.status === 'met') where.push(isNull(saeClocks.cancelledAt));
  if (filter.status === 'cancelled') where.push(isNull(saeClocks.metAt));
  if (filter.status === 'running' || filter.status === 'overdue') where.push(isNull(saeClocks.metAt), isNull(saeClocks.cancelledAt));
  const rows = await db
    .select({ c: saeClocks, aeNumber: adverseEvents.number, term: adverseEvents.ctcaeTerm, grade: adverseEvents.grade, subjectCode: patients.subjectCode, subjectNumber: studySubjects.subjectNumber })
    .from(saeClocks)
    .innerJoin(adverseEvents, eq(adverseEvents.id, saeClocks.adverseEventId))
    .innerJoin(studySubjects, eq(studySubjects.id, saeClocks.subjectId))
    .innerJoin(patients, eq(patients.id, studySubjects.patientId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(saeClocks.dueAt))
    .limit(1000);
  const ids = rows.map((r) => r.c.id);
  const reports = ids.length ? await db.select().from(saeReports).where(inArray(saeReports.clockId, ids)).orderBy(asc(saeReports.reportedAt)) : [];
  const sigs = await signaturesByRecord(db, 'sae_report', reports.map((r) => ({ id: r.id, content: reportContent(r) })));
  const views = rows.map(({ c, ...ae }) => {
    const state = saeClockState(c, now);
    return {
      id: c.id,
      kind: c.kind,
      recipient: c.recipient,
      adverseEventId: c.adverseEventId,
      aeNumber: ae.aeNumber,
      subjectId: c.subjectId,
      subjectCode: ae.subjectCode,
      subjectNumber: ae.subjectNumber,
      term: ae.term,
      grade: ae.grade,
      startsAt: c.startsAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      ...state,
      metAt: c.metAt?.toISOString() ?? null,
      cancelledAt: c.cancelledAt?.toISOString() ?? null,
      cancelReason: c.cancelReason,
      basis: c.basis,
      rulesVersion: c.rulesVersion,
      reports: reports
        .filter((r) => r.clockId === c.id)
        .map((r) => ({
          id: r.id,
          reportedAt: r.reportedAt.toISOString(),
          recipient: r.recipient,
          reference: r.reference,
          followUp: r.followUp,
          reportedBy: r.reportedBy,
          signatures: sigs.get(r.id) ?? [],
        })),
    };
  });
  return filter.status ? views.filter((v) => v.status === filter.status) : views;
}
export type ClockView = Awaited<ReturnType<typeof listClocks>>[number];
