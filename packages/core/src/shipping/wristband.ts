/**
 * The patient's wristband for bedside verification. Its Code 128 bar code holds the pseudonymous
 * subject code exactly as printed (`A9999-000001`: the site's FIN, a hyphen, six digits): it is
 * what travels on the product label, so the two can be compared without the patient's name.
 * A product barcode scanned into the wristband field (ISBT 128 data starts with `=` or `&`) is
 * recognised and named, so the nurse is told which barcode to scan instead of "wrong patient".
 */

export const SUBJECT_CODE_PATTERN = /^[A-Z0-9]{5}-\d{6}$/;
const AIM_SYMBOLOGY_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]/;

export type WristbandRead =
  | { readonly ok: true; readonly subjectCode: string }
  | { readonly ok: false; readonly reason: 'empty' | 'product_barcode' | 'not_wristband' };

/** The bar code content of a wristband. */
export function formatWristbandData(subjectCode: string): string {
  if (!SUBJECT_CODE_PATTERN.test(subjectCode)) throw new RangeError(`"${subjectCode}" is not a subject code`);
  return subjectCode;
}

/**
 * Reads what the scanner (or a person typing) sent from a wristband.
 * @example readWristband(' a9999-000001\n') // { ok: true, subjectCode: 'A9999-000001' }
 */
export function readWristband(raw: string): WristbandRead {
  const input = raw.trim().replace(AIM_SYMBOLOGY_IDENTIFIER, '').trim();
  if (!input) return { ok: false, reason: 'empty' };
  if (input.startsWith('=') || input.startsWith('&')) return { ok: false, reason: 'product_barcode' };
  const subjectCode = input.toUpperCase();
  if (!SUBJECT_CODE_PATTERN.test(subjectCode)) return { ok: false, reason: 'not_wristband' };
  return { ok: true, subjectCode };
}
