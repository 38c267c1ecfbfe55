/**
 * What stands between a manufactured batch and its certification by the QP. The server gathers the
 * facts (QC status, open deviations, the QA review, the chain of identity) and this function says,
 * for one decision, every reason it may not be taken yet — all of them at once, so the QP sees the
 * whole list rather than one refusal at a time.
 *
 * The rules: EU GMP Part IV (ATMP) §11 and Annex 16 (certification by the QP after QA review of the
 * batch record; two different people), the NMPA cell-therapy appendix (release before complete testing
 * only for tests whose results may come late, with a duty to notify the clinician), 21 CFR 211.165(f)
 * (an out-of-specification batch is not released except by an exceptional, documented decision).
 *
 * @example releaseBlockers('release', facts) // [{ code: 'release.open_deviation', params: { deviations: 'DEV-2026-0003' } }]
 */

export const RELEASE_DECISIONS = ['release', 'conditional_release', 'reject'] as const;
export type ReleaseDecision = (typeof RELEASE_DECISIONS)[number];

/** Batch statuses a certification leads to. */
export const CERTIFIED_STATUSES = ['released', 'conditionally_released', 'rejected'] as const;
export type CertifiedStatus = (typeof CERTIFIED_STATUSES)[number];

export const STATUS_AFTER: Record<ReleaseDecision, CertifiedStatus> = {
  release: 'released',
  conditional_release: 'conditionally_released',
  reject: 'rejected',
};

export const RELEASE_BLOCKERS = [
  'release.batch_not_completed',
  'release.already_decided',
  'release.no_specification',
  'release.qc_incomplete',
  'release.results_pending',
  'release.nothing_pending',
  'release.out_of_specification',
  'release.open_deviation',
  'release.no_review',
  'release.reviewer_is_certifier',
  'release.chain_of_identity',
  'release.no_shelf_life',
  'release.product_expired',
] as const;
export type ReleaseBlockerCode = (typeof RELEASE_BLOCKERS)[number];

export interface ReleaseBlocker {
  code: ReleaseBlockerCode;
  params: Record<string, string | number>;
}

/**
 * Why the chain of identity of an autologous batch is not verified: the batch has no DIN (started
 * before DINs were recorded), the patient's bag was never received into it by scan-to-verify, the
 * batch's DIN is not a collection of its order, or a refused scan on the DIN is not yet followed by a
 * verified one.
 */
export const CHAIN_OF_IDENTITY_PROBLEMS = ['no_din', 'not_received', 'din_mismatch', 'unresolved_exception'] as const;
export type ChainOfIdentityProblem = (typeof CHAIN_OF_IDENTITY_PROBLEMS)[number];

export interface ReleaseFacts {
  /** in_progress | completed | aborted | released | conditionally_released | rejected */
  batchStatus: string;
  qc: {
    hasSpecification: boolean;
    /** Tests that must be in before release (not late-allowed) without a reviewed result. */
    incomplete: readonly string[];
    /** Tests whose current reviewed result does not conform. */
    outOfSpecification: readonly string[];
    /** Late-allowed tests (e.g. sterility) still without a reviewed result. */
    pendingLate: readonly string[];
  };
  /** Numbers of the deviations linked to the batch that are not closed. */
  openDeviations: readonly string[];
  /** The QA reviewer of the batch record, if reviewed. */
  reviewer: { id: string; username: string } | null;
  /** The person who would sign the decision. */
  certifierId: string;
  chainOfIdentity: { applies: boolean; verified: boolean; din: string | null; reason: ChainOfIdentityProblem | null };
  /** The release carries the exceptional-path record (physician's request, QP's justification). */
  exceptional: boolean;
  /**
   * The product's expiry: the end of manufacture plus the specification's shelf life (`null` when the
   * specification states none), and whether it has passed at the moment of the decision.
   */
  expiry: { expiresAt: string | null; expired: boolean };
}

const DAY_MS = 86_400_000;

