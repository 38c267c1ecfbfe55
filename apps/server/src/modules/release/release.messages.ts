/**
 * Release blockers in words (English, as the API's `detail`; the web app words them from `code` and
 * `params` in the reader's language). Each says what is wrong and what to do about it.
 */
import type { ReleaseBlocker, ReleaseBlockerCode } from '@hepatica/core';

type Params = ReleaseBlocker['params'];

const CHAIN_REASONS: Record<string, string> = {
  no_din: 'the batch has no DIN recorded',
  not_received: "the patient's bag was never received into the batch by scan-to-verify",
  din_mismatch: "the batch's DIN is not a collection of the patient's order",
  unresolved_exception: 'a refused scan on the DIN has not been followed by a verified scan',
};

const MESSAGES: Record<ReleaseBlockerCode, (p: Params) => string> = {
  'release.batch_not_completed': (p) => `The batch is ${String(p.status).replaceAll('_', ' ')}: only a completed batch can be certified.`,
  'release.already_decided': (p) => `The batch is already ${String(p.status).replaceAll('_', ' ')}; this decision is no longer open.`,
  'release.no_specification': () => "No effective specification exists for this product: QA must approve one and QC must test against it.",
  'release.qc_incomplete': (p) => `QC is incomplete: ${p.tests} still lack a reviewed, conforming result.`,
  'release.results_pending': (p) => `Results are still pending for ${p.tests}: wait for them, or certify a conditional release.`,
  'release.nothing_pending': () => 'Every QC result is in: certify a full release instead of a conditional one.',
  'release.out_of_specification': (p) =>
    `Out of specification: ${p.tests}. Reject the batch, or release it only through the exceptional path with the physician's request and your justification.`,
  'release.open_deviation': (p) => `Deviation ${p.deviations} is not closed: QA must close it before release.`,
  'release.no_review': () => 'QA has not reviewed the batch record: a QA reviewer must review and sign it first.',
  'release.reviewer_is_certifier': (p) => `You reviewed this batch record (${p.reviewer}); another QP must certify it, as two different people sign review and release.`,
  'release.no_shelf_life': () => 'The specification states no shelf life, so the product has no expiry to certify; QA must issue a specification version with the shelf life.',
  'release.product_expired': () => 'The product has expired: its shelf life from the end of manufacture has passed. An expired product is never released; reject it.',
  'release.chain_of_identity': (p) => `The chain of identity is not verified for DIN ${p.din}: ${CHAIN_REASONS[String(p.reason)] ?? String(p.reason)}.`,
};

export function blockerMessage(b: ReleaseBlocker): string {
  return MESSAGES[b.code](b.params);
}

export const withMessage = (b: ReleaseBlocker) => ({ ...b, message: blockerMessage(b) });
