/**
 * Visit schedules: a protocol's visit definitions (relative to an anchor: consent, enrollment, infusion), each
 * subject's visits generated from its anchor days, and a visit's status on calendar days of the site's time
 * zone. Pure: the server feeds it the definitions, the anchors and the recorded (done or missed) visits.
 *
 * Days are calendar days `YYYY-MM-DD` in the site time zone, computed with Intl (isbt128/time-zone.ts), never
 * by adding hours to UTC: a visit on "day 7" is the seventh calendar day after the anchor's day at the site.
 * Long-term follow-up (phase `ltfu`) runs for the protocol's years from its anchor: FDA guidance "Long Term
 * Follow-up After Administration of Human Gene Therapy Products" (2020) recommends up to 15 years for
 * integrating vectors and genetically modified cells, up to 5 years for AAV vectors; the protocol sets it.
 */
import { wallClockAt } from '../isbt128/time-zone';

export const VISIT_ANCHORS = ['consent', 'enrollment', 'infusion'] as const;
export type VisitAnchor = (typeof VISIT_ANCHORS)[number];
export const VISIT_PHASES = ['screening', 'treatment', 'follow_up', 'ltfu'] as const;
export type VisitPhase = (typeof VISIT_PHASES)[number];
export const VISIT_STATUSES = ['upcoming', 'in_window', 'overdue', 'done', 'missed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const REPEAT_UNITS = ['day', 'week', 'month', 'year'] as const;
export type RepeatUnit = (typeof REPEAT_UNITS)[number];

/** What a visit calls for; the web names each in both languages. */
export const VISIT_ASSESSMENTS = [
  'labs', 'liver_panel', 'hematology', 'coagulation', 'vital_signs', 'physical_exam', 'ecog', 'crs_icans',
  'imaging_mrecist', 'qol', 'afp', 'adverse_events', 'con_meds',
  // Long-term follow-up of gene therapy (FDA 2020 LTFU guidance; NMPA 2021 technical guidance on LTFU of gene therapy products).
  'rcl_test', 'vcn_blood', 'new_malignancy', 'new_neurologic', 'new_autoimmune', 'new_hematologic', 'pregnancy',
  'survival_status', 'vector_shedding', 'aav_antibodies', 'liver_biopsy',
] as const;
export type VisitAssessment = (typeof VISIT_ASSESSMENTS)[number];

/** The most occurrences one definition may give (a daily visit for a year and a month). */
export const MAX_OCCURRENCES = 400;

export interface VisitRepeat {
  every: number;
  unit: RepeatUnit;
  /** Occurrences; left out in phase `ltfu`: until the end of the long-term follow-up. */
  count?: number | null;
}

export interface VisitDefinitionRule {
  id: string;
  code: string;
  name: { en: string; zh: string };
  phase: VisitPhase;
  anchor: VisitAnchor;
  dayOffset: number;
  windowBefore: number;
  windowAfter: number;
  assessments: readonly string[];
  repeat?: VisitRepeat | null;
}

/** The anchor days of a subject (site calendar days); null: not happened yet. */
export type VisitAnchors = Partial<Record<VisitAnchor, string | null>>;

export interface ScheduledVisit {
  /** `M3`, or `<code>.<n>` for the n-th occurrence of a repeated definition. */
  code: string;
  definitionId: string;
  definitionCode: string;
  occurrence: number | null;
  name: { en: string; zh: string };
  phase: VisitPhase;
  anchor: VisitAnchor;
  /** Days from the anchor day to the target day. */
  dayOffset: number;
  targetDate: string;
  windowStart: string;
  windowEnd: string;
  assessments: readonly string[];
}

export interface GeneratedSchedule {
  visits: ScheduledVisit[];
  /** Definitions whose anchor has not happened: not scheduled yet. */
  awaiting: VisitDefinitionRule[];
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar day `YYYY-MM-DD`. */
export function dayNumber(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** The calendar day of a day number. */
export function dayOfNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** `day` plus `days` calendar days. */
export const addCalendarDays = (day: string, days: number): string => dayOfNumber(dayNumber(day) + days);

/** `day` plus `months` calendar months, clamped to the last day of the month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dayOfNumber(Date.UTC(year, month, Math.min(d, last)) / 86_400_000);
}

/** The calendar day (`YYYY-MM-DD`) of an instant in an IANA time zone. */
export function siteDay(at: Date | number, timeZone: string): string {
  const w = wallClockAt(typeof at === 'number' ? at : at.getTime(), timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Monday to Sunday of the week holding `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const n = dayNumber(day);
  const weekday = (new Date(n * 86_400_000).getUTCDay() + 6) % 7; // Monday 0
  return { from: dayOfNumber(n - weekday), to: dayOfNumber(n - weekday + 6) };
}

function shift(day: string, amount: number, unit: RepeatUnit): string {
  switch (unit) {
    case 'day':
      return addCalendarDays(day, amount);
    case 'week':
      return addCalendarDays(day, amount * 7);
    case 'month':
      return addMonths(day, amount);
    case 'year':
      return addMonths(day, amount * 12);
  }
}

/**
 * The target days of a definition from its anchor day: `anchor + dayOffset + k × every units` for k = 0, 1, …
 * `count` of them, or (phase ltfu without a count) every one up to `ltfuEnd`.
 */
export function occurrenceDays(def: Pick<VisitDefinitionRule, 'dayOffset' | 'repeat' | 'phase'>, anchorDay: string, ltfuEnd?: string | null): string[] {
  const first = addCalendarDays(anchorDay, def.dayOffset);
  const r = def.repeat;
  if (!r) return [first];
  const days: string[] = [];
  const limit = r.count ?? MAX_OCCURRENCES;
  const end = r.count == null ? (ltfuEnd ?? null) : null;
  if (r.count == null && end === null) return [];
  for (let k = 0; k < limit; k++) {
    const day = shift(first, k * r.every, r.unit);
    if (end !== null && day > end) break;
    days.push(day);
  }
  return days;
}

/**
 * A subject's visits from its anchors, by target day (then definition order). A visit whose anchor has not
 * happened is not scheduled (it is in `awaiting`). `ltfuYears` bounds the open-ended `ltfu` repeats: they run
 * to `ltfuYears` calendar years after their own anchor day.
 * @example generateVisits([{ code: 'D28', anchor: 'infusion', dayOffset: 28, windowBefore: 3, windowAfter: 3, … }], { infusion: '2026-11-02' })
 *   // visits[0]: { code: 'D28', targetDate: '2026-11-30', windowStart: '2026-11-27', windowEnd: '2026-12-03' }
 */
export function generateVisits(definitions: readonly VisitDefinitionRule[], anchors: VisitAnchors, ltfuYears?: number | null): GeneratedSchedule {
  const visits: (ScheduledVisit & { order: number })[] = [];
  const awaiting: VisitDefinitionRule[] = [];
  definitions.forEach((def, order) => {
    const anchorDay = anchors[def.anchor];
    if (!anchorDay) {
      awaiting.push(def);
      return;
    }
    const ltfuEnd = ltfuYears ? addMonths(anchorDay, ltfuYears * 12) : null;
    const days = occurrenceDays(def, anchorDay, ltfuEnd);
    days.forEach((targetDate, k) => {
      visits.push({
        code: def.repeat ? `${def.code}.${k + 1}` : def.code,
        definitionId: def.id,
        definitionCode: def.code,
        occurrence: def.repeat ? k + 1 : null,
        name: def.repeat ? { en: `${def.name.en} ${k + 1}`, zh: `${def.name.zh} ${k + 1}` } : def.name,
        phase: def.phase,
        anchor: def.anchor,
        dayOffset: dayNumber(targetDate) - dayNumber(anchorDay),
        targetDate,
        windowStart: addCalendarDays(targetDate, -def.windowBefore),
        windowEnd: addCalendarDays(targetDate, def.windowAfter),
        assessments: def.assessments,
        order,
      });
    });
  });
  visits.sort((a, b) => (a.targetDate < b.targetDate ? -1 : a.targetDate > b.targetDate ? 1 : a.order - b.order));
  return { visits: visits.map(({ order: _order, ...v }) => v), awaiting };
}

/** What the status needs of a visit: its window and what was recorded (done or missed), if anything. */
export interface VisitForStatus {
  windowStart: string;
  windowEnd: string;
  recorded?: 'done' | 'missed' | null;
}

/**
 * The status of a visit at `now`, on calendar days in `timeZone`: done or missed when recorded; else upcoming
 * before the window's first day, in window through its last day, overdue after it.
 */
export function visitStatus(visit: VisitForStatus, now: Date | number, timeZone: string): VisitStatus {
  if (visit.recorded) return visit.recorded;
  const today = siteDay(now, timeZone);
  if (today < visit.windowStart) return 'upcoming';
  if (today <= visit.windowEnd) return 'in_window';
  return 'overdue';
}

/** Whether a visit that took place at `at` was inside its window (site calendar days). */
export function isWithinWindow(visit: Pick<VisitForStatus, 'windowStart' | 'windowEnd'>, at: Date | number, timeZone: string): boolean {
  const day = siteDay(at, timeZone);
  return day >= visit.windowStart && day <= visit.windowEnd;
}

/** Whether a visit's window overlaps the days `from`…`to` (inclusive). */
export const windowOverlaps = (visit: Pick<VisitForStatus, 'windowStart' | 'windowEnd'>, from: string, to: string): boolean =>
  visit.windowStart <= to && visit.windowEnd >= from;

export interface ScheduleProblem {
  /** Relative to the schedule body, e.g. `visits.2.code`. */
  path: string;
  code: 'visit.duplicate_code' | 'visit.ltfu_required' | 'visit.count_required' | 'visit.too_many_occurrences' | 'visit.bad_code';
  message: string;
  params: Record<string, string | number>;
}

const CODE_RE = /^[A-Za-z0-9_-]{1,24}$/;

/** Problems of a schedule before it is stored (empty when it can be stored). */
export function scheduleProblems(defs: readonly Omit<VisitDefinitionRule, 'id'>[], ltfuYears: number | null | undefined): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const seen = new Set<string>();
  defs.forEach((d, i) => {
    if (!CODE_RE.test(d.code)) {
      problems.push({ path: `visits.${i}.code`, code: 'visit.bad_code', message: `Visit code "${d.code}" may hold letters, digits, _ and - only (1–24).`, params: { code: d.code } });
    } else if (seen.has(d.code.toUpperCase())) {
      problems.push({ path: `visits.${i}.code`, code: 'visit.duplicate_code', message: `Visit code ${d.code} is used twice.`, params: { code: d.code } });
    }
    seen.add(d.code.toUpperCase());
    if (d.phase === 'ltfu' && !ltfuYears) {
      problems.push({ path: 'ltfu', code: 'visit.ltfu_required', message: `Visit ${d.code} is long-term follow-up: give the follow-up's duration in years.`, params: { code: d.code } });
    }
    if (d.repeat && d.repeat.count == null && d.phase !== 'ltfu') {
      problems.push({ path: `visits.${i}.repeat.count`, code: 'visit.count_required', message: `Visit ${d.code} repeats: say how many times (only long-term follow-up may run to its end).`, params: { code: d.code } });
    }
    if (d.repeat && (d.repeat.count ?? 0) > MAX_OCCURRENCES) {
      problems.push({ path: `visits.${i}.repeat.count`, code: 'visit.too_many_occurrences', message: `Visit ${d.code} repeats more than ${MAX_OCCURRENCES} times.`, params: { code: d.code, max: MAX_OCCURRENCES } });
    }
    if (d.repeat && d.repeat.count == null && d.phase === 'ltfu' && ltfuYears) {
      const n = occurrenceDays(d, '2000-01-01', addMonths('2000-01-01', ltfuYears * 12)).length;
      if (n >= MAX_OCCURRENCES) {
        problems.push({ path: `visits.${i}.repeat`, code: 'visit.too_many_occurrences', message: `Visit ${d.code} repeats more than ${MAX_OCCURRENCES} times over the follow-up.`, params: { code: d.code, max: MAX_OCCURRENCES } });
      }
    }
  });
  return problems;
}
