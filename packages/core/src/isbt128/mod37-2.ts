/**
 * ISO/IEC 7064 MOD 37-2 check character, the "keyboard entry check character K" of ICCBBA ST-001
 * (§7.5, Appendix A). Alphabet 0-9 = 0..9, A-Z = 10..35, '*' = 36 (ST-001 Table 35 [RT035]).
 *
 * Computed with the pure-system recursive method (ISO/IEC 7064 §7.1, as ST-001 A.3 recommends):
 * p = ((p + value) * 2) mod 37 per character, then K = (38 - p) mod 37. This keeps numbers small,
 * where the weighted-sum form of A.1 (value × 2^position) overflows 2^53 after ~48 characters.
 */

import { Isbt128Error, ordinal, quote } from './errors';

/** The 37 characters of MOD 37-2, index = check value. */
export const MOD37_2_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';

const MODULUS = 37;

/**
 * ISO 7064 value (0–36) of one character, or throws for characters outside the alphabet.
 * @example characterValue('G') // 16
 */
export function characterValue(character: string): number {
  const value = character.length === 1 ? MOD37_2_ALPHABET.indexOf(character) : -1;
  if (value < 0) {
    throw new Isbt128Error('invalid_character', `${quote(character)} is not a MOD 37-2 character (0-9, A-Z, *)`);
  }
  return value;
}

/** The check character for a check value 0–36 (e.g. a Type 3 flag minus 60). */
export function characterForValue(value: number): string {
  const character = Number.isInteger(value) ? MOD37_2_ALPHABET[value] : undefined;
  if (character === undefined) {
    throw new Isbt128Error('invalid_argument', `MOD 37-2 check values run from 0 to 36; got ${value}`);
  }
  return character;
}

/**
 * The MOD 37-2 checksum (0–36) of a data string — the number a Type 3 DIN flag carries as 60 + checksum.
 * Data characters may be 0-9 and A-Z; ICCBBA forbids the method for lower-case data (ST-001 §7.5.1).
 * @example checkCharacterValue('G123417654321') // 10 (ST-001 Appendix A.1)
 */
export function checkCharacterValue(data: string): number {
  if (data.length === 0) throw new Isbt128Error('empty', 'There is no data to compute a check character for');
  let remainder = 0;
  for (let index = 0; index < data.length; index++) {
    remainder = ((remainder + dataCharacterValue(data, index)) * 2) % MODULUS;
  }
  // K is chosen so that the weighted sum of data and K is congruent to 1 (mod 37).
  return (MODULUS + 1 - remainder) % MODULUS;
}

/**
 * The MOD 37-2 check character of a data string.
 * @example computeCheckCharacter('G123417654321') // 'A' (ST-001 Appendix A.1)
 */
export function computeCheckCharacter(data: string): string {
  return characterForValue(checkCharacterValue(data));
}

/** True when `checkCharacter` is the MOD 37-2 check character of `data`. */
export function verifyCheckCharacter(data: string, checkCharacter: string): boolean {
  return computeCheckCharacter(data) === checkCharacter;
}

function dataCharacterValue(data: string, index: number): number {
  const character = data.charAt(index);
  // '*' is only ever a check character, never data.
  const value = character === '*' ? -1 : MOD37_2_ALPHABET.indexOf(character);
  if (value >= 0) return value;
  const hint = /[a-z]/.test(character) ? ' (lower-case letters are not allowed)' : '';
  throw new Isbt128Error(
    /[a-z]/.test(character) ? 'lowercase' : 'invalid_character',
    `The ${ordinal(index + 1)} character ${quote(character)} cannot carry a MOD 37-2 check; only 0-9 and A-Z can${hint}`,
  );
}
