/**
 * ISBT 128 donation identification number (DIN) handling for keyboard-wedge scanners.
 * A scanner sends data structure 001 `=` + DIN (13) + flags (2), e.g. `=G12341765432100`; people may also
 * type the bare 13-character DIN or the 14 characters printed eye-readable with the check character.
 */

const MOD37_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';
const DIN_PATTERN = /^[A-Z0-9]\d{12}$/;

/** ISO/IEC 7064 MOD 37-2 check character of a DIN (ICCBBA ST-001). Example: checkCharacter('G123417654321') === 'A'. */
export function checkCharacter(din: string): string {
  let sum = 0;
  for (const ch of din.toUpperCase()) {
    const value = MOD37_CHARS.indexOf(ch);
    if (value < 0 || value > 35) throw new Error(`Invalid DIN character: ${ch}`);
    sum = ((sum + value) * 2) % 37;
  }
  return MOD37_CHARS[(38 - sum) % 37] ?? '';
}

export interface ScanResult {
  /** The 13-character DIN, or the cleaned input when it is not a DIN. */
  din: string;
  /** Why the input is not a usable DIN; undefined when it is. */
  error?: 'format' | 'check';
}

/**
 * Turns scanner or typed input into a 13-character DIN.
 * Strips an AIM symbology prefix (`]C0`), the `=` data identifier and the 2 flag characters; for 14-character
 * input the last character must be the DIN's check character.
 * Example: normalizeDinScan('=G12341765432100') → { din: 'G123417654321' }
 */
export function normalizeDinScan(raw: string): ScanResult {
  let text = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (/^\][A-Z]\d/.test(text)) text = text.slice(3);
  if (text.startsWith('=')) text = text.slice(1, 14);
  if (text.length === 14 && DIN_PATTERN.test(text.slice(0, 13))) {
    const din = text.slice(0, 13);
    return text[13] === checkCharacter(din) ? { din } : { din, error: 'check' };
  }
  return DIN_PATTERN.test(text) ? { din: text } : { din: text, error: 'format' };
}

/** Eye-readable parts of a DIN: facility (FIN), year and sequence, e.g. `G1234 17 654321`. */
export function dinParts(din: string): { fin: string; year: string; sequence: string } {
  return { fin: din.slice(0, 5), year: din.slice(5, 7), sequence: din.slice(7, 13) };
}
