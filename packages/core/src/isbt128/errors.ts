/**
 * The one error type of the ISBT 128 library. Every rejection carries a stable `code` (for programs
 * and problem+json `errors[]`) and a message a nurse or operator can act on.
 */

export type Isbt128ErrorCode =
  | 'empty'
  | 'wrong_length'
  | 'lowercase'
  | 'invalid_character'
  | 'unknown_data_identifier'
  | 'missing_data_identifier'
  | 'missing_check_character'
  | 'check_character_mismatch'
  | 'type3_flag_mismatch'
  | 'invalid_date'
  | 'invalid_time'
  | 'invalid_time_zone'
  | 'compound_count_mismatch'
  | 'not_allowed_in_compound'
  | 'trailing_data'
  | 'invalid_argument';

/** Thrown (or returned by the `validate*` functions) when ISBT 128 data is malformed. */
export class Isbt128Error extends Error {
  override readonly name = 'Isbt128Error';

  constructor(
    readonly code: Isbt128ErrorCode,
    message: string,
    /** The element that is wrong (e.g. `fin`, `flags`, `dayOfYear`), when one element is to blame. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Quotes a value for an error message, so blanks and odd characters stay visible. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** "1st", "2nd", … — positions in messages are counted from 1, as people count. */
export function ordinal(position: number): string {
  const lastTwo = position % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][position % 10] ?? 'th');
  return `${position}${suffix}`;
}
