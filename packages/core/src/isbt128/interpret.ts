/**
 * Turns one data structure cut from a scan (identifier + content) into its `parseScan` result,
 * checking its content: the same code serves single bar codes and compound messages.
 */

import { parseCoi } from './coi';
import type { DataStructureSegment } from './data-structures';
import { DIN_LENGTH, parseDin } from './din';
import { Isbt128Error, quote } from './errors';
import { expiryToInstant, parseExpiry } from './expiry';
import { checkFlags } from './flags';
import { parseProductCode } from './product-code';
import type { DinScan, ExpirationScan, ParseOptions, SingleStructureScan } from './scan-types';

/** Interprets one segment; a compound message header is not a single structure and is refused. */
export function interpretSegment(segment: DataStructureSegment, options: ParseOptions = {}): SingleStructureScan {
  const { content } = segment;
  switch (segment.definition.number) {
    case '001':
      return interpretDin(content.slice(0, DIN_LENGTH), content.slice(DIN_LENGTH));
    case '003':
      return { structure: 'product_code', ...parseProductCode(content) };
    case '005':
      return interpretExpiry(content, options);
    case '040': {
      const { coi, checkCharacter } = parseCoi(content);
      return { structure: 'chain_of_identity', coi, checkCharacter };
    }
    case '023':
      throw new Isbt128Error('not_allowed_in_compound', 'A compound message cannot contain another compound message');
    default:
      return interpretOther(segment);
  }
}

/** A DIN with its flags, the Type 3 flags checked against the DIN's own check character. */
export function interpretDin(din: string, flags: string | null): DinScan {
  const parsed = parseDin(din);
  if (flags !== null) {
    const problem = checkFlags(flags, din, parsed.checkCharacter);
    if (problem) throw problem;
  }
  const { fin, year, sequence, checkCharacter } = parsed;
  // Key order as in the API spec, since this object is what the parse endpoint returns.
  return { structure: 'donation_identification_number', din, fin, year, sequence, flags, checkCharacter };
}

function interpretExpiry(content: string, options: ParseOptions): ExpirationScan {
  const { date, time } = parseExpiry(content);
  if (options.timeZone === undefined) return { structure: 'expiration_date_and_time', date, time };
  const expiresAt = expiryToInstant(content, options.timeZone).toISOString();
  return { structure: 'expiration_date_and_time', date, time, expiresAt };
}

function interpretOther(segment: DataStructureSegment): SingleStructureScan {
  const { definition, dataIdentifier, content } = segment;
  // Uninterpreted structures still may only hold printable ASCII (ST-001 data characters).
  const bad = [...content].find((character) => character < ' ' || character > '~');
  if (bad !== undefined) {
    throw new Isbt128Error(
      'invalid_character',
      `The ${definition.name} (${definition.number}) holds the non-printable character ${quote(bad)}`,
    );
  }
  return { structure: 'other', number: definition.number, name: definition.name, dataIdentifier, content };
}
