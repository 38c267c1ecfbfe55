/**
 * The stateless clinical calculators: each takes a validated body, calls the rules of @hepatica/core and turns
 * their typed errors into 422 problems naming the field (`body.labs.bilirubin.unit`). Nothing is stored.
 */
import {
  acceptedUnits,
  AstctInputError,
  CTCAE_TERMS,
  CtcaeInputError,
  gradeCrs,
  gradeCtcaeLab,
  gradeIcans,
  iceScore,
  LAB_ANALYTES,
  liverScoreInputProblems,
  liverScores,
  loincFor,
  MrecistInputError,
  mrecistTimepoint,
  validateTargetLesions,
  type CrsInput,
} from '@hepatica/core';
import { unprocessable, type FieldError } from '../../../platform/errors';
import type { CtcaeBody, IcansBody, MrecistBody, ScoresBody } from './calculators.schema';

/** A core path (`labs.inr.value`, `[0].viableDiameterMm`) as the API names it (`body.labs.inr.value`). */
const bodyPath = (path: string, under = '') => ['body', under, path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '')].filter(Boolean).join('.');

function fieldProblem(path: string, code: string, message: string, params: Record<string, string | number> = {}) {
  return unprocessable(message, { code, params: { ...params, field: path }, errors: [{ path, message, code }] });
}

/** Every liver score the body's data allows; 422 naming each unknown unit and impossible value. */
export function computeScores(body: ScoresBody) {
  const problems = liverScoreInputProblems(body);
  const first = problems[0];
  if (first) {
    const errors: FieldError[] = problems.map((p) => ({ path: bodyPath(p.path), message: p.message, code: p.code }));
    throw unprocessable(problems.map((p) => p.message).join(' '), { code: first.code, params: { ...first.params, field: bodyPath(first.path) }, errors });
  }
  return liverScores(body);
}

export function computeCtcae(body: CtcaeBody) {
  try {
    return gradeCtcaeLab(body);
  } catch (e) {
    if (e instanceof CtcaeInputError) throw fieldProblem(bodyPath(e.path), e.code, e.message, { term: body.term });
    throw e;
  }
}

export function computeCrs(body: CrsInput) {
  return gradeCrs(body);
}

export function computeIcans(body: IcansBody) {
  try {
    const fromItems = body.ice ? iceScore(body.ice) : undefined;
    if (fromItems !== undefined && body.iceScore !== undefined && fromItems !== body.iceScore) {
      throw fieldProblem('body.iceScore', 'icans.ice_mismatch', `The ICE items add up to ${fromItems}, not ${body.iceScore}: send one or make them agree.`, { fromItems, iceScore: body.iceScore });
    }
    const score = fromItems ?? body.iceScore!;
    return { ...gradeIcans({ ...body, iceScore: score }), iceScore: score };
  } catch (e) {
    if (e instanceof AstctInputError) throw fieldProblem(bodyPath(e.path), e.code, e.message);
    throw e;
  }
}

export function computeMrecist(body: MrecistBody) {
  if (body.targetLesions) {
    const { errors } = validateTargetLesions(body.targetLesions, { baseline: body.baseline === true });
    const first = errors[0];
    if (first) {
      throw unprocessable(errors.map((e) => e.message).join(' '), {
        code: 'mrecist.target_rules',
        params: { ...first.params, rule: first.code },
        errors: errors.map((e) => ({ path: bodyPath(e.path, 'targetLesions'), message: e.message, code: e.code })),
      });
    }
  }
  try {
    return mrecistTimepoint(body);
  } catch (e) {
    if (e instanceof MrecistInputError) throw fieldProblem(bodyPath(e.path), e.code, e.message);
    throw e;
  }
}

export function ctcaeTermList() {
  return { version: '5.0' as const, items: Object.values(CTCAE_TERMS) };
}

export function labAnalyteList() {
  return {
    items: Object.values(LAB_ANALYTES).map((a) => ({
      analyte: a.analyte,
      label: a.label,
      loinc: a.loinc,
      canonicalUnit: a.canonicalUnit,
      units: acceptedUnits(a.analyte).map((unit) => ({ unit, factor: a.units[unit]!, loinc: loincFor(a.analyte, unit) })),
      reference: a.reference,
    })),
  };
}
