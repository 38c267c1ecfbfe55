/**
 * Daily CRS and ICANS assessments after infusion (ASTCT 2019 consensus, Lee et al., BBMT 2019;25:625).
 * The grade is computed from the findings by @hepatica/core, never typed. Day 0 is the infusion's date in
 * the site's time zone. A CRS of grade ≥ 1 keeps the subject's CRS adverse event in step (see recordCrs).
 */
import { localDate } from '@hepatica/core';
import { and, asc, eq, gte, isNull, ne } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { requireUserActor } from '../../../platform/context';
import { conflict, unprocessable } from '../../../platform/errors';
import { write } from '../../../platform/write';
import { homeSite } from '../../sites/sites.service';
import { createAdverseEvent, updateAdverseEvent } from './adverse-events.service';
import { CRS_TERM, crsGrade, iceTotal, icansGrade, worst, type IceItems } from './grading';
import { adverseEvents, crsAssessments, icansAssessments } from './safety.tables';
import { firstInfusion, loadSubject, type Infusion, type StudySubject } from './subject-context';

type Treatment = { kind: string; name?: string | undefined; dose?: number | undefined; unit?: string | undefined };
type CrsRow = typeof crsAssessments.$inferSelect;
type IcansRow = typeof icansAssessments.$inferSelect;

export interface CrsInput {
  assessedAt: string;
  temperatureC: number;
  hypotension: 'none' | 'fluids' | 'one_vasopressor' | 'multiple_vasopressors';
  hypoxia: 'none' | 'low_flow' | 'high_flow' | 'positive_pressure';
  afterAntipyretics?: boolean | undefined;
  treatments: Treatment[];
  notes?: string | undefined;
}

export interface IcansInput {
  assessedAt: string;
  ice?: IceItems | undefined;
  consciousness: 'awake' | 'voice' | 'tactile' | 'unarousable';
  seizure?: 'none' | 'resolving' | 'prolonged' | undefined;
  motorWeakness?: boolean | undefined;
  cerebralEdema?: 'none' | 'focal' | 'diffuse' | undefined;
  treatments: Treatment[];
  notes?: string | undefined;
}

const DAY_MS = 86_400_000;

/** Post-infusion day of an instant: its local date minus the infusion's local date. */
export function dayAfter(infusedAt: Date, at: Date, timeZone: string): number {
  return Math.round((Date.parse(`${localDate(at, timeZone)}T00:00:00Z`) - Date.parse(`${localDate(infusedAt, timeZone)}T00:00:00Z`)) / DAY_MS);
}

const clean = (ts: Treatment[]) => ts.map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as Treatment);

/** The subject's infusion and the checked assessment time. */
async function assessmentContext(db: Executor, subjectId: string, assessedAtText: string) {
  const subject = await loadSubject(db, subjectId);
  const infusion = await firstInfusion(db, subject);
  if (!infusion) {
    throw conflict('The subject has not been infused: CRS and ICANS are assessed after the infusion.', { code: 'crs.no_infusion' });
  }
  const assessedAt = new Date(assessedAtText);
  if (assessedAt.getTime() > Date.now() + 60_000) {
    throw unprocessable('An assessment cannot be in the future.', { code: 'crs.in_future', errors: [{ path: 'body.assessedAt', message: 'In the future' }] });
  }
  if (assessedAt < infusion.startedAt) {
    throw unprocessable(`The assessment is before the infusion (${infusion.startedAt.toISOString()}).`, {
      code: 'crs.before_infusion',
      params: { infusedAt: infusion.startedAt.toISOString() },
      errors: [{ path: 'body.assessedAt', message: 'Before the infusion' }],
    });
  }
  return { subject, infusion, assessedAt };
}

type AeLink = { id: string; number: string; action: 'created' | 'upgraded' | 'unchanged' } | null;

/**
 * Records a CRS assessment. Grade ≥ 1: when the subject has no open CRS adverse event since the infusion,
 * one is created (onset at the assessment, source crs_assessment); when the open one has a lower grade, it is
 * raised as a follow-up version. Seriousness, relatedness and expectedness stay for the investigator.
 */
