/**
 * The specification editor's rows as typed, and their conversion to the tests the API takes. Checked
 * here so the form can say what is wrong beside each field before anything is sent; the server checks
 * the same rules again (and names a field in its 422 when it disagrees).
 */
import { criterionProblems, type SpecTestKind } from '@hepatica/core';
import type { SpecTest, SpecTestInput } from './qc.types';
import { criterionOf } from './resultEntry';

export interface TestRow {
  code: string;
  name: string;
  kind: SpecTestKind;
  method: string;
  unit: string;
  min: string;
  max: string;
  minInclusive: boolean;
  maxInclusive: boolean;
  /** Text tests: acceptable results, one per line; empty for report only. */
  acceptable: string;
  lateResultAllowed: boolean;
  qualification: string;
}

export type RowErrors = Partial<Record<keyof TestRow, string>>;

export const emptyRow = (): TestRow => ({
  code: '',
  name: '',
  kind: 'numeric',
  method: '',
  unit: '',
  min: '',
  max: '',
  minInclusive: true,
  maxInclusive: true,
  acceptable: '',
  lateResultAllowed: false,
  qualification: '',
});

export function rowOf(t: SpecTest): TestRow {
  return {
    code: t.code,
    name: t.name,
    kind: t.kind,
    method: t.method ?? '',
    unit: t.unit ?? '',
    min: t.min === undefined ? '' : String(t.min),
    max: t.max === undefined ? '' : String(t.max),
    minInclusive: t.minInclusive,
    maxInclusive: t.maxInclusive,
    acceptable: (t.acceptable ?? []).join('\n'),
    lateResultAllowed: t.lateResultAllowed,
    qualification: t.qualification ?? '',
  };
}

const CODE = /^[A-Z][A-Z0-9-]{1,31}$/;
const bound = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));

/** The test a row describes, and the i18n keys (under qc.specs.errors) of what is wrong with it. */
export function readRow(row: TestRow): { test: SpecTestInput; errors: RowErrors } {
  const errors: RowErrors = {};
  const numeric = row.kind === 'numeric';
  const min = numeric ? bound(row.min) : undefined;
  const max = numeric ? bound(row.max) : undefined;
  const acceptable =
    row.kind === 'text'
      ? row.acceptable
          .split('\n')
          .map((a) => a.trim())
          .filter(Boolean)
      : undefined;
  const test: SpecTestInput = {
    code: row.code.trim(),
    name: row.name.trim(),
    kind: row.kind,
    minInclusive: row.minInclusive,
    maxInclusive: row.maxInclusive,
    lateResultAllowed: row.lateResultAllowed,
    ...(row.method.trim() ? { method: row.method.trim() } : {}),
    ...(numeric && row.unit.trim() ? { unit: row.unit.trim() } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(acceptable?.length ? { acceptable } : {}),
    ...(row.qualification.trim() ? { qualification: row.qualification.trim() } : {}),
  };
  if (!CODE.test(test.code)) errors.code = 'code';
  if (!test.name) errors.name = 'required';
  if (numeric && !test.unit) errors.unit = 'unit';
  if (min !== undefined && !Number.isFinite(min)) errors.min = 'number';
  if (max !== undefined && !Number.isFinite(max)) errors.max = 'number';
  if (
    !errors.min &&
    !errors.max &&
    criterionProblems(criterionOf({ ...test, criterion: '' } as SpecTest)).some((p) => p.field === 'max')
  )
    errors.max = 'range';
  return { test, errors };
}

/** All rows as tests, or the errors per row index; codes must be unique. */
export function readRows(rows: TestRow[]): { tests: SpecTestInput[]; errors: Record<number, RowErrors> } {
  const errors: Record<number, RowErrors> = {};
  const seen = new Set<string>();
  const tests = rows.map((row, i) => {
    const read = readRow(row);
    if (!read.errors.code && seen.has(read.test.code)) read.errors.code = 'duplicate';
    seen.add(read.test.code);
    if (Object.keys(read.errors).length) errors[i] = read.errors;
    return read.test;
  });
  return { tests, errors };
}
