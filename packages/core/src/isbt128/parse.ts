/**
 * `parseScan`: says what a scanned or typed ISBT 128 string is. Accepted inputs:
 *
 * - one bar code data structure with its data identifier (`=G12341765432100`, `&/CHA999926000001`,
 *   `=<S1234A00`, `&>0183652359`, or any other ICCBBA structure, returned as `other`);
 * - a DataMatrix compound message (`=+…`);
 * - `=` + DIN + check character, which scanners send when set to convert Type 3 flags into K;
 * - a typed DIN or CoI identifier followed by its check character (see keyed.ts for the policy).
 *
 * Leading/trailing whitespace (the Enter a keyboard-wedge scanner adds) and an AIM symbology
 * identifier such as `]C0` (ISO/IEC 15424, prepended by some scanners) are removed first.
 * Two bar codes read as one concatenated string are refused: scan them one at a time.
 */

import { parseCompoundMessage, COMPOUND_DATA_IDENTIFIER } from './compound';
import { identifyDataStructure, splitDataStructures } from './data-structures';
import { DIN_LENGTH } from './din';
import { Isbt128Error } from './errors';
import { interpretSegment } from './interpret';
import { parseDinWithCheckCharacter, parseKeyedEntry } from './keyed';
import type { ParseOptions, ScanResult } from './scan-types';

const AIM_SYMBOLOGY_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]/;

/**
 * Reads a scanned or typed ISBT 128 string; throws `Isbt128Error` naming what is wrong.
 * @example parseScan('=G12341765432100')
 * // { structure: 'donation_identification_number', din: 'G123417654321', fin: 'G1234', year: '17',
 * //   sequence: '654321', flags: '00', checkCharacter: 'A' }
 */
export function parseScan(data: string, options: ParseOptions = {}): ScanResult {
  const input = normalize(data);
  if (input.length === 0) throw new Isbt128Error('empty', 'Nothing was scanned');
  if (input.startsWith(COMPOUND_DATA_IDENTIFIER)) return parseCompoundMessage(input, options);
  if (!input.startsWith('=') && !input.startsWith('&')) return parseKeyedEntry(input);
  if (isDinWithCheckCharacter(input)) return parseDinWithCheckCharacter(input.slice(1));
  return parseSingleStructure(input, options);
}

function normalize(data: string): string {
  return data.trim().replace(AIM_SYMBOLOGY_IDENTIFIER, '');
}

/** `=` + 13 + K is 15 characters, one short of `=` + 13 + flags, so the length tells them apart. */
function isDinWithCheckCharacter(input: string): boolean {
  return input.length === DIN_LENGTH + 2 && identifyDataStructure(input).number === '001';
}

function parseSingleStructure(input: string, options: ParseOptions): ScanResult {
  const segments = splitDataStructures(input);
  const [first] = segments;
  if (first === undefined) throw new Isbt128Error('empty', 'Nothing was scanned');
  if (segments.length > 1) {
    const names = segments.map((segment) => segment.definition.name).join(' + ');
    throw new Isbt128Error(
      'trailing_data',
      `The scan holds ${segments.length} data structures (${names}), probably two bar codes read together; scan one at a time`,
    );
  }
  return interpretSegment(first, options);
}

/**
 * The DIN a scan carries: a data structure 001 on its own, or the DIN part of a DataMatrix compound
 * message (ST-012: the label's 2D symbol holds the DIN with the other structures). Undefined otherwise.
 * @example dinOfScan(parseScan('=G12341765432100')) // 'G123417654321'
 */
export function dinOfScan(scan: ScanResult): string | undefined {
  if (scan.structure === 'donation_identification_number') return scan.din;
  if (scan.structure === 'compound') {
    for (const part of scan.messages) if (part.structure === 'donation_identification_number') return part.din;
  }
  return undefined;
}
