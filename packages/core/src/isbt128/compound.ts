/**
 * Compound Message, ISBT 128 Data Structure 023 (ST-001 v6.2.2 §2.4.23): `=+aabbb` followed by aa
 * data structures back to back, each with its own data identifier — what the label's DataMatrix
 * carries. bbb = 000 is an undefined sequence (which ICCBBA now encourages); other values name an
 * ICCBBA-specified order in table RT017, which is not public, so that order is not checked here.
 */

import { identifyDataStructure, splitDataStructures, type DataStructureSegment } from './data-structures';
import { Isbt128Error, quote } from './errors';
import { interpretSegment } from './interpret';
import type { CompoundScan, ParseOptions } from './scan-types';

export const COMPOUND_DATA_IDENTIFIER = '=+';
const HEADER_LENGTH = 7;
const MAX_STRUCTURES = 99;

/**
 * Joins complete data structures (each with its data identifier) into one compound message.
 * Each part is checked as `parseScan` would check it, so a label never carries a malformed part.
 * @example buildCompoundMessage(['=G12341765432100', '=<S1234A00']) // '=+02000=G12341765432100=<S1234A00'
 */
export function buildCompoundMessage(structures: readonly string[], sequenceReference = '000'): string {
  if (!/^\d{3}$/.test(sequenceReference)) {
    throw new Isbt128Error('invalid_argument', `The sequence reference is 3 digits; got ${quote(sequenceReference)}`);
  }
  if (structures.length < 1 || structures.length > MAX_STRUCTURES) {
    throw new Isbt128Error(
      'invalid_argument',
      `A compound message holds 1 to ${MAX_STRUCTURES} data structures; got ${structures.length}`,
    );
  }
  structures.forEach(assertSingleStructure);
  return `${COMPOUND_DATA_IDENTIFIER}${String(structures.length).padStart(2, '0')}${sequenceReference}${structures.join('')}`;
}

/**
 * Reads a compound message into its parts, checking the declared count and every part.
 * @example parseCompoundMessage('=+01000=<S1234A00').messages[0]?.structure // 'product_code'
 */
export function parseCompoundMessage(data: string, options: ParseOptions = {}): CompoundScan {
  const { count, sequenceReference } = readHeader(data);
  const segments = splitBody(data.slice(HEADER_LENGTH));
  if (segments.length !== count) {
    throw new Isbt128Error(
      'compound_count_mismatch',
      `The compound message announces ${count} data structures but holds ${segments.length}`,
    );
  }
  const messages = segments.map((segment, index) => interpretPart(segment, index, options));
  return { structure: 'compound', sequenceReference, messages };
}

function readHeader(data: string): { count: number; sequenceReference: string } {
  const header = data.slice(0, HEADER_LENGTH);
  if (!header.startsWith(COMPOUND_DATA_IDENTIFIER)) {
    throw new Isbt128Error(
      'missing_data_identifier',
      `A compound message starts with "=+"; got ${quote(data.slice(0, 2))}`,
    );
  }
  if (!/^=\+\d{5}$/.test(header)) {
    throw new Isbt128Error(
      header.length < HEADER_LENGTH ? 'wrong_length' : 'invalid_character',
      `A compound message header is "=+" and 5 digits (count and sequence); got ${quote(header)}`,
    );
  }
  const count = Number(header.slice(2, 4));
  if (count === 0)
    throw new Isbt128Error('compound_count_mismatch', 'The compound message announces 0 data structures');
  return { count, sequenceReference: header.slice(4, 7) };
}

function splitBody(body: string): DataStructureSegment[] {
  const segments = splitDataStructures(body, HEADER_LENGTH);
  for (const segment of segments) {
    // ST-001 §2.5.1: only ICCBBA-defined structures may appear; a nested compound makes no sense.
    if (segment.definition.number === '023') {
      throw new Isbt128Error('not_allowed_in_compound', 'A compound message cannot contain another compound message');
    }
  }
  return segments;
}

function interpretPart(segment: DataStructureSegment, index: number, options: ParseOptions) {
  try {
    return interpretSegment(segment, options);
  } catch (error) {
    if (!(error instanceof Isbt128Error)) throw error;
    const where = `Part ${index + 1} of the compound message (${segment.definition.name})`;
    throw new Isbt128Error(error.code, `${where}: ${error.message}`, error.field);
  }
}

function assertSingleStructure(structure: string, index: number): void {
  const segments = splitDataStructures(structure);
  const [segment] = segments;
  if (segment === undefined || segments.length !== 1) {
    throw new Isbt128Error(
      'invalid_argument',
      `Compound part ${index + 1} must be exactly one data structure; ${quote(structure)} holds ${segments.length}`,
    );
  }
  if (identifyDataStructure(structure).number === '023') {
    throw new Isbt128Error('not_allowed_in_compound', 'A compound message cannot contain another compound message');
  }
  interpretPart(segment, index, {});
}