/**
 * The expiry of a finished product: shelf life counts from the end of manufacture (for a cryopreserved
 * cell product, the end of controlled-rate freezing, which is the batch's last step). Stability data
 * state shelf life as elapsed time, so whole days of 24 h are added, independent of time zones.
 */
export function productExpiry(endOfManufacture: Date, shelfLifeDays: number): Date {
  return new Date(endOfManufacture.getTime() + shelfLifeDays * DAY_MS);
}

/** Which statuses each decision may be taken from. */
const ALLOWED_FROM: Record<ReleaseDecision, readonly string[]> = {
  release: ['completed', 'conditionally_released'],
  conditional_release: ['completed'],
  reject: ['completed', 'conditionally_released'],
};

const list = (items: readonly string[]) => items.join(', ');

/** Every blocker of `decision` given `facts`; an empty list means the QP may sign. */
export function releaseBlockers(decision: ReleaseDecision, facts: ReleaseFacts): ReleaseBlocker[] {
  const status = statusBlocker(decision, facts.batchStatus);
  // A reject is always possible once the batch is finished: refusing a product is never held up.
  if (decision === 'reject') return status ? [status] : [];
  return [...(status ? [status] : []), ...qcBlockers(decision, facts), ...expiryBlockers(facts), ...peopleBlockers(facts), ...chainBlockers(facts)];
}

function statusBlocker(decision: ReleaseDecision, status: string): ReleaseBlocker | null {
  if (ALLOWED_FROM[decision].includes(status)) return null;
  if (status === 'in_progress' || status === 'aborted') return { code: 'release.batch_not_completed', params: { status } };
  return { code: 'release.already_decided', params: { status } };
}

function qcBlockers(decision: ReleaseDecision, facts: ReleaseFacts): ReleaseBlocker[] {
  const { qc } = facts;
  if (!qc.hasSpecification) return [{ code: 'release.no_specification', params: {} }];
  const blockers: ReleaseBlocker[] = [];
  if (qc.incomplete.length) blockers.push({ code: 'release.qc_incomplete', params: { tests: list(qc.incomplete), count: qc.incomplete.length } });
  if (decision === 'release' && qc.pendingLate.length) {
    blockers.push({ code: 'release.results_pending', params: { tests: list(qc.pendingLate), count: qc.pendingLate.length } });
  }
  if (decision === 'conditional_release' && !qc.pendingLate.length) blockers.push({ code: 'release.nothing_pending', params: {} });
  // Out of specification goes out only as an exceptional *release*, never conditionally.
  const exceptionalCovers = decision === 'release' && facts.exceptional;
  if (qc.outOfSpecification.length && !exceptionalCovers) {
    blockers.push({ code: 'release.out_of_specification', params: { tests: list(qc.outOfSpecification), count: qc.outOfSpecification.length } });
  }
  return blockers;
}

/** An expired product never goes out, and a product without a stated shelf life has no expiry to label. */
function expiryBlockers({ qc, expiry }: ReleaseFacts): ReleaseBlocker[] {
  if (!qc.hasSpecification) return [];
  if (!expiry.expiresAt) return [{ code: 'release.no_shelf_life', params: {} }];
  return expiry.expired ? [{ code: 'release.product_expired', params: { expiresAt: expiry.expiresAt } }] : [];
}

function peopleBlockers(facts: ReleaseFacts): ReleaseBlocker[] {
  const blockers: ReleaseBlocker[] = [];
  if (facts.openDeviations.length) {
    blockers.push({ code: 'release.open_deviation', params: { deviations: list(facts.openDeviations), count: facts.openDeviations.length } });
  }
  if (!facts.reviewer) blockers.push({ code: 'release.no_review', params: {} });
  else if (facts.reviewer.id === facts.certifierId) blockers.push({ code: 'release.reviewer_is_certifier', params: { reviewer: facts.reviewer.username } });
  return blockers;
}

function chainBlockers({ chainOfIdentity: coi }: ReleaseFacts): ReleaseBlocker[] {
  if (!coi.applies || coi.verified) return [];
  return [{ code: 'release.chain_of_identity', params: { din: coi.din ?? '—', reason: coi.reason ?? 'not_received' } }];
}
