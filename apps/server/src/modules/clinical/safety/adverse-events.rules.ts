/**
 * The checks an adverse event's content must pass, whether recorded, followed up or corrected: they run on
 * the record as it would stand after the change, so a partial update cannot slip past them.
 */
import { Problem, unprocessable } from '../../../platform/errors';
import { isCtcaeTerm } from './grading';

export interface AeContent {
  ctcaeTerm: string;
  grade: number;
  onsetAt: Date;
  resolvedAt: Date | null;
  awareAt: Date;
  outcome: string;
  productDin: string | null;
}

const fieldProblem = (code: string, path: string, detail: string, params?: Record<string, string | number>) =>
  unprocessable(detail, { code, ...(params ? { params } : {}), errors: [{ path, message: detail }] });

/** Refuses impossible content with a 422 naming the field. `received` are the DINs the subject received. */
export function checkAeContent(ae: AeContent, received: Set<string>, now = new Date()): void {
  if (!Number.isInteger(ae.grade) || ae.grade < 1 || ae.grade > 5) {
    throw fieldProblem('adverse_event.grade_out_of_range', 'body.grade', `CTCAE grades run from 1 to 5; ${ae.grade} is not one.`, { grade: ae.grade });
  }
  if (!isCtcaeTerm(ae.ctcaeTerm)) {
    throw fieldProblem('adverse_event.unknown_ctcae_term', 'body.ctcaeTerm', `"${ae.ctcaeTerm}" is not a CTCAE v5.0 term known here.`, { term: ae.ctcaeTerm });
  }
  if (ae.onsetAt.getTime() > now.getTime() + 60_000) {
    throw fieldProblem('adverse_event.onset_in_future', 'body.onsetAt', 'The onset cannot be in the future.');
  }
  if (ae.resolvedAt && ae.resolvedAt < ae.onsetAt) {
    throw fieldProblem('adverse_event.resolved_before_onset', 'body.resolvedAt', 'The event cannot resolve before its onset.', {
      onsetAt: ae.onsetAt.toISOString(),
    });
  }
  if (ae.resolvedAt && ae.resolvedAt.getTime() > now.getTime() + 60_000) {
    throw fieldProblem('adverse_event.resolved_in_future', 'body.resolvedAt', 'The resolution cannot be in the future.');
  }
  if (ae.awareAt < ae.onsetAt) {
    throw fieldProblem('adverse_event.aware_before_onset', 'body.awareAt', 'Nobody can learn of the event before its onset.');
  }
  if (ae.awareAt.getTime() > now.getTime() + 60_000) {
    throw fieldProblem('adverse_event.aware_in_future', 'body.awareAt', 'The time of awareness cannot be in the future.');
  }
  if ((ae.grade === 5) !== (ae.outcome === 'fatal')) {
    throw fieldProblem('adverse_event.grade5_outcome', 'body.outcome', 'Grade 5 is death related to the event: use grade 5 with outcome fatal, and only then.', {
      grade: ae.grade,
      outcome: ae.outcome,
    });
  }
  if (ae.productDin && !received.has(ae.productDin)) {
    throw fieldProblem('adverse_event.product_not_received', 'body.productDin', `The subject did not receive the product ${ae.productDin}: name a DIN shipped to or infused in this subject.`, {
      din: ae.productDin,
    });
  }
}

/** 403 for a judgement only an investigator may make, with a code a client can translate. */
export const investigatorOnly = () =>
  new Problem({
    status: 403,
    slug: 'forbidden',
    title: 'Not allowed',
    detail: 'Only an investigator (physician) judges seriousness, relatedness and expectedness. Record the event without them.',
    code: 'adverse_event.assessment_investigator_only',
  });
