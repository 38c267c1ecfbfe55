import { describe, expect, it } from 'vitest';
import type { QcSample, SpecTest } from './qc.types';
import { previewConformity, readEntry, sampleForScan } from './resultEntry';

const viability: SpecTest = {
  code: 'VIAB',
  name: 'Viability',
  kind: 'numeric',
  unit: '%',
  min: 70,
  minInclusive: true,
  maxInclusive: true,
  lateResultAllowed: false,
  criterion: '≥ 70 %',
};
const endotoxin: SpecTest = {
  ...viability,
  code: 'ENDO',
  unit: 'EU/mL',
  min: undefined,
  max: 0.5,
  maxInclusive: false,
  criterion: '< 0.5 EU/mL',
};
const sterility: SpecTest = {
  code: 'STER',
  name: 'Sterility',
  kind: 'pass_fail',
  minInclusive: true,
  maxInclusive: true,
  lateResultAllowed: true,
  criterion: 'Pass',
};
const karyotype: SpecTest = {
  code: 'KARYO',
  name: 'Karyotype',
  kind: 'text',
  acceptable: ['46,XX', '46,XY'],
  minInclusive: true,
  maxInclusive: true,
  lateResultAllowed: false,
  criterion: '46,XX or 46,XY',
};

describe('readEntry', () => {
  it.each([
    ['72.5', 72.5],
    [' 70 ', 70],
    ['1.2e13', 1.2e13],
    ['.5', 0.5],
    ['-3', -3],
  ])('reads %j as the number %d', (raw, value) => {
    expect(readEntry(viability, raw)).toEqual({ value });
  });

  it.each([['72,5'], ['72 %'], ['abc'], ['1e999'], ['0x10']])('refuses %j for a numeric test', (raw) => {
    expect(readEntry(viability, raw)).toEqual({ error: 'number' });
  });

  it('requires a value, takes only pass or fail for pass/fail, and trimmed text for text', () => {
    expect(readEntry(viability, '  ')).toEqual({ error: 'required' });
    expect(readEntry(sterility, 'pass')).toEqual({ value: 'pass' });
    expect(readEntry(sterility, 'passed')).toEqual({ error: 'passFail' });
    expect(readEntry(karyotype, ' 46,XY ')).toEqual({ value: '46,XY' });
  });
});

describe('previewConformity (the server rule, at the bounds)', () => {
  it.each([
    [viability, 70, true],
    [viability, 69.99, false],
    [endotoxin, 0.5, false],
    [endotoxin, 0.49, true],
    [sterility, 'fail', false],
    [karyotype, '46,xx', true],
    [karyotype, '47,XXY', false],
  ] as const)('%#', (test, value, conforms) => {
    expect(previewConformity(test, value)).toMatchObject({ valid: true, conforms });
  });
});

describe('sampleForScan', () => {
  const samples: QcSample[] = [
    {
      id: 's1',
      sampleNumber: 'B-2026-0001-S01',
      batchId: 'b',
      name: 'Final product',
      testCodes: ['VIAB', 'ENDO'],
      stepIndex: null,
      takenBy: 'qc',
      takenAt: '2026-11-25T02:00:00Z',
    },
  ];
  it('finds the sample named by the label, ignoring case and spaces', () => {
    expect(sampleForScan(samples, ' b-2026-0001-s01 ', 'VIAB')).toEqual({ sample: samples[0] });
  });
  it('refuses an unknown label and a sample drawn for other tests', () => {
    expect(sampleForScan(samples, 'B-2026-0002-S01', 'VIAB')).toEqual({ error: 'unknown' });
    expect(sampleForScan(samples, 'B-2026-0001-S01', 'STER')).toEqual({ error: 'wrongTest' });
  });
});
