/**
 * The logic of result entry, apart from the screen: reading what the analyst typed as the value the test
 * takes, previewing conformity with the same rule the server applies (@hepatica/core), and finding the
 * sample a scanned label names.
 */
import { evaluateConformity, type Conformity, type SpecCriterion } from '@hepatica/core';
import type { QcSample, ResultValue, SpecTest } from './qc.types';

export type EntryError = 'required' | 'number' | 'passFail';

/** A decimal number as people type it ("72.5", "1.2e13", " 0.05 "); a comma is not taken as a decimal point. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The value to send for what was typed, or why it cannot be sent. Pass/fail values come from a choice. */
export function readEntry(test: Pick<SpecTest, 'kind'>, raw: string): { value: ResultValue } | { error: EntryError } {
  const text = raw.trim();
  if (!text) return { error: 'required' };
  switch (test.kind) {
    case 'numeric':
      return NUMBER.test(text) && Number.isFinite(Number(text)) ? { value: Number(text) } : { error: 'number' };
    case 'pass_fail':
      return text === 'pass' || text === 'fail' ? { value: text } : { error: 'passFail' };
    case 'text':
      return { value: text };
  }
}

export function criterionOf(t: SpecTest): SpecCriterion {
  switch (t.kind) {
    case 'numeric':
      return {
        kind: 'numeric',
        unit: t.unit ?? '',
        min: t.min,
        max: t.max,
        minInclusive: t.minInclusive,
        maxInclusive: t.maxInclusive,
      };
    case 'pass_fail':
      return { kind: 'pass_fail' };
    case 'text':
      return { kind: 'text', acceptable: t.acceptable };
  }
}

/** What the server will decide for this value, shown before the analyst signs. */
export function previewConformity(test: SpecTest, value: ResultValue): Conformity {
  return evaluateConformity(criterionOf(test), value);
}

export type SampleScan = { sample: QcSample } | { error: 'unknown' | 'wrongTest' };

/** The batch's sample a scanned label names (its Code 128 is the sample number), for the chosen test. */
export function sampleForScan(samples: QcSample[], scanned: string, testCode: string): SampleScan {
  const wanted = scanned.trim().toUpperCase();
  const sample = samples.find((s) => s.sampleNumber.toUpperCase() === wanted);
  if (!sample) return { error: 'unknown' };
  return sample.testCodes.includes(testCode) ? { sample } : { error: 'wrongTest' };
}
