/**
 * Reporting clocks of a serious adverse event: which reports a serious AE owes, to whom, and by when.
 * One versioned rule table; the server stores each clock's start and due instant and computes its state
 * (running, overdue, met) at the moment it is read, so nothing stored can go stale.
 *
 * Sources (quoted in docs/clinical/safety-response-api.md, where the readings chosen are explained):
 * - China GCP 2020 (药物临床试验质量管理规范, NMPA/NHC announcement No. 57 of 2020), Article 26: "除试验方案或者
 *   其他文件（如研究者手册）中规定不需立即报告的严重不良事件外，研究者应当立即向申办者书面报告所有严重不良事件，
 *   随后应当及时提供详尽、书面的随访报告。" — the investigator reports every SAE to the sponsor immediately, in
 *   writing, then gives detailed written follow-up reports; it also has the investigator pass the sponsor's
 *   SUSARs to the ethics committee. "Immediately" is read as within 24 hours of awareness (ICH E6(R2) 4.11.1
 *   says "immediately" too; 24 hours is how Chinese institutions' SOPs and the protocol templates set it).
 * - China GCP 2020, Article 48: the sponsor analyses every safety information at once (seriousness,
 *   relatedness, expectedness) and reports SUSARs quickly ("快速报告") to all investigators, institutions and
 *   ethics committees, and to the drug regulator and the health authority. The time limits are those of the
 *   CDE's 《药物临床试验期间安全性数据快速报告标准和程序》(2018), which adopts ICH E2A: fatal or life-threatening
 *   SUSARs no later than 7 days after first knowledge, with follow-up within the following 8 days; other
 *   SUSARs no later than 15 days; the day of first knowledge is day 0.
 * - ICH E2A (1994) III.A: fatal or life-threatening unexpected ADRs "as soon as possible but no later than 7
 *   calendar days after first knowledge", "followed by as complete a report as possible within 8 additional
 *   calendar days"; serious unexpected ADRs that are not fatal or life-threatening "as soon as possible but no
 *   later than 15 calendar days".
 */

export const SAE_CLOCK_RULES_VERSION = 'cn-gcp-2020+ich-e2a/1';

export const SERIOUSNESS_CRITERIA = [
  'death',
  'life_threatening',
  'hospitalization',
  'disability',
  'congenital_anomaly',
  'medically_important',
] as const;
export type SeriousnessCriterion = (typeof SERIOUSNESS_CRITERIA)[number];

export const RELATEDNESS = ['not_related', 'unlikely', 'possible', 'probable', 'definite'] as const;
export type Relatedness = (typeof RELATEDNESS)[number];

export const SAE_CLOCK_KINDS = ['sponsor_initial', 'expedited_regulatory', 'expedited_followup', 'ethics_notification'] as const;
export type SaeClockKind = (typeof SAE_CLOCK_KINDS)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface SaeClockRule {
  kind: SaeClockKind;
  /** Who the report goes to, as the board shows it. */
  recipient: 'sponsor' | 'regulator' | 'ethics_committee';
  /** Time allowed from the clock's start. */
  allowedMs: number;
  /** The article this clock encodes. */
  basis: string;
}

/** The rule table, version SAE_CLOCK_RULES_VERSION. Fatal/life-threatening SUSARs use the `fast` rows. */
export const SAE_CLOCK_RULES = {
  sponsor_initial: {
    kind: 'sponsor_initial',
    recipient: 'sponsor',
    allowedMs: 24 * HOUR_MS,
    basis: 'China GCP 2020 Art. 26 (investigator to sponsor immediately, read as 24 h); ICH E6(R2) 4.11.1',
  },
  expedited_regulatory_fast: {
    kind: 'expedited_regulatory',
    recipient: 'regulator',
    allowedMs: 7 * DAY_MS,
    basis: 'China GCP 2020 Art. 48; CDE 2018 expedited reporting standard; ICH E2A III.A.1 (fatal or life-threatening SUSAR: 7 days)',
  },
  expedited_followup_fast: {
    kind: 'expedited_followup',
    recipient: 'regulator',
    allowedMs: 15 * DAY_MS,
    basis: 'ICH E2A III.A.1; CDE 2018 (follow-up within 8 more days after the 7-day report)',
  },
  expedited_regulatory: {
    kind: 'expedited_regulatory',
    recipient: 'regulator',
    allowedMs: 15 * DAY_MS,
    basis: 'China GCP 2020 Art. 48; CDE 2018 expedited reporting standard; ICH E2A III.A.2 (other SUSAR: 15 days)',
  },
  ethics_notification_fast: {
    kind: 'ethics_notification',
    recipient: 'ethics_committee',
    allowedMs: 7 * DAY_MS,
    basis: 'China GCP 2020 Art. 26 and 48 (SUSAR to the ethics committee; same limit as the regulator: 7 days)',
  },
  ethics_notification: {
    kind: 'ethics_notification',
    recipient: 'ethics_committee',
    allowedMs: 15 * DAY_MS,
    basis: 'China GCP 2020 Art. 26 and 48 (SUSAR to the ethics committee; same limit as the regulator: 15 days)',
  },
} as const satisfies Record<string, SaeClockRule>;

