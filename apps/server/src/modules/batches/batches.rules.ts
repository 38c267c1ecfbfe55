/**
 * The rules of executing a batch record that need no database: batch numbers, which step may be
 * done next, and whether the values typed at the tablet fit the step's fields. The service calls
 * these inside its transaction; the unit tests call them directly.
 */
import type { FieldError } from '../../platform/errors';
import type { ProcessStep } from '../processes/processes.service';

export type StepField = ProcessStep['fields'][number];
export type StepValue = number | string | boolean;
export type StepValues = Record<string, StepValue>;

/** "B-2026-0007": the year in the site's time zone and a counter per year (more digits past 9 999). */
export function formatBatchNumber(year: number, sequence: number): string {
  return `B-${year}-${String(sequence).padStart(4, '0')}`;
}

export interface StepState {
  index: number;
  status: string;
}

/**
 * Which step must be done next: the lowest-numbered step not yet completed, or null when all are
 * done. A batch record is executed strictly in order (EU GMP Part I §4.20: record each action as it is done).
 */
export function nextStepNumber(steps: readonly StepState[]): number | null {
  const pending = steps.filter((s) => s.status !== 'completed').map((s) => s.index);
  return pending.length ? Math.min(...pending) : null;
}

/**
 * Steps are stored and printed by number, from 1; the API addresses them by index, from 0
 * (api-v1: `POST /batches/{id}/steps/{index}/complete`, index from 0).
 */
export const stepNumberOf = (apiIndex: number): number => apiIndex + 1;
export const apiIndexOf = (stepNumber: number | null): number | null => (stepNumber === null ? null : stepNumber - 1);

export type StepOrderVerdict = { ok: true } | { ok: false; reason: 'completed' } | { ok: false; reason: 'out_of_order'; next: number };

/** Whether step `index` may be completed now, given the states of all steps of the batch. */
export function checkStepOrder(steps: readonly StepState[], index: number): StepOrderVerdict {
  const target = steps.find((s) => s.index === index);
  if (target?.status === 'completed') return { ok: false, reason: 'completed' };
  const next = nextStepNumber(steps);
  if (next !== null && next !== index) return { ok: false, reason: 'out_of_order', next };
  return { ok: true };
}

export interface ValueCheck {
  /** The values as recorded: every field given, trimmed text, no unknown keys. */
  values: StepValues;
  /** Keys of numbers outside their field's [min, max]: recorded as entered, each opens a deviation. */
  outOfRange: string[];
  /** One entry per field that is missing, of the wrong type or not a field of the step. */
  errors: FieldError[];
}

const TEXT_MAX = 2000;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Checks values against the step's fields: each typed as the field says, required fields present.
 * An out-of-range number is not an error: the operator records what was measured (ALCOA: the true
 * value), and the deviation system takes it from there.
 */
export function checkValues(fields: readonly StepField[], input: Record<string, unknown>): ValueCheck {
  const values: StepValues = {};
  const outOfRange: string[] = [];
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push({ path: `body.values.${key}`, message: 'Not a field of this step', code: 'unrecognized_keys' });
  }
  for (const field of fields) {
    const raw = input[field.key];
    const path = `body.values.${field.key}`;
    if (isBlank(raw)) {
      if (field.required !== false) errors.push({ path, message: `${field.label} is required`, code: 'required' });
      continue;
    }
    const result = typed(field, raw);
    if ('error' in result) {
      errors.push({ path, message: result.error, code: 'invalid_type' });
      continue;
    }
    values[field.key] = result.value;
    if (typeof result.value === 'number' && isOutOfRange(field, result.value)) outOfRange.push(field.key);
  }
  return { values, outOfRange, errors };
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function typed(field: StepField, raw: unknown): { value: StepValue } | { error: string } {
  switch (field.type) {
    case 'number':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return { error: `${field.label} must be a number${field.unit ? ` in ${field.unit}` : ''}` };
      return { value: raw };
    case 'boolean':
      if (typeof raw !== 'boolean') return { error: `${field.label} must be yes or no` };
      return { value: raw };
    case 'text': {
      if (typeof raw !== 'string') return { error: `${field.label} must be text` };
      const text = raw.trim();
      if (text.length > TEXT_MAX) return { error: `${field.label} must be at most ${TEXT_MAX} characters` };
      if (CONTROL.test(text)) return { error: `${field.label} must not contain control characters` };
      return { value: text };
    }
  }
}

/** True when a number lies outside the field's range (either bound may be absent). */
export function isOutOfRange(field: Pick<StepField, 'min' | 'max'>, value: number): boolean {
  return (field.min != null && value < field.min) || (field.max != null && value > field.max);
}

/** "2–8 °C", "-100 to -80 °C", "≥ 70 %", "≤ 30 min" or "" when the field has no range. */
export function formatRange(field: Pick<StepField, 'min' | 'max' | 'unit'>): string {
  const unit = field.unit ? ` ${field.unit}` : '';
  // A dash between negative numbers ("-100–-80") reads as a typo: spell the range out.
  if (field.min != null && field.max != null) return `${field.min}${field.min < 0 || field.max < 0 ? ' to ' : '–'}${field.max}${unit}`;
  if (field.min != null) return `≥ ${field.min}${unit}`;
  if (field.max != null) return `≤ ${field.max}${unit}`;
  return '';
}

/** A scanned lot given in the body: a bare id means one unit (a bag, a vial). */
export interface LotUse {
  lotId: string;
  quantity: number;
}

/** The scans as lot uses; a lot scanned twice is one use of the summed quantity. */
export function normaliseLotUses(input: readonly (string | { lotId: string; quantity: number })[] | undefined): LotUse[] {
  const uses = new Map<string, number>();
  for (const item of input ?? []) {
    const use = typeof item === 'string' ? { lotId: item, quantity: 1 } : item;
    uses.set(use.lotId, (uses.get(use.lotId) ?? 0) + use.quantity);
  }
  return [...uses].map(([lotId, quantity]) => ({ lotId, quantity }));
}

/**
 * Matches what was scanned against what the step lists: every listed code must be covered, and
 * nothing may be scanned that the step does not list (a wrong lot is never consumed "in passing").
 * Works for materials (by material code) and equipment (by type) alike.
 */
export function coverage<T>(listed: readonly string[], scanned: readonly T[], keyOf: (item: T) => string): { missing: string[]; unexpected: T[] } {
  const have = new Set(scanned.map(keyOf));
  const want = new Set(listed);
  return { missing: listed.filter((code) => !have.has(code)), unexpected: scanned.filter((item) => !want.has(keyOf(item))) };
}
