/**
 * A subject's visits: generated in memory (core generateVisits) from the schedule of the study's effective
 * protocol version (the subject's own version before any is effective) and the subject's anchor days at the
 * site: the first consent record, the enrollment, the first infusion of the patient's orders in the study.
 * Only done and missed visits are stored. Every loader takes many subjects, so the due list is set-based.
 */
import { generateVisits, isWithinWindow, siteDay, visitStatus, type GeneratedSchedule, type ScheduledVisit, type VisitAnchors } from '@hepatica/core';
import { and, eq, inArray, min } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { requireUserActor } from '../../../platform/context';
import { conflict, unprocessable } from '../../../platform/errors';
import { write } from '../../../platform/write';
import { orders } from '../../orders/orders.tables';
import { infusions } from '../../shipments/shipments.tables';
import { homeSite } from '../../sites/sites.service';
import { consentRecords } from '../consent/consent.tables';
import { getSubject, type StudySubject } from '../subjects/subjects.service';
import { effectiveVersionsOf, loadSchedules, type LoadedSchedule } from './visits.schedule';
import { subjectVisits } from './visits.tables';

export type SubjectVisitRow = typeof subjectVisits.$inferSelect;
type SubjectRef = Pick<StudySubject, 'id' | 'studyId' | 'patientId' | 'protocolVersionId' | 'enrolledAt'>;

const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The anchor instants of many subjects: two queries (first consents; first infusions per patient and study). */
export async function anchorInstants(db: Executor, subjects: readonly SubjectRef[]): Promise<Map<string, { consent: Date | null; enrollment: Date | null; infusion: Date | null }>> {
  const out = new Map(subjects.map((s) => [s.id, { consent: null as Date | null, enrollment: s.enrolledAt ?? null, infusion: null as Date | null }]));
  if (!subjects.length) return out;
  const patientIds = [...new Set(subjects.map((s) => s.patientId))];
  const [consents, infused] = await Promise.all([
    db.select({ subjectId: consentRecords.subjectId, at: min(consentRecords.consentedAt) }).from(consentRecords).where(inArray(consentRecords.subjectId, [...out.keys()])).groupBy(consentRecords.subjectId),
    db
      .select({ patientId: orders.patientId, studyId: orders.studyId, at: min(infusions.startedAt) })
      .from(infusions)
      .innerJoin(orders, eq(orders.id, infusions.orderId))
      .where(inArray(orders.patientId, patientIds))
      .groupBy(orders.patientId, orders.studyId),
  ]);
  for (const c of consents) out.get(c.subjectId)!.consent = c.at ? new Date(c.at) : null;
  const infusionOf = new Map(infused.map((i) => [`${i.patientId}/${i.studyId}`, i.at ? new Date(i.at) : null]));
  for (const s of subjects) out.get(s.id)!.infusion = infusionOf.get(`${s.patientId}/${s.studyId}`) ?? null;
  return out;
}

export async function recordedVisits(db: Executor, subjectIds: readonly string[]): Promise<Map<string, Map<string, SubjectVisitRow>>> {
  const out = new Map<string, Map<string, SubjectVisitRow>>(subjectIds.map((id) => [id, new Map()]));
  if (!subjectIds.length) return out;
  for (const r of await db.select().from(subjectVisits).where(inArray(subjectVisits.subjectId, [...subjectIds]))) out.get(r.subjectId)?.set(r.code, r);
  return out;
}

export interface SubjectPlan {
  subject: SubjectRef;
  anchors: { consent: string | null; enrollment: string | null; infusion: string | null };
  schedule: LoadedSchedule;
  generated: GeneratedSchedule;
  recorded: Map<string, SubjectVisitRow>;
}

/** The plans of many subjects in five queries, whatever their number. */
export async function subjectPlans(db: Executor, subjects: readonly SubjectRef[], timeZone: string): Promise<SubjectPlan[]> {
  const effective = await effectiveVersionsOf(db, subjects.map((s) => s.studyId));
  const versionOf = (s: SubjectRef) => effective.get(s.studyId) ?? s.protocolVersionId;
  const [schedules, instants, recorded] = await Promise.all([
    loadSchedules(db, subjects.map(versionOf)),
    anchorInstants(db, subjects),
    recordedVisits(db, subjects.map((s) => s.id)),
  ]);
  const day = (d: Date | null) => (d ? siteDay(d, timeZone) : null);
  return subjects.map((subject) => {
    const i = instants.get(subject.id)!;
    const anchors = { consent: day(i.consent), enrollment: day(i.enrollment), infusion: day(i.infusion) };
    const schedule = schedules.get(versionOf(subject))!;
    const generated = generateVisits(schedule.rules, anchors satisfies VisitAnchors, schedule.setting?.ltfuYears ?? null);
    return { subject, anchors, schedule, generated, recorded: recorded.get(subject.id) ?? new Map() };
  });
}

export function visitView(v: ScheduledVisit, recorded: SubjectVisitRow | undefined, now: Date, timeZone: string) {
  return {
    ...v,
    assessments: [...v.assessments],
    status: visitStatus({ ...v, recorded: (recorded?.status as 'done' | 'missed' | undefined) ?? null }, now, timeZone),
    occurredAt: recorded?.occurredAt?.toISOString() ?? null,
    outOfWindow: recorded?.outOfWindow ?? false,
    notes: recorded?.notes ?? null,
    missedReason: recorded?.missedReason ?? null,
    recordedBy: recorded?.recordedBy ?? null,
    recordedAt: recorded?.recordedAt.toISOString() ?? null,
  };
}
export type VisitView = ReturnType<typeof visitView>;

