import { describe, expect, it } from 'vitest';
import { emptyRow, readRows, type TestRow } from './specDraft';

const row = (over: Partial<TestRow>): TestRow => ({
  ...emptyRow(),
  code: 'VIAB',
  name: 'Viability',
  unit: '%',
  ...over,
});

describe('readRows', () => {
  it('turns a numeric row into a test with its bounds and inclusivity', () => {
    const { tests, errors } = readRows([row({ unit: 'EU/mL', max: '0.5', maxInclusive: false })]);
    expect(errors).toEqual({});
    expect(tests[0]).toMatchObject({ code: 'VIAB', kind: 'numeric', unit: 'EU/mL', max: 0.5, maxInclusive: false });
    expect(tests[0]).not.toHaveProperty('min');
  });

  it.each<[string, Partial<TestRow>, Record<string, string>]>([
    ['a lower-case code', { code: 'viab' }, { code: 'code' }],
    ['no name', { name: ' ' }, { name: 'required' }],
    ['no unit on a numeric test', { unit: '' }, { unit: 'unit' }],
    ['a bound that is not a number', { min: '7O' }, { min: 'number' }],
    ['min above max', { min: '10', max: '5' }, { max: 'range' }],
    ['one point with an exclusive end', { min: '5', max: '5', minInclusive: false }, { max: 'range' }],
  ])('names the field for %s', (_, over, fields) => {
    expect(readRows([row(over)]).errors).toEqual({ 0: fields });
  });

  it('drops bounds and units from pass/fail tests, keeps acceptable text lines, refuses duplicate codes', () => {
    const { tests, errors } = readRows([
      row({ kind: 'pass_fail', code: 'STER', min: '1', lateResultAllowed: true }),
      row({ kind: 'text', code: 'KARYO', acceptable: '46,XX\n\n 46,XY ' }),
      row({ kind: 'pass_fail', code: 'STER' }),
    ]);
    expect(tests[0]).toEqual({
      code: 'STER',
      name: 'Viability',
      kind: 'pass_fail',
      minInclusive: true,
      maxInclusive: true,
      lateResultAllowed: true,
    });
    expect(tests[1]).toMatchObject({ acceptable: ['46,XX', '46,XY'] });
    expect(errors).toEqual({ 2: { code: 'duplicate' } });
  });
});
