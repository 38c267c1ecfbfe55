/**
 * Reads the DIN out of what a scanner (or a person) entered for scan-to-verify, by the rules of
 * the core ISBT 128 reader: the Code 128 data structure 001 (`=` + DIN + flags), the DataMatrix
 * compound message (its DIN part), or a typed DIN with its check character. A bare typed DIN
 * without the check character is refused: the check character is what catches a mistyped digit.
 */
import { dinOfScan, Isbt128Error, parseScan, type ScanResult } from '@hepatica/core';
import { unprocessable } from '../../platform/errors';

function malformed(detail: string, code: string) {
  return unprocessable(detail, { code, errors: [{ path: 'body.scannedDin', message: detail }] });
}

export function dinFromScan(raw: string): string {
  let scan: ScanResult;
  try {
    scan = parseScan(raw);
  } catch (error) {
    if (error instanceof Isbt128Error) throw malformed(error.message, `isbt128.${error.code}`);
    throw error;
  }
  const din = dinOfScan(scan);
  if (!din) throw malformed('The scanned barcode is not the DIN: scan the DIN barcode (upper left of the bag label).', 'scan.not_din');
  return din;
}