function ltfuOf(plan: SubjectPlan) {
  const years = plan.schedule.setting?.ltfuYears ?? null;
  if (!years) return null;
  const ltfu = plan.generated.visits.filter((v) => v.phase === 'ltfu');
  const anchor = plan.schedule.rules.find((r) => r.phase === 'ltfu')?.anchor ?? 'infusion';
  const startsOn = plan.anchors[anchor];
  const endsOn = startsOn ? (ltfu.at(-1)?.windowEnd ?? null) : null;
  return { years, basis: plan.schedule.setting?.ltfuBasis ?? null, startsOn, endsOn };
}

async function planOf(db: Executor, subjectId: string) {
  const subject = await getSubject(db, subjectId);
  const { timeZone } = await homeSite(db);
  const [plan] = await subjectPlans(db, [subject], timeZone);
  return { subject, plan: plan!, timeZone };
}

export async function subjectVisitsView(db: Executor, subjectId: string) {
  const { plan, timeZone } = await planOf(db, subjectId);
  const now = new Date();
  return {
    subjectId,
    timeZone,
    today: siteDay(now, timeZone),
    anchors: plan.anchors,
    ltfu: ltfuOf(plan),
    items: plan.generated.visits.map((v) => visitView(v, plan.recorded.get(v.code), now, timeZone)),
    awaiting: plan.generated.awaiting.map((d) => ({ code: d.code, name: d.name, phase: d.phase, anchor: d.anchor })),
  };
}

export async function followUpView(db: Executor, subjectId: string) {
  const { plan, timeZone } = await planOf(db, subjectId);
  const now = new Date();
  const ltfu = ltfuOf(plan);
  const items = plan.generated.visits.filter((v) => v.phase === 'ltfu').map((v) => visitView(v, plan.recorded.get(v.code), now, timeZone));
  return { startsOn: ltfu?.startsOn ?? null, years: ltfu?.years ?? null, basis: ltfu?.basis ?? null, endsOn: ltfu?.endsOn ?? null, items };
}

/**
 * The visit codes a subject's schedule holds, scheduled or not (the labs module validates `visitCode` with it):
 * `scheduled` are the generated occurrence codes, `awaiting` the definitions whose anchor has not happened.
 */
export async function visitCodesOf(db: Executor, subjectId: string): Promise<{ scheduled: Set<string>; awaiting: Map<string, string> }> {
  const { plan } = await planOf(db, subjectId);
  return { scheduled: new Set(plan.generated.visits.map((v) => v.code)), awaiting: new Map(plan.generated.awaiting.map((d) => [d.code, d.anchor])) };
}

/** The visit of that code, or the 422 saying why there is none (`path` names the field holding the code). */
export function findVisit(plan: Pick<SubjectPlan, 'generated'>, code: string, path = 'params.code'): ScheduledVisit {
  const visit = plan.generated.visits.find((v) => v.code === code);
  if (visit) return visit;
  const base = code.replace(/\.\d+$/, '');
  const waiting = plan.generated.awaiting.find((d) => d.code === code || (d.repeat && d.code === base));
  if (waiting) {
    throw unprocessable(`Visit ${code} is not scheduled yet: its anchor (${waiting.anchor}) has not happened.`, { code: 'visit.not_scheduled', params: { code, anchor: waiting.anchor }, errors: [{ path, message: 'Not scheduled yet' }] });
  }
  throw unprocessable(`The subject's schedule has no visit ${code}.`, { code: 'visit.not_in_schedule', params: { code }, errors: [{ path, message: 'Not in the schedule' }] });
}

type Recording = { status: 'done'; occurredAt: string; notes?: string | undefined } | { status: 'missed'; reason: string };

/** Records a visit as done (flagged when out of its window) or missed. */
export async function recordVisit(db: Db, subjectId: string, code: string, input: Recording) {
  const actor = requireUserActor();
  const { subject, plan, timeZone } = await planOf(db, subjectId);
  if (subject.status === 'screen_failed') {
    throw conflict(`Subject ${subject.screeningNumber} is a screen failure, not on study.`, { code: 'visit.subject_not_on_study', params: { status: subject.status } });
  }
  const visit = findVisit(plan, code);
  const existing = plan.recorded.get(code);
  if (existing) throw conflict(`Visit ${code} is already recorded as ${existing.status}.`, { code: 'visit.already_recorded', params: { code, status: existing.status } });
  const occurredAt = input.status === 'done' ? new Date(input.occurredAt) : null;
  if (occurredAt && occurredAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    throw unprocessable('The visit cannot take place in the future.', { code: 'visit.in_future', errors: [{ path: 'body.occurredAt', message: 'Must not be in the future' }] });
  }
  const row = await write(db, (w) =>
    w.insert(subjectVisits, 'subject_visit', {
      subjectId, code, definitionId: visit.definitionId, status: input.status, occurredAt,
      outOfWindow: occurredAt ? !isWithinWindow(visit, occurredAt, timeZone) : false,
      notes: input.status === 'done' ? (input.notes ?? null) : null,
      missedReason: input.status === 'missed' ? input.reason : null,
      recordedBy: actor.username,
    }),
  ).catch((e: unknown) => {
    if (String((e as { code?: string })?.code) === '23505' || /subject_visits_subject_code_uq/.test(String(e))) {
      throw conflict(`Visit ${code} is already recorded.`, { code: 'visit.already_recorded', params: { code, status: 'recorded' } });
    }
    throw e;
  });
  return visitView(visit, row, new Date(), timeZone);
}
