/**
 * Year and sequence-number inputs shared by the DIN and the chain of identity identifier, which
 * both carry a 2-digit nominal year and a 6-character sequence after the FIN.
 */

import { Isbt128Error } from './errors';

/** A numeric year keeps its last two digits (2026 → "26", 7 → "07"); strings pass through for checking. */
export function twoDigitYear(year: string | number): string {
  if (typeof year === 'string') return year;
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new Isbt128Error('invalid_argument', `A year must be a whole year like 2026 or 26; got ${year}`, 'year');
  }
  return String(year % 100).padStart(2, '0');
}

/** A numeric sequence is zero-padded to six digits; strings pass through for checking. */
export function sixCharacterSequence(sequence: string | number): string {
  if (typeof sequence === 'string') return sequence;
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999_999) {
    throw new Isbt128Error('invalid_argument', `A sequence number runs from 0 to 999999; got ${sequence}`, 'sequence');
  }
  return String(sequence).padStart(6, '0');
}
