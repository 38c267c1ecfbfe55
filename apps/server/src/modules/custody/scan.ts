/**
 * Reads the DIN out of what a scanner (or a person) entered for scan-to-verify: the full ISBT 128
 * data structure 001 (`=` + DIN + flags, as the Code 128 symbol carries it), the eye-readable DIN
 * with its check character (14 characters), or the bare 13-character DIN.
 */
import { computeCheckCharacter, parseScan } from '@hepatica/core';
import { unprocessable } from '../../platform/errors';

const DIN = /^[A-Z0-9][0-9]{4}[0-9]{2}[0-9]{6}$/;

function malformed(detail: string) {
  return unprocessable(detail, [{ path: 'body.scannedDin', message: detail }]);
}

export function dinFromScan(raw: string): string {
  const value = raw.trim().toUpperCase();
  if (value.startsWith('=')) return dinFromDataStructure(value);
  if (value.length === 14 && DIN.test(value.slice(0, 13))) {
    const din = value.slice(0, 13);
    const expected = computeCheckCharacter(din);
    if (value[13] !== expected) {
      throw malformed(`The check character ${value[13]} does not belong to DIN ${din} (expected ${expected}): the label was misread or mistyped.`);
    }
    return din;
  }
  if (DIN.test(value)) return value;
  throw malformed(`"${raw.slice(0, 40)}" is not a DIN: scan the DIN barcode on the bag label.`);
}

function dinFromDataStructure(value: string): string {
  let parsed: ReturnType<typeof parseScan>;
  try {
    parsed = parseScan(value);
  } catch (error) {
    throw malformed(error instanceof Error ? error.message : 'The scanned data is not valid ISBT 128.');
  }
  if (parsed.structure !== 'donation_identification_number') {
    throw malformed('The scanned barcode is not the DIN: scan the DIN barcode (upper left of the label).');
  }
  return parsed.din;
}
