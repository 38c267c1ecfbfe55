/**
 * Permuted-block randomization (randomization.ts). Properties rather than fixed lists: every complete block is
 * balanced to the arm ratios (the defining property of permuted blocks, Rosenberger & Lachin 2016, §3.4), the
 * imbalance of a stratum never exceeds half the largest block, and the same seed, stratum and sequence number
 * always give the same allocation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationAt, allocationBlock, schemeProblems, splitmix32, stratumKey, StratumValueError, type RandomizationScheme } from './randomization';

const schemeArb = fc
  .array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 })
  .chain((ratios) => {
    const sum = ratios.reduce((a, b) => a + b, 0);
    return fc.record({
      arms: fc.constant(ratios.map((ratio, i) => ({ code: `ARM${i}`, ratio }))),
      blockSizes: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }).map((ms) => ms.map((m) => m * sum)),
    });
  });
const seedArb = fc.string({ minLength: 1, maxLength: 40 });
const stratumArb = fc.constantFrom('', 'bclcStage=B', 'bclcStage=C|region=north', 'sex=female');

const count = (codes: string[]) => codes.reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});

describe('allocationBlock', () => {
  it('holds every arm exactly ratio × size / Σratios times, with a size from the scheme', () => {
    fc.assert(
      fc.property(seedArb, schemeArb, stratumArb, fc.integer({ min: 1, max: 200 }), (seed, scheme, stratum, b) => {
        const block = allocationBlock(seed, scheme, stratum, b);
        expect(scheme.blockSizes).toContain(block.length);
        const sum = scheme.arms.reduce((s, a) => s + a.ratio, 0);
        const counts = count(block);
        for (const arm of scheme.arms) expect(counts[arm.code] ?? 0).toBe((arm.ratio * block.length) / sum);
      }),
    );
  });

  it('varies with the seed and the stratum (not one fixed permutation)', () => {
    const scheme: RandomizationScheme = { arms: [{ code: 'A', ratio: 1 }, { code: 'B', ratio: 1 }], blockSizes: [4, 6] };
    const lists = new Set(Array.from({ length: 40 }, (_, i) => allocationBlock(`seed-${i}`, scheme, 'x', 1).join('')));
    expect(lists.size).toBeGreaterThan(4);
    const strata = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((s) => allocationBlock('one-seed', scheme, s, 1).join('')));
    expect(strata.size).toBeGreaterThan(1);
  });
});

describe('allocationAt', () => {
  it('is reproducible: same seed, stratum and sequence give the same allocation', () => {
    fc.assert(
      fc.property(seedArb, schemeArb, stratumArb, fc.integer({ min: 1, max: 300 }), (seed, scheme, stratum, n) => {
        expect(allocationAt(seed, scheme, stratum, n)).toEqual(allocationAt(seed, { arms: [...scheme.arms], blockSizes: [...scheme.blockSizes] }, stratum, n));
      }),
    );
  });

  it('walks the blocks in order: the n-th allocation is the n-th entry of the concatenated blocks', () => {
    fc.assert(
      fc.property(seedArb, schemeArb, stratumArb, (seed, scheme, stratum) => {
        const list = [1, 2, 3, 4].flatMap((b) => allocationBlock(seed, scheme, stratum, b));
        list.forEach((code, i) => {
          const a = allocationAt(seed, scheme, stratum, i + 1);
          expect(a.armCode).toBe(code);
          expect(a.position).toBeGreaterThanOrEqual(1);
          expect(a.position).toBeLessThanOrEqual(a.blockSize);
        });
      }),
    );
  });

  it('keeps a 1:1 stratum within half the largest block of balance at every point', () => {
    fc.assert(
      fc.property(seedArb, stratumArb, fc.integer({ min: 1, max: 120 }), (seed, stratum, n) => {
        const scheme: RandomizationScheme = { arms: [{ code: 'A', ratio: 1 }, { code: 'B', ratio: 1 }], blockSizes: [4, 6] };
        const codes = Array.from({ length: n }, (_, i) => allocationAt(seed, scheme, stratum, i + 1).armCode);
        const c = count(codes);
        expect(Math.abs((c.A ?? 0) - (c.B ?? 0))).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('refuses a sequence below 1 and a block size that is not a multiple of the ratios', () => {
    const scheme: RandomizationScheme = { arms: [{ code: 'A', ratio: 2 }, { code: 'B', ratio: 1 }], blockSizes: [4] };
    expect(schemeProblems(scheme)).toEqual([{ path: 'randomization.blockSizes.0', message: 'Block size must be a multiple of 3, the sum of the arm ratios' }]);
    expect(() => allocationAt('s', scheme, '', 1)).toThrow(RangeError);
    expect(() => allocationAt('s', { ...scheme, blockSizes: [3] }, '', 0)).toThrow(RangeError);
    expect(schemeProblems({ arms: [{ code: 'A', ratio: 1 }], blockSizes: [2] })[0]?.path).toBe('arms');
  });
});

describe('stratumKey', () => {
  const factors = [{ name: 'bclcStage', levels: ['A', 'B', 'C'] }, { name: 'region', levels: ['north', 'south'] }];
  it('joins the factors in protocol order', () => {
    expect(stratumKey(factors, { region: 'south', bclcStage: 'B' })).toBe('bclcStage=B|region=south');
    expect(stratumKey([], {})).toBe('');
  });
  it('names the factor whose value is missing or not a level', () => {
    expect(() => stratumKey(factors, { bclcStage: 'B' })).toThrow(StratumValueError);
    expect(() => stratumKey(factors, { bclcStage: 'D', region: 'north' })).toThrow(/D is not a level of stratification factor bclcStage/);
  });
});

describe('splitmix32', () => {
  it('is uniform enough: 10,000 draws spread over ten bins within 20% of the mean', () => {
    const random = splitmix32(12345);
    const bins = Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) bins[Math.floor(random() * 10)]! += 1;
    for (const b of bins) expect(Math.abs(b - 1000)).toBeLessThan(200);
  });
});
