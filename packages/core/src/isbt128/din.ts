/**
 * Donation Identification Number (ISBT 128 Data Structure 001, ST-001 §2.4.1): the 13-character
 * DIN αppppyynnnnnn = FIN (5) + nominal year (2) + sequence (6), globally unique for 100 years,
 * plus its MOD 37-2 check character K. The bar code form `=αppppyynnnnnnff` adds two flags.
 */

import { CHARSET, FIN_ELEMENTS, assertElements, checkElements, type ElementSpec } from './elements';
import type { Isbt128Error } from './errors';
import { checkFlags, type3Flags } from './flags';
import { computeCheckCharacter } from './mod37-2';
import { sixCharacterSequence, twoDigitYear } from './year-sequence';

export interface DinParts {
  /** Facility Identification Number, 5 characters (e.g. `G1234`). */
  readonly fin: string;
  /** Last two digits of the nominal year of assignment. */
  readonly year: string;
  /** Six-digit sequence number within the year for the FIN. */
  readonly sequence: string;
}

export interface ParsedDin extends DinParts {
  readonly din: string;
  readonly checkCharacter: string;
}

export const DIN_LENGTH = 13;

const DIN_LAYOUT: readonly ElementSpec[] = [
  ...FIN_ELEMENTS,
  { field: 'year', length: 2, allowed: CHARSET.digit, expected: 'a digit (2-digit year)' },
  { field: 'sequence', length: 6, allowed: CHARSET.digit, expected: 'a digit (6-digit sequence number)' },
];

/**
 * Builds a 13-character DIN. A numeric year keeps its last two digits (2026 → "26");
 * a numeric sequence is zero-padded to six digits.
 * @example formatDin({ fin: 'G1234', year: 17, sequence: 654321 }) // 'G123417654321'
 */
export function formatDin(parts: { fin: string; year: string | number; sequence: string | number }): string {
  const din = `${parts.fin}${twoDigitYear(parts.year)}${sixCharacterSequence(parts.sequence)}`;
  assertElements(din, DIN_LAYOUT, 'DIN');
  return din;
}

/** Returns what is wrong with a 13-character DIN, or null when it is well formed. */
export function validateDin(din: string): Isbt128Error | null {
  return checkElements(din, DIN_LAYOUT, 'DIN');
}

/**
 * Splits a 13-character DIN into its parts and computes its check character.
 * @example parseDin('G123417654321').checkCharacter // 'A'
 */
export function parseDin(din: string): ParsedDin {
  assertElements(din, DIN_LAYOUT, 'DIN');
  return {
    din,
    fin: din.slice(0, 5),
    year: din.slice(5, 7),
    sequence: din.slice(7, 13),
    checkCharacter: computeCheckCharacter(din),
  };
}

/**
 * The bar code data of Data Structure 001: `=` + DIN + flags. `flags: 'type3'` encodes the check
 * character in the flags (ST-001 Appendix A.2); the default 00 means "flag not used".
 * @example formatDinDataStructure('G123417654321', 'type3') // '=G12341765432170'
 */
export function formatDinDataStructure(din: string, flags: string = '00'): string {
  const { checkCharacter } = parseDin(din);
  const ff = flags === 'type3' ? type3Flags(din) : flags;
  const problem = checkFlags(ff, din, checkCharacter);
  if (problem) throw problem;
  return `=${din}${ff}`;
}

/**
 * Checks a Facility Identification Number (ST-001 §2.4.1); null when valid.
 * @example validateFin('A9999') // null
 */
export function validateFin(fin: string): Isbt128Error | null {
  return checkElements(fin, FIN_ELEMENTS, 'FIN');
}
