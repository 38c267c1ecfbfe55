/**
 * The visits due across every study: enrolled subjects' visits not yet done or missed whose window overlaps the
 * days asked (default: the site's current week, Monday to Sunday). One set-based computation: the subjects in
 * one query, then schedules, anchors and recorded visits for all of them at once; the visits generated in memory.
 */
import { dayNumber, siteDay, weekOf, windowOverlaps } from '@hepatica/core';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { hasPermission } from '../../../platform/access';
import { currentActor } from '../../../platform/context';
import { unprocessable } from '../../../platform/errors';
import { patients } from '../../patients/patients.tables';
import { homeSite } from '../../sites/sites.service';
import { studies } from '../../studies/studies.tables';
import { studySubjects } from '../subjects/subjects.tables';
import { subjectPlans, visitView } from './visits.service';

export const MAX_DUE_RANGE_DAYS = 62;

function range(timeZone: string, from?: string, to?: string) {
  const week = weekOf(siteDay(new Date(), timeZone));
  const f = from ?? (to ? to : week.from);
  const t = to ?? (from ? from : week.to);
  const span = dayNumber(t) - dayNumber(f);
  if (span < 0) throw unprocessable('The end day is before the start day.', { code: 'visit.range_reversed', errors: [{ path: 'query.to', message: `Must be on or after ${f}` }] });
  if (span > MAX_DUE_RANGE_DAYS) {
    throw unprocessable(`Ask for at most ${MAX_DUE_RANGE_DAYS} days at a time.`, { code: 'visit.range_too_long', params: { max: MAX_DUE_RANGE_DAYS }, errors: [{ path: 'query.to', message: `At most ${MAX_DUE_RANGE_DAYS} days after from` }] });
  }
  return { from: f, to: t };
}

export async function dueVisits(db: Executor, query: { from?: string | undefined; to?: string | undefined }) {
  const { timeZone } = await homeSite(db);
  const { from, to } = range(timeZone, query.from, query.to);
  const rows = await db
    .select({ subject: studySubjects, studyCode: studies.code, patientCode: patients.subjectCode, name: patients.name, mrn: patients.mrn })
    .from(studySubjects)
    .innerJoin(studies, eq(studies.id, studySubjects.studyId))
    .innerJoin(patients, eq(patients.id, studySubjects.patientId))
    .where(eq(studySubjects.status, 'enrolled'));
  const plans = await subjectPlans(db, rows.map((r) => r.subject), timeZone);
  const seesIdentity = hasPermission(currentActor().roles, 'identity:read');
  const now = new Date();
  const items = plans.flatMap((plan, i) => {
    const r = rows[i]!;
    return plan.generated.visits
      .filter((v) => !plan.recorded.has(v.code) && windowOverlaps(v, from, to))
      .map((v) => ({
        ...visitView(v, undefined, now, timeZone),
        subjectId: r.subject.id, studyId: r.subject.studyId, studyCode: r.studyCode, subjectNumber: r.subject.subjectNumber ?? null, patientCode: r.patientCode,
        ...(seesIdentity ? { patientName: r.name, mrn: r.mrn } : {}),
      }));
  });
  items.sort((a, b) => (a.targetDate < b.targetDate ? -1 : a.targetDate > b.targetDate ? 1 : (a.subjectNumber ?? '').localeCompare(b.subjectNumber ?? '')));
  return { from, to, timeZone, items };
}