/** What the clocks need to know of an assessed adverse event. */
export interface SaeAssessment {
  seriousness: readonly SeriousnessCriterion[];
  /** Relatedness to the investigational product. */
  productRelatedness: Relatedness;
  expectedness: 'expected' | 'unexpected';
}

/** Serious (ICH E2A II.B): any seriousness criterion applies. */
export const isSerious = (a: Pick<SaeAssessment, 'seriousness'>): boolean => a.seriousness.length > 0;

/** A suspected reaction: a causal relationship "cannot be ruled out" — possible, probable or definite. */
export const isRelated = (r: Relatedness): boolean => RELATEDNESS.indexOf(r) >= RELATEDNESS.indexOf('possible');

/** Suspected unexpected serious adverse reaction: serious, related at least possibly, unexpected. */
export const isSusar = (a: SaeAssessment): boolean =>
  isSerious(a) && isRelated(a.productRelatedness) && a.expectedness === 'unexpected';

/** Fatal or life-threatening: the 7-day track of ICH E2A and the CDE standard. */
export const isFatalOrLifeThreatening = (a: Pick<SaeAssessment, 'seriousness'>): boolean =>
  a.seriousness.includes('death') || a.seriousness.includes('life_threatening');

export interface PlannedClock {
  kind: SaeClockKind;
  recipient: SaeClockRule['recipient'];
  startsAt: Date;
  dueAt: Date;
  basis: string;
  rulesVersion: string;
}

/**
 * The clocks an assessment starts, from `startsAt` (awareness). A non-serious AE starts none.
 * @example saeClocksFor({ seriousness: ['hospitalization'], productRelatedness: 'possible', expectedness: 'unexpected' }, t)
 *   // sponsor_initial t+24h, expedited_regulatory t+15d, ethics_notification t+15d
 */
export function saeClocksFor(assessment: SaeAssessment, startsAt: Date): PlannedClock[] {
  if (!isSerious(assessment)) return [];
  const rules: SaeClockRule[] = [SAE_CLOCK_RULES.sponsor_initial];
  if (isSusar(assessment)) {
    if (isFatalOrLifeThreatening(assessment)) {
      rules.push(SAE_CLOCK_RULES.expedited_regulatory_fast, SAE_CLOCK_RULES.expedited_followup_fast, SAE_CLOCK_RULES.ethics_notification_fast);
    } else {
      rules.push(SAE_CLOCK_RULES.expedited_regulatory, SAE_CLOCK_RULES.ethics_notification);
    }
  }
  return rules.map((r) => ({
    kind: r.kind,
    recipient: r.recipient,
    startsAt,
    dueAt: new Date(startsAt.getTime() + r.allowedMs),
    basis: r.basis,
    rulesVersion: SAE_CLOCK_RULES_VERSION,
  }));
}

export type SaeClockStatus = 'running' | 'overdue' | 'met' | 'cancelled';

export interface SaeClockState {
  status: SaeClockStatus;
  /** Milliseconds until due while running; 0 otherwise. */
  msLeft: number;
  /** Milliseconds past due while overdue; for a met clock, how late the report was (0 when on time). */
  overdueMs: number;
  /** A met clock whose first report came after the due time. */
  late: boolean;
}

/**
 * The clock's state at `now`, from facts only: its due time, its first report and its cancellation.
 * @example saeClockState({ dueAt, metAt: null, cancelledAt: null }, now) // { status: 'overdue', … } when now > dueAt
 */
export function saeClockState(clock: { dueAt: Date; metAt: Date | null; cancelledAt: Date | null }, now: Date): SaeClockState {
  const due = clock.dueAt.getTime();
  if (clock.metAt) {
    const lateBy = Math.max(0, clock.metAt.getTime() - due);
    return { status: 'met', msLeft: 0, overdueMs: lateBy, late: lateBy > 0 };
  }
  if (clock.cancelledAt) return { status: 'cancelled', msLeft: 0, overdueMs: 0, late: false };
  const left = due - now.getTime();
  return left >= 0
    ? { status: 'running', msLeft: left, overdueMs: 0, late: false }
    : { status: 'overdue', msLeft: 0, overdueMs: -left, late: false };
}
