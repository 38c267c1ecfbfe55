/**
 * DIN input for keyboard-wedge scanners, on top of the shared ISBT 128 reader in `@hepatica/core`.
 * A scanner sends data structure 001 `=` + DIN (13) + flags (2), e.g. `=G12341765432100`; people may also
 * type the 14 characters printed eye-readable (DIN + check character), or the bare 13-character DIN.
 * A 2D scanner reading the label's DataMatrix sends the compound message, whose DIN part is used.
 */
import { dinOfScan, Isbt128Error, parseScan, validateDin } from '@hepatica/core';

export interface ScanResult {
  /** The 13-character DIN, or the cleaned input when it is not a DIN. */
  din: string;
  /** Why the input is not a usable DIN; undefined when it is. */
  error?: 'format' | 'check' | 'notDin' | 'needsCheck';
  /** True when the input was the bare 13 characters (no scan data, no check character to prove it). */
  bare?: boolean;
}

const CHECK_ERRORS = new Set(['check_character_mismatch', 'type3_flag_mismatch']);

/**
 * Turns scanner or typed input into a 13-character DIN.
 * Example: normalizeDinScan('=G12341765432100') → { din: 'G123417654321' }
 */
export function normalizeDinScan(raw: string): ScanResult {
  const text = raw.trim().toUpperCase();
  if (validateDin(text) === null) return { din: text, bare: true };
  try {
    const din = dinOfScan(parseScan(text));
    return din ? { din } : { din: text, error: 'notDin' };
  } catch (err) {
    if (err instanceof Isbt128Error && CHECK_ERRORS.has(err.code)) return { din: text, error: 'check' };
    return { din: text, error: 'format' };
  }
}

/** Eye-readable parts of a DIN: facility (FIN), year and sequence, e.g. `G1234 17 654321`. */
export function dinParts(din: string): { fin: string; year: string; sequence: string } {
  return { fin: din.slice(0, 5), year: din.slice(5, 7), sequence: din.slice(7, 13) };
}
