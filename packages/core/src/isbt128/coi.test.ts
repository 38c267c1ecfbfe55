import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCoi, formatCoiDataStructure, parseCoi, validateCoi } from './coi';
import { MOD37_2_ALPHABET } from './mod37-2';
import { arbitraryCoiParts } from './test-arbitraries';

/**
 * No published CoI check character was found (ICCBBA ST-028 is not public), so the check
 * characters below are computed by us per ST-001 §7.5 — K over the whole 15-character data
 * content — and each is confirmed here by the weighted-sum definition of ST-001 Appendix A.1.
 */
function referenceCheckCharacter(data: string): string {
  const sum = [...data].reduce(
    (total, character, index) =>
      total + BigInt(MOD37_2_ALPHABET.indexOf(character)) * 2n ** BigInt(data.length - index),
    0n,
  );
  return MOD37_2_ALPHABET.charAt(Number((38n - (sum % 37n)) % 37n));
}

describe('formatCoi', () => {
  it.each([
    // API spec (shared/spec/api-v1.md) example; layout CH + αpppp + yy + nnnnnn from ST-001 v6.2.2 §2.4.40.
    { parts: { fin: 'A9999', year: '26', sequence: '000001' }, coi: 'CHA999926000001' },
    { parts: { fin: 'A9999', year: 2026, sequence: 1 }, coi: 'CHA999926000001' },
    // ST-001 §2.4.40: the sequence is alphanumeric {A–Z, 0–9}.
    { parts: { fin: 'A9999', year: '26', sequence: 'AB12CD' }, coi: 'CHA999926AB12CD' },
  ])('$coi', ({ parts, coi }) => {
    expect(formatCoi(parts)).toBe(coi);
  });
});

describe('parseCoi', () => {
  it.each([
    { coi: 'CHA999926000001', fin: 'A9999', year: '26', sequence: '000001', checkCharacter: '*' }, // computed
    { coi: 'CHA999926AB12CD', fin: 'A9999', year: '26', sequence: 'AB12CD', checkCharacter: 'D' }, // computed
  ])('$coi (K = $checkCharacter)', (expected) => {
    expect(referenceCheckCharacter(expected.coi)).toBe(expected.checkCharacter);
    expect(parseCoi(expected.coi)).toEqual(expected);
  });

  it('includes the literal CH in the check, as ST-001 §7.5 computes K over the data content', () => {
    expect(parseCoi('CHA999926000001').checkCharacter).not.toBe(referenceCheckCharacter('A999926000001'));
  });
});

describe('validateCoi', () => {
  it.each([
    { coi: 'CHA9999260000', code: 'wrong_length', field: undefined },
    { coi: 'CXA999926000001', code: 'invalid_character', field: 'prefix' },
    { coi: 'cHA999926000001', code: 'lowercase', field: 'prefix' },
    { coi: 'CHO999926000001', code: 'invalid_character', field: 'fin' },
    { coi: 'CHA9999X6000001', code: 'invalid_character', field: 'year' },
    { coi: 'CHA99992600000a', code: 'lowercase', field: 'sequence' },
    { coi: 'CHA99992600000-', code: 'invalid_character', field: 'sequence' },
  ])('$coi → $code', ({ coi, code, field }) => {
    expect(validateCoi(coi)).toMatchObject({ code, field });
  });

  it('accepts a well-formed identifier', () => {
    expect(validateCoi('CHA999926000001')).toBeNull();
  });
});

describe('formatCoiDataStructure', () => {
  it('prefixes the data identifier &/ (ST-001 Table 2 [RT003], Data Structure 040)', () => {
    expect(formatCoiDataStructure('CHA999926000001')).toBe('&/CHA999926000001');
  });
});

describe('properties', () => {
  it('any valid identifier round-trips, with K matching the reference computation', () => {
    fc.assert(
      fc.property(arbitraryCoiParts, (parts) => {
        const coi = formatCoi(parts);
        expect(parseCoi(coi)).toEqual({ ...parts, coi, checkCharacter: referenceCheckCharacter(coi) });
      }),
    );
  });
});
