/**
 * Chain of Identity (CoI) Identifier, ISBT 128 Data Structure 040 (ST-001 v6.2.2 §2.4.40):
 * data identifier `&/`, content `CH` + FIN (5) + nominal year (2) + 6-character alphanumeric
 * sequence — 15 characters, e.g. `CHA999926000001`. It follows one patient's therapy from order to
 * infusion. ST-001 §7.5 / Table 30 require a keyboard entry check character K (MOD 37-2) wherever
 * its text is printed; K is computed over the whole 15-character content, `CH` included.
 */

import { CHARSET, FIN_ELEMENTS, assertElements, checkElements, type ElementSpec } from './elements';
import type { Isbt128Error } from './errors';
import { computeCheckCharacter } from './mod37-2';
import { sixCharacterSequence, twoDigitYear } from './year-sequence';

export interface ParsedCoi {
  readonly coi: string;
  readonly fin: string;
  readonly year: string;
  readonly sequence: string;
  readonly checkCharacter: string;
}

export const COI_LENGTH = 15;
export const COI_DATA_IDENTIFIER = '&/';

const COI_LAYOUT: readonly ElementSpec[] = [
  { field: 'prefix', length: 1, allowed: /^C$/, expected: '"C" (the identifier starts with the literal CH)' },
  { field: 'prefix', length: 1, allowed: /^H$/, expected: '"H" (the identifier starts with the literal CH)' },
  ...FIN_ELEMENTS,
  { field: 'year', length: 2, allowed: CHARSET.digit, expected: 'a digit (2-digit year)' },
  { field: 'sequence', length: 6, allowed: CHARSET.upperAlphanumeric, expected: 'a digit or a capital letter' },
];

const WHAT = 'chain of identity identifier';

/**
 * Builds a chain of identity identifier. A numeric year keeps its last two digits; a numeric
 * sequence is zero-padded to six characters.
 * @example formatCoi({ fin: 'A9999', year: 2026, sequence: 1 }) // 'CHA999926000001'
 */
export function formatCoi(parts: { fin: string; year: string | number; sequence: string | number }): string {
  const coi = `CH${parts.fin}${twoDigitYear(parts.year)}${sixCharacterSequence(parts.sequence)}`;
  assertElements(coi, COI_LAYOUT, WHAT);
  return coi;
}

/** Returns what is wrong with a 15-character CoI identifier, or null when it is well formed. */
export function validateCoi(coi: string): Isbt128Error | null {
  return checkElements(coi, COI_LAYOUT, WHAT);
}

/**
 * Splits a 15-character CoI identifier and computes its check character.
 * @example parseCoi('CHA999926000001').fin // 'A9999'
 */
export function parseCoi(coi: string): ParsedCoi {
  assertElements(coi, COI_LAYOUT, WHAT);
  return {
    coi,
    fin: coi.slice(2, 7),
    year: coi.slice(7, 9),
    sequence: coi.slice(9, 15),
    checkCharacter: computeCheckCharacter(coi),
  };
}

/** The bar code data of Data Structure 040: `&/` + identifier. */
export function formatCoiDataStructure(coi: string): string {
  assertElements(coi, COI_LAYOUT, WHAT);
  return `${COI_DATA_IDENTIFIER}${coi}`;
}