export async function recordCrs(db: Db, subjectId: string, input: CrsInput): Promise<{ assessment: CrsRow; infusion: Infusion; adverseEvent: AeLink; timeZone: string }> {
  const actor = requireUserActor();
  const { subject, infusion, assessedAt } = await assessmentContext(db, subjectId, input.assessedAt);
  const grade = crsGrade(input);
  const { timeZone } = await homeSite(db);
  return write(db, async (w) => {
    let assessment = await w.insert(crsAssessments, 'crs_assessment', {
      subjectId: subject.id,
      infusionId: infusion.id,
      assessedAt,
      temperatureC: input.temperatureC,
      hypotension: input.hypotension,
      hypoxia: input.hypoxia,
      afterAntipyretics: input.afterAntipyretics ?? null,
      treatments: clean(input.treatments),
      grade,
      notes: input.notes ?? null,
      recordedBy: actor.username,
    });
    let adverseEvent: AeLink = null;
    if (grade >= 1) {
      const [open] = await w.tx
        .select()
        .from(adverseEvents)
        .where(and(eq(adverseEvents.subjectId, subject.id), eq(adverseEvents.ctcaeTerm, CRS_TERM), ne(adverseEvents.status, 'voided'), isNull(adverseEvents.resolvedAt), gte(adverseEvents.onsetAt, infusion.startedAt)))
        .orderBy(asc(adverseEvents.onsetAt))
        .limit(1)
        .for('update');
      if (!open) {
        const ae = await createAdverseEvent(
          db,
          subject.id,
          {
            verbatimTerm: `Cytokine release syndrome (ASTCT grade ${grade})`,
            ctcaeTerm: CRS_TERM,
            grade,
            onsetAt: assessedAt.toISOString(),
            awareAt: new Date(Math.max(Date.now(), assessedAt.getTime())).toISOString(),
            actionTaken: 'not_applicable',
            outcome: grade === 5 ? 'fatal' : 'not_recovered',
            productDin: infusion.din,
            source: 'crs_assessment',
          },
          w,
        );
        adverseEvent = { id: ae.id, number: ae.number, action: 'created' };
      } else if (grade > open.grade) {
        const when = assessedAt.toISOString();
        await updateAdverseEvent(db, open.id, { grade, ...(grade === 5 ? { outcome: 'fatal' } : {}), kind: 'follow_up', reason: `CRS assessment of ${when} graded ${grade} (ASTCT)` }, w);
        adverseEvent = { id: open.id, number: open.number, action: 'upgraded' };
      } else {
        adverseEvent = { id: open.id, number: open.number, action: 'unchanged' };
      }
      assessment = await w.update(crsAssessments, 'crs_assessment', assessment.id, { adverseEventId: adverseEvent.id }, 'Linked to the CRS adverse event', 'link');
    }
    return { assessment, infusion, adverseEvent, timeZone };
  });
}

export async function recordIcans(db: Db, subjectId: string, input: IcansInput): Promise<{ assessment: IcansRow; infusion: Infusion; timeZone: string }> {
  const actor = requireUserActor();
  const { subject, infusion, assessedAt } = await assessmentContext(db, subjectId, input.assessedAt);
  if (!input.ice && input.consciousness !== 'unarousable') {
    throw unprocessable('Enter the ICE screen item by item; it may be left out only for a patient who cannot be roused.', {
      code: 'icans.ice_required',
      errors: [{ path: 'body.ice', message: 'Required unless the patient is unarousable' }],
    });
  }
  const iceScore = input.ice ? iceTotal(input.ice) : 0;
  const grade = icansGrade({ iceScore, consciousness: input.consciousness, seizure: input.seizure, motorWeakness: input.motorWeakness, cerebralEdema: input.cerebralEdema });
  const { timeZone } = await homeSite(db);
  const assessment = await write(db, (w) =>
    w.insert(icansAssessments, 'icans_assessment', {
      subjectId: subject.id,
      infusionId: infusion.id,
      assessedAt,
      ice: input.ice ? (input.ice as unknown as Record<string, boolean | number>) : null,
      iceScore,
      consciousness: input.consciousness,
      seizure: input.seizure ?? null,
      motorWeakness: input.motorWeakness ?? null,
      cerebralEdema: input.cerebralEdema ?? null,
      treatments: clean(input.treatments),
      grade,
      notes: input.notes ?? null,
      recordedBy: actor.username,
    }),
  );
  return { assessment, infusion, timeZone };
}

