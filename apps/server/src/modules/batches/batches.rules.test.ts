import { describe, expect, it } from 'vitest';
import { checkStepOrder, checkValues, coverage, formatBatchNumber, formatRange, isOutOfRange, nextStepNumber, normaliseLotUses, type StepField } from './batches.rules';
import { producedQuantity } from './batches.finish';
import { printable } from './record.layout';

const field = (f: Partial<StepField> & Pick<StepField, 'key' | 'type'>): StepField => ({ label: f.key, required: true, ...f });

describe('batch numbers', () => {
  it('are B-YYYY-NNNN, growing past four digits rather than wrapping', () => {
    expect(formatBatchNumber(2026, 7)).toBe('B-2026-0007');
    expect(formatBatchNumber(2026, 12345)).toBe('B-2026-12345');
  });
});

describe('step order', () => {
  const steps = [
    { index: 1, status: 'completed' },
    { index: 2, status: 'pending' },
    { index: 3, status: 'pending' },
  ];
  it.each([
    [2, { ok: true }],
    [1, { ok: false, reason: 'completed' }],
    [3, { ok: false, reason: 'out_of_order', next: 2 }],
  ])('step %i → %o', (index, verdict) => {
    expect(checkStepOrder(steps, index)).toEqual(verdict);
  });
  it('has no next step once all are done', () => {
    expect(nextStepNumber(steps.map((s) => ({ ...s, status: 'completed' })))).toBeNull();
    expect(nextStepNumber([])).toBeNull();
  });
});

describe('values', () => {
  const fields = [
    field({ key: 'temp', type: 'number', unit: '°C', min: 2, max: 8 }),
    field({ key: 'ok', type: 'boolean' }),
    field({ key: 'note', type: 'text', required: false }),
  ];

  it('keeps typed values, trims text and marks out-of-range numbers without refusing them', () => {
    expect(checkValues(fields, { temp: 9.5, ok: false, note: '  fine ' })).toEqual({ values: { temp: 9.5, ok: false, note: 'fine' }, outOfRange: ['temp'], errors: [] });
    expect(checkValues(fields, { temp: 2, ok: true })).toEqual({ values: { temp: 2, ok: true }, outOfRange: [], errors: [] });
  });

  it('names each missing, mistyped or unknown field', () => {
    const { errors } = checkValues(fields, { temp: '5', ok: 'yes', extra: 1, note: 3 });
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['body.values.extra', 'unrecognized_keys'],
      ['body.values.temp', 'invalid_type'],
      ['body.values.ok', 'invalid_type'],
      ['body.values.note', 'invalid_type'],
    ]);
    expect(checkValues(fields, { temp: null, ok: undefined, note: '' }).errors.map((e) => e.path)).toEqual(['body.values.temp', 'body.values.ok']);
    expect(checkValues(fields, { temp: Number.NaN, ok: true }).errors[0]!.message).toBe('temp must be a number in °C');
    expect(checkValues(fields, { temp: 5, ok: true, note: 'a\u0007b' }).errors[0]!.path).toBe('body.values.note');
  });

  it('checks ranges with either bound missing and prints them', () => {
    expect(isOutOfRange({ min: 70 }, 69.9)).toBe(true);
    expect(isOutOfRange({ max: 30 }, 30)).toBe(false);
    expect(isOutOfRange({}, -1)).toBe(false);
    expect(formatRange({ min: 2, max: 8, unit: '°C' })).toBe('2–8 °C');
    expect(formatRange({ min: 70, unit: '%' })).toBe('≥ 70 %');
    expect(formatRange({ max: 30 })).toBe('≤ 30');
    expect(formatRange({})).toBe('');
    expect(formatRange({ min: -100, max: -80, unit: '°C' })).toBe('-100 to -80 °C');
  });
});

describe('scanned materials and equipment', () => {
  it('treats a bare lot id as one unit', () => {
    expect(normaliseLotUses(['a', { lotId: 'b', quantity: 2.5 }])).toEqual([{ lotId: 'a', quantity: 1 }, { lotId: 'b', quantity: 2.5 }]);
    expect(normaliseLotUses(undefined)).toEqual([]);
    expect(normaliseLotUses(['a', { lotId: 'a', quantity: 2 }])).toEqual([{ lotId: 'a', quantity: 3 }]);
  });

  it('finds what is missing and what the step does not list', () => {
    const scanned = [{ code: 'MAT-A' }, { code: 'MAT-C' }];
    expect(coverage(['MAT-A', 'MAT-B'], scanned, (s) => s.code)).toEqual({ missing: ['MAT-B'], unexpected: [{ code: 'MAT-C' }] });
    expect(coverage([], [], (s: { code: string }) => s.code)).toEqual({ missing: [], unexpected: [] });
  });
});

describe('output lot quantity', () => {
  const step = { fields: [field({ key: 'density', type: 'number', unit: 'cells/mL' }), field({ key: 'volume', type: 'number', unit: 'mL' })] };
  it('is the first number recorded in the material unit, else one unit', () => {
    expect(producedQuantity(step, { density: 1.2, volume: 480 }, 'mL')).toBe(480);
    expect(producedQuantity(step, { density: 1.2, volume: 480 }, 'vial')).toBe(1);
    expect(producedQuantity(step, { volume: 0 }, 'mL')).toBe(1);
  });
  it('multiplies an amount per container by the containers filled (the vector fill steps)', () => {
    const fill = { fields: [field({ key: 'vialsFilled', type: 'number', unit: 'vials' }), field({ key: 'fillVolume', label: 'Fill volume per vial', type: 'number', unit: 'mL' })] };
    expect(producedQuantity(fill, { vialsFilled: 48, fillVolume: 1.02 }, 'mL')).toBe(48.96);
    expect(producedQuantity(fill, { vialsFilled: 48, fillVolume: 1.02 }, 'vials')).toBe(48);
  });
});

describe('printable text', () => {
  it('spells out superscript digits the embedded font has no glyph for', () => {
    expect(printable('×10⁶ cells/mL')).toBe('×10^6 cells/mL');
    expect(printable('10¹² vg')).toBe('10^12 vg');
    expect(printable('a\u0000b')).toBe('a b');
    expect(printable('5 % CO₂, LN₂')).toBe('5 % CO2, LN2');
  });
});
