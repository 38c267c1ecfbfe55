/**
 * fast-check generators for valid ISBT 128 parts, built from the character sets of ST-001 v6.2.2
 * §2.4.1 and §2.4.40. Test support only; not exported from the package.
 */

import fc from 'fast-check';

const FIN_FIRST = 'ABCDEFGHIJKLMNPQRSTUVWXYZ123456789';
const FIN_MIDDLE = 'ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';
const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

const fromSet = (set: string, length: number) =>
  fc.array(fc.constantFrom(...set), { minLength: length, maxLength: length }).map((chars) => chars.join(''));

export const arbitraryFin = fc
  .tuple(fromSet(FIN_FIRST, 1), fromSet(FIN_MIDDLE, 2), fromSet(DIGITS, 2))
  .map((parts) => parts.join(''));

export const arbitraryDinParts = fc.record({
  fin: arbitraryFin,
  year: fromSet(DIGITS, 2),
  sequence: fromSet(DIGITS, 6),
});

export const arbitraryCoiParts = fc.record({
  fin: arbitraryFin,
  year: fromSet(DIGITS, 2),
  sequence: fromSet(UPPER_ALPHANUMERIC, 6),
});
