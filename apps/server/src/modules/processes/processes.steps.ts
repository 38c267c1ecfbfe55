/**
 * The rules a master batch record's steps must follow beyond their shape: 1–60 steps, field keys
 * that batch values can be stored under, ranges that make sense, and references to training
 * courses and materials that exist. Every refusal is a 422 naming the exact path
 * (`body.steps.3.fields.0.max`), so the process designer can point at the field.
 */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { unprocessable, type FieldError } from '../../platform/errors';
import { materials } from '../materials/materials.tables';
import { trainingCourses } from '../training/training.tables';
import { MAX_STEPS, type ProcessStep } from './processes.schema';

/** Field keys become the keys of recorded batch values: a plain identifier, stable across versions. */
const FIELD_KEY = /^[a-z][a-zA-Z0-9_]*$/;

/** Errors in the fields of one step: key format and uniqueness, min/max only on numbers, min ≤ max. */
function fieldErrors(step: ProcessStep, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  step.fields.forEach((f, j) => {
    const path = `${at}.fields.${j}`;
    if (!FIELD_KEY.test(f.key)) {
      errors.push({ path: `${path}.key`, message: 'A key starts with a lower-case letter and has only letters, digits and underscores (e.g. viableCells)', code: 'invalid_key' });
    } else if (seen.has(f.key)) {
      errors.push({ path: `${path}.key`, message: `The key ${f.key} is already used by another field of this step`, code: 'duplicate_key' });
    }
    seen.add(f.key);
    for (const bound of ['min', 'max'] as const) {
      if (f[bound] !== undefined && f.type !== 'number') {
        errors.push({ path: `${path}.${bound}`, message: `Only number fields have a ${bound === 'min' ? 'minimum' : 'maximum'}`, code: 'not_number' });
      }
    }
    if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) {
      errors.push({ path: `${path}.max`, message: `The maximum must not be below the minimum (${f.min})`, code: 'min_above_max' });
    }
  });
  return errors;
}

/** The structural rules of a step list (no database): 1–60 steps and each step's fields. */
export function stepRuleErrors(steps: ProcessStep[], base = 'body.steps'): FieldError[] {
  if (steps.length < 1) return [{ path: base, message: 'A process needs at least one step', code: 'too_small' }];
  if (steps.length > MAX_STEPS) return [{ path: base, message: `A process has at most ${MAX_STEPS} steps`, code: 'too_big' }];
  return steps.flatMap((step, i) => fieldErrors(step, `${base}.${i}`));
}

interface Reference {
  code: string;
  path: string;
}

function courseReferences(steps: ProcessStep[], base: string): Reference[] {
  return steps.flatMap((s, i) => (s.requiredQualification ? [{ code: s.requiredQualification, path: `${base}.${i}.requiredQualification` }] : []));
}

function materialReferences(steps: ProcessStep[], base: string): Reference[] {
  return steps.flatMap((s, i) => [
    ...s.materials.map((code, k) => ({ code, path: `${base}.${i}.materials.${k}` })),
    ...(s.producesLot ? [{ code: s.producesLot, path: `${base}.${i}.producesLot` }] : []),
  ]);
}

/** The references whose code is not among `known`. */
function unknownOf(refs: Reference[], known: Set<string>): Reference[] {
  return refs.filter((r) => !known.has(r.code));
}

const distinct = (refs: Reference[]) => [...new Set(refs.map((r) => r.code))];

async function knownCourses(db: Executor, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.select({ code: trainingCourses.code }).from(trainingCourses).where(inArray(trainingCourses.code, codes));
  return new Set(rows.map((r) => r.code));
}

async function knownMaterials(db: Executor, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.select({ code: materials.code }).from(materials).where(inArray(materials.code, codes));
  return new Set(rows.map((r) => r.code));
}

/**
 * Throws 422 unless the steps follow every rule: `process.invalid_steps` (structure),
 * `process.unknown_course` or `process.unknown_material` (params.codes lists the unknown codes).
 */
export async function assertValidSteps(db: Executor, steps: ProcessStep[], base = 'body.steps'): Promise<void> {
  const rules = stepRuleErrors(steps, base);
  if (rules.length) {
    throw unprocessable(`The steps need correcting: ${rules.map((e) => `${e.path}: ${e.message}`).join('; ')}.`, { code: 'process.invalid_steps', errors: rules });
  }
  const courses = courseReferences(steps, base);
  const badCourses = unknownOf(courses, await knownCourses(db, distinct(courses)));
  if (badCourses.length) {
    const codes = distinct(badCourses).join(', ');
    throw unprocessable(`There is no training course ${codes} in the catalogue; correct the code or ask the trainer to add the course.`, {
      code: 'process.unknown_course',
      params: { codes },
      errors: badCourses.map((r) => ({ path: r.path, message: `Unknown course ${r.code}`, code: 'unknown_course' })),
    });
  }
  const mats = materialReferences(steps, base);
  const badMaterials = unknownOf(mats, await knownMaterials(db, distinct(mats)));
  if (badMaterials.length) {
    const codes = distinct(badMaterials).join(', ');
    throw unprocessable(`There is no material ${codes} in the material master; correct the code or register the material first.`, {
      code: 'process.unknown_material',
      params: { codes },
      errors: badMaterials.map((r) => ({ path: r.path, message: `Unknown material ${r.code}`, code: 'unknown_material' })),
    });
  }
}
