/**
 * Identifiers that arrive without a data identifier: typed from the label's eye-readable text, or
 * sent by a keyboard-wedge scanner. Policy:
 *
 * - Accepted: DIN + check character K (13 + 1), and CoI identifier + K (15 + 1), with the spaces
 *   labels print between groups ("G1234 17 654321 A"). K is what ST-001 §7.5 prints for exactly this
 *   purpose — verifying manual entry — and it also tells the DIN from random text.
 * - Refused: the same without K (nothing would catch a mistyped digit), and a DIN bar code whose
 *   "=" a scanner stripped (ST-001 §2.2 requires checking data identifiers before reading data).
 */

import { parseCoi, COI_LENGTH } from './coi';
import { DIN_LENGTH, validateDin } from './din';
import { Isbt128Error, quote } from './errors';
import { interpretDin } from './interpret';
import type { CoiScan, DinScan } from './scan-types';

/** Reads a typed DIN or CoI identifier with its check character (spaces ignored). */
export function parseKeyedEntry(input: string): DinScan | CoiScan {
  const compact = input.replace(/ +/g, '');
  if (compact.length === DIN_LENGTH + 1) return parseDinWithCheckCharacter(compact);
  if (compact.length === COI_LENGTH + 1 && compact.startsWith('CH')) return parseCoiWithCheckCharacter(compact);
  throw explainUnkeyable(compact);
}

/** DIN followed by its check character, as typed or as sent by a scanner that converts Type 3 flags. */
export function parseDinWithCheckCharacter(dinAndCheck: string): DinScan {
  const din = dinAndCheck.slice(0, DIN_LENGTH);
  const scan = interpretDin(din, null);
  assertCheckCharacter(dinAndCheck.slice(DIN_LENGTH), scan.checkCharacter, `DIN ${din}`);
  return scan;
}

function parseCoiWithCheckCharacter(coiAndCheck: string): CoiScan {
  const { coi, checkCharacter } = parseCoi(coiAndCheck.slice(0, COI_LENGTH));
  assertCheckCharacter(coiAndCheck.slice(COI_LENGTH), checkCharacter, `chain of identity identifier ${coi}`);
  return { structure: 'chain_of_identity', coi, checkCharacter };
}

function assertCheckCharacter(given: string, expected: string, what: string): void {
  if (given === expected) return;
  const lower = /^[a-z]$/.test(given);
  // The message never names the expected K: a person shown it could "fix" K and keep a wrong DIN.
  throw new Isbt128Error(
    lower ? 'lowercase' : 'check_character_mismatch',
    lower
      ? `Check character ${quote(given)} is lower-case; check characters are capital letters, digits or *`
      : `Check character ${quote(given)} does not match ${what}: a character was mistyped or misread; check it against the label`,
    'checkCharacter',
  );
}

function explainUnkeyable(compact: string): Isbt128Error {
  if (compact.length === DIN_LENGTH && validateDin(compact) === null) {
    return new Isbt128Error(
      'missing_check_character',
      // Never reveal the expected K here: it would let a mistyped DIN through unchecked.
      `${compact} looks like a DIN without its check character; type the boxed character printed after it`,
    );
  }
  if (compact.length === COI_LENGTH && compact.startsWith('CH')) {
    return new Isbt128Error(
      'missing_check_character',
      `${compact} looks like a chain of identity identifier without its check character; type the boxed character printed after it`,
    );
  }
  if (compact.length === DIN_LENGTH + 2 && validateDin(compact.slice(0, DIN_LENGTH)) === null) {
    return new Isbt128Error(
      'missing_data_identifier',
      `${compact} looks like a DIN bar code whose leading "=" was dropped; set the scanner to transmit ISBT 128 data identifiers`,
    );
  }
  return new Isbt128Error(
    'missing_data_identifier',
    `${quote(compact)} is not ISBT 128 data: bar codes start with "=" or "&", and a typed DIN or chain of identity ` +
      'identifier needs its check character',
  );
}
