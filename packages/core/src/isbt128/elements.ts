/**
 * Element-by-element checking of fixed-layout ISBT 128 data content. ST-001 defines every data
 * structure as a row of elements, each with a length and a character set; checking against that
 * table lets every error name the element and position that is wrong.
 */

import { Isbt128Error, ordinal, quote } from './errors';

/** One element of a data structure: its name, length and allowed characters (ST-001 §2.4). */
export interface ElementSpec {
  readonly field: string;
  readonly length: number;
  /** Tests one character. */
  readonly allowed: RegExp;
  /** Words for the allowed set, e.g. "a digit" — used in messages. */
  readonly expected: string;
}

/** The characters shared by several structures (ST-001 §2.4.1 and §2.4.40). */
export const CHARSET = {
  digit: /^[0-9]$/,
  upperAlphanumeric: /^[A-Z0-9]$/,
  /** First character of a FIN: A–N, P–Z, 1–9 (no letter O, no zero, to avoid confusion with 0/O). */
  finFirst: /^[A-NP-Z1-9]$/,
  /** FIN positions 2–3: A–N, P–Z, 0–9 (currently always digits; letters reserved for the future). */
  finMiddle: /^[A-NP-Z0-9]$/,
} as const;

/** The five elements of a Facility Identification Number αpppp (ST-001 §2.4.1). */
export const FIN_ELEMENTS: readonly ElementSpec[] = [
  { field: 'fin', length: 1, allowed: CHARSET.finFirst, expected: 'a capital letter other than O, or a digit 1-9' },
  { field: 'fin', length: 2, allowed: CHARSET.finMiddle, expected: 'a capital letter other than O, or a digit' },
  { field: 'fin', length: 2, allowed: CHARSET.digit, expected: 'a digit' },
];

/**
 * Checks `value` against a layout; returns the first problem, or null when every character fits.
 * `what` names the whole thing in messages ("DIN", "chain of identity identifier").
 */
export function checkElements(value: string, layout: readonly ElementSpec[], what: string): Isbt128Error | null {
  const expectedLength = layout.reduce((sum, element) => sum + element.length, 0);
  if (value.length !== expectedLength) {
    return new Isbt128Error(
      value.length === 0 ? 'empty' : 'wrong_length',
      `${/^[aeiou]/i.test(what) ? 'An' : 'A'} ${what} has ${expectedLength} characters; got ${value.length} (${quote(value)})`,
    );
  }
  let position = 0;
  for (const element of layout) {
    for (let index = 0; index < element.length; index++, position++) {
      const problem = checkCharacter(value.charAt(position), position, element, what);
      if (problem) return problem;
    }
  }
  return null;
}

/** Like `checkElements`, but throws the problem. */
export function assertElements(value: string, layout: readonly ElementSpec[], what: string): void {
  const problem = checkElements(value, layout, what);
  if (problem) throw problem;
}

function checkCharacter(character: string, position: number, element: ElementSpec, what: string) {
  if (element.allowed.test(character)) return null;
  const where = `The ${ordinal(position + 1)} character of the ${what} (${quote(character)}, ${element.field})`;
  // Lower case is the commonest keying mistake, so it gets its own code and wording.
  if (/^[a-z]$/.test(character) && element.allowed.test(character.toUpperCase())) {
    return new Isbt128Error('lowercase', `${where} is lower-case; ISBT 128 uses capital letters here`, element.field);
  }
  return new Isbt128Error('invalid_character', `${where} must be ${element.expected}`, element.field);
}