export function crsView(a: CrsRow, infusedAt: Date, timeZone: string) {
  return {
    id: a.id,
    assessedAt: a.assessedAt.toISOString(),
    day: dayAfter(infusedAt, a.assessedAt, timeZone),
    temperatureC: a.temperatureC,
    hypotension: a.hypotension,
    hypoxia: a.hypoxia,
    afterAntipyretics: a.afterAntipyretics,
    treatments: a.treatments,
    grade: a.grade,
    notes: a.notes,
    adverseEventId: a.adverseEventId,
    recordedBy: a.recordedBy,
  };
}

export function icansView(a: IcansRow, infusedAt: Date, timeZone: string) {
  return {
    id: a.id,
    assessedAt: a.assessedAt.toISOString(),
    day: dayAfter(infusedAt, a.assessedAt, timeZone),
    ice: a.ice,
    iceScore: a.iceScore,
    consciousness: a.consciousness,
    seizure: a.seizure,
    motorWeakness: a.motorWeakness,
    cerebralEdema: a.cerebralEdema,
    treatments: a.treatments,
    grade: a.grade,
    notes: a.notes,
    recordedBy: a.recordedBy,
  };
}

/** Per post-infusion day: the worst CRS and ICANS grade, the lowest ICE score and every treatment given. */
export async function crsIcansBoard(db: Executor, subjectId: string, loaded?: StudySubject) {
  const subject = loaded ?? (await loadSubject(db, subjectId));
  const { timeZone } = await homeSite(db);
  const infusion = await firstInfusion(db, subject);
  if (!infusion) return { infusion: null, timeZone, days: [] };
  const [crs, icans] = await Promise.all([
    db.select().from(crsAssessments).where(eq(crsAssessments.subjectId, subject.id)).orderBy(asc(crsAssessments.assessedAt)),
    db.select().from(icansAssessments).where(eq(icansAssessments.subjectId, subject.id)).orderBy(asc(icansAssessments.assessedAt)),
  ]);
  type Day = ReturnType<typeof emptyDay>;
  const emptyDay = (day: number, date: string) => ({
    day,
    date,
    crs: { grade: null as number | null, assessments: [] as ReturnType<typeof crsView>[] },
    icans: { grade: null as number | null, iceScore: null as number | null, assessments: [] as ReturnType<typeof icansView>[] },
    treatments: [] as (Treatment & { at: string; source: 'crs' | 'icans' })[],
  });
  const days = new Map<number, Day>();
  const dayOf = (at: Date) => {
    const n = dayAfter(infusion.startedAt, at, timeZone);
    if (!days.has(n)) days.set(n, emptyDay(n, localDate(at, timeZone)));
    return days.get(n)!;
  };
  for (const a of crs) {
    const d = dayOf(a.assessedAt);
    d.crs.assessments.push(crsView(a, infusion.startedAt, timeZone));
    d.crs.grade = worst([d.crs.grade ?? 0, a.grade]);
    d.treatments.push(...a.treatments.map((t) => ({ ...t, at: a.assessedAt.toISOString(), source: 'crs' as const })));
  }
  for (const a of icans) {
    const d = dayOf(a.assessedAt);
    d.icans.assessments.push(icansView(a, infusion.startedAt, timeZone));
    d.icans.grade = worst([d.icans.grade ?? 0, a.grade]);
    d.icans.iceScore = Math.min(d.icans.iceScore ?? 10, a.iceScore);
    d.treatments.push(...a.treatments.map((t) => ({ ...t, at: a.assessedAt.toISOString(), source: 'icans' as const })));
  }
  return {
    infusion: { id: infusion.id, startedAt: infusion.startedAt.toISOString(), din: infusion.din },
    timeZone,
    days: [...days.values()].sort((a, b) => a.day - b.day),
  };
}
