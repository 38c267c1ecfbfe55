/**
 * Stratified permuted-block randomization, seeded and reproducible.
 *
 * Each stratum has its own allocation list, made of consecutive blocks. Block `b` of stratum `s` is drawn
 * from a PRNG seeded with hash(seed, s, b): its size is picked among the protocol's block sizes, and it holds
 * each arm `ratio × size / Σratios` times in a Fisher–Yates permutation. So the arm of the n-th subject of a
 * stratum depends on the seed, the stratum and n only: the server stores what it generated, and anyone holding
 * the seed can replay an assignment from its audit event (stratum, sequence).
 *
 * Method: permuted blocks with randomly varying block sizes, stratified (ICH E9 §2.3.2: blocks "long enough to
 * allow balance" with sizes unknown to the investigator, stratification by important prognostic factors;
 * Rosenberger & Lachin, Randomization in Clinical Trials, 2nd ed., ch. 3.)
 *
 * PRNG: splitmix32 (the 32-bit variant of Steele, Lea & Flood's SplitMix, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014), seeded from the cyrb53-style 53-bit string hash below. Not a cryptographic generator:
 * concealment rests on the seed being secret and kept server-side, not on the generator.
 */

export interface RandomizationArm {
  code: string;
  ratio: number;
}

export interface RandomizationScheme {
  arms: readonly RandomizationArm[];
  /** Block sizes to pick from at random, each a multiple of the sum of ratios (e.g. [4, 6] for 1:1). */
  blockSizes: readonly number[];
}

export interface StratificationFactor {
  name: string;
  levels: readonly string[];
}

export interface Allocation {
  armCode: string;
  /** 1-based block number within the stratum. */
  blockNumber: number;
  /** 1-based position within the block. */
  position: number;
  blockSize: number;
}

/** 53-bit string hash (cyrb53 by bryc, public domain): spreads any text over a seed. */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** splitmix32: a seeded generator of uniform numbers in [0, 1). */
export function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
  };
}

const ratioSum = (scheme: RandomizationScheme) => scheme.arms.reduce((sum, a) => sum + a.ratio, 0);

/** What is wrong with a scheme (empty when it can be used), each problem with the field it concerns. */
export function schemeProblems(scheme: RandomizationScheme): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (scheme.arms.length < 2) problems.push({ path: 'arms', message: 'Randomization needs at least two arms' });
  scheme.arms.forEach((a, i) => {
    if (!Number.isInteger(a.ratio) || a.ratio < 1) problems.push({ path: `arms.${i}.ratio`, message: 'Ratio must be a whole number of at least 1' });
  });
  if (!scheme.blockSizes.length) problems.push({ path: 'randomization.blockSizes', message: 'Give at least one block size' });
  const sum = ratioSum(scheme);
  scheme.blockSizes.forEach((size, i) => {
    if (!Number.isInteger(size) || size < 1 || size % sum !== 0) {
      problems.push({ path: `randomization.blockSizes.${i}`, message: `Block size must be a multiple of ${sum}, the sum of the arm ratios` });
    }
  });
  return problems;
}

function assertUsable(scheme: RandomizationScheme): void {
  const problems = schemeProblems(scheme);
  if (problems.length) throw new RangeError(`Unusable randomization scheme: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
}

/** The arm codes of block `blockNumber` (1-based) of a stratum, in allocation order. */
export function allocationBlock(seed: string, scheme: RandomizationScheme, stratum: string, blockNumber: number): string[] {
  assertUsable(scheme);
  if (!Number.isInteger(blockNumber) || blockNumber < 1) throw new RangeError('blockNumber must be a whole number from 1');
  const random = splitmix32(hashString(`${seed}\u0000${stratum}\u0000${blockNumber}`));
  const size = scheme.blockSizes[Math.floor(random() * scheme.blockSizes.length)]!;
  const multiple = size / ratioSum(scheme);
  const block = scheme.arms.flatMap((a) => Array<string>(a.ratio * multiple).fill(a.code));
  for (let i = block.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [block[i], block[j]] = [block[j]!, block[i]!];
  }
  return block;
}

/**
 * The allocation of the `sequence`-th (1-based) subject randomized in a stratum.
 * @example allocationAt('seed', { arms: [{ code: 'A', ratio: 1 }, { code: 'B', ratio: 1 }], blockSizes: [4, 6] }, 'bclcStage=B', 1)
 */
export function allocationAt(seed: string, scheme: RandomizationScheme, stratum: string, sequence: number): Allocation {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a whole number from 1');
  let start = 0;
  for (let blockNumber = 1; ; blockNumber++) {
    const block = allocationBlock(seed, scheme, stratum, blockNumber);
    if (sequence <= start + block.length) {
      const position = sequence - start;
      return { armCode: block[position - 1]!, blockNumber, position, blockSize: block.length };
    }
    start += block.length;
  }
}

/**
 * The stratum a subject falls in: `name=value` of each factor, in the protocol's order, joined by `|`
 * (`''` without factors). Throws when a value is missing or not one of the factor's levels.
 */
export function stratumKey(factors: readonly StratificationFactor[], values: Readonly<Record<string, string | null | undefined>>): string {
  return factors
    .map((f) => {
      const value = values[f.name];
      if (value == null || !f.levels.includes(value)) {
        throw new StratumValueError(f.name, value ?? null);
      }
      return `${f.name}=${value}`;
    })
    .join('|');
}

/** A subject's value for a stratification factor is missing or not one of its levels. */
export class StratumValueError extends Error {
  constructor(
    readonly factor: string,
    readonly value: string | null,
  ) {
    super(value === null ? `No value for stratification factor ${factor}` : `${value} is not a level of stratification factor ${factor}`);
  }
}
