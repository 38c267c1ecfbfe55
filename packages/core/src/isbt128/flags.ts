/**
 * The two flag characters `ff` that follow the 13-character DIN in Data Structure 001
 * (ST-001 §2.4.1 and Table 3 [RT004]). Flags are not part of the DIN: the same donation carries
 * different flags on its bag, its tubes and its paperwork.
 */

import { Isbt128Error, quote } from './errors';
import { characterForValue, checkCharacterValue } from './mod37-2';

/** none = 00; type1 = ICCBBA-defined process control; type2 = locally defined; type3 = check value. */
export type FlagType = 'none' | 'type1' | 'type2' | 'type3' | 'reserved';

export interface FlagDescription {
  readonly flags: string;
  readonly type: FlagType;
  readonly meaning: string;
  /** For Type 3 flags: the check character the flags encode. */
  readonly checkCharacter?: string;
}

/** ST-001 §2.4.1: ff is {0–9} or {A–H, J–N, P, R–Y} (no I, O, Q, Z). */
const FLAG_CHARACTER = /^[0-9A-HJ-NPR-Y]$/;

/** Type 1 values defined by ICCBBA (ST-001 v6.2.2 Table 3 [RT004]); 14 is reserved. */
const TYPE1_MEANINGS: Readonly<Record<string, string>> = {
  '01': 'Container 1 of a set',
  '02': 'Container 2 of a set',
  '03': 'Container 3 of a set',
  '04': 'Container 4 of a set',
  '05': 'Second (or repeated) demand-printed label',
  '06': 'Pilot tube label',
  '07': 'Test tube label',
  '08': 'Donor record label',
  '09': 'Sample tube for NAT testing',
  '10': 'Samples for bacterial testing',
  '11': 'Match with unit label',
  '12': 'Affixed partial label',
  '13': 'Attached label (used with an affixed partial label)',
  '15': 'Container 5 of a set',
  '16': 'Container 6 of a set',
  '17': 'Container 7 of a set',
  '18': 'Container 8 of a set',
  '19': 'Container 9 of a set',
};

/** Type 3 flags are 60 + the MOD 37-2 checksum, so they run from 60 to 96 (ST-001 Appendix A.2). */
const TYPE3_OFFSET = 60;
const TYPE3_LAST = TYPE3_OFFSET + 36;

/**
 * What a pair of flag characters means.
 * @example describeFlags('70') // { flags: '70', type: 'type3', meaning: …, checkCharacter: 'A' }
 */
export function describeFlags(flags: string): FlagDescription {
  assertFlagCharacters(flags);
  if (flags === '00') return { flags, type: 'none', meaning: 'Flag not used' };
  const type1 = TYPE1_MEANINGS[flags];
  if (type1) return { flags, type: 'type1', meaning: type1 };
  const number = /^\d\d$/.test(flags) ? Number(flags) : Number.NaN;
  if (number >= 20 && number <= 59) {
    // Only the facility that defined them may interpret these (ST-001 §2.4.1).
    return { flags, type: 'type2', meaning: 'Locally defined process-control flag' };
  }
  if (number >= TYPE3_OFFSET && number <= TYPE3_LAST) {
    const checkCharacter = characterForValue(number - TYPE3_OFFSET);
    return { flags, type: 'type3', meaning: `MOD 37-2 check character ${checkCharacter}`, checkCharacter };
  }
  return { flags, type: 'reserved', meaning: 'Reserved by ICCBBA for future assignment' };
}

/**
 * The Type 3 flag characters for a DIN: 60 + its MOD 37-2 checksum.
 * @example type3Flags('G123417654321') // '70' (ST-001 Appendix A.2)
 */
export function type3Flags(din: string): string {
  return String(TYPE3_OFFSET + checkCharacterValue(din));
}

/**
 * Checks the flag characters of a DIN: allowed characters, and for Type 3 flags agreement with the
 * DIN's own check character — a disagreement means the DIN or the flags were misread or misprinted.
 */
export function checkFlags(flags: string, din: string, dinCheckCharacter: string): Isbt128Error | null {
  try {
    assertFlagCharacters(flags);
  } catch (error) {
    if (error instanceof Isbt128Error) return error;
    throw error;
  }
  const description = describeFlags(flags);
  if (description.type === 'type3' && description.checkCharacter !== dinCheckCharacter) {
    return new Isbt128Error(
      'type3_flag_mismatch',
      `Type 3 flag ${flags} says check character ${description.checkCharacter} but the DIN's check character is ${dinCheckCharacter}` +
        ` (DIN ${din}); the label was misread or misprinted`,
      'flags',
    );
  }
  return null;
}

function assertFlagCharacters(flags: string): void {
  if (flags.length !== 2) {
    throw new Isbt128Error('wrong_length', `Flags are 2 characters; got ${quote(flags)}`, 'flags');
  }
  for (const character of flags) {
    if (FLAG_CHARACTER.test(character)) continue;
    const code = /[a-z]/.test(character) ? 'lowercase' : 'invalid_character';
    throw new Isbt128Error(
      code,
      `Flag characters are digits or the capital letters A-H, J-N, P, R-Y; ${quote(character)} in ${quote(flags)} is not`,
      'flags',
    );
  }
}
