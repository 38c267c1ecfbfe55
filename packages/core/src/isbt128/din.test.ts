import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDin, formatDinDataStructure, parseDin, validateDin, validateFin } from './din';
import { arbitraryDinParts } from './test-arbitraries';

describe('formatDin', () => {
  it.each([
    // ST-001 v6.2.2 Appendix A.1: DIN "G1234 17 654321".
    { parts: { fin: 'G1234', year: '17', sequence: '654321' }, din: 'G123417654321' },
    // ST-001 §2.4.1 Figure 2: FIN A9999, year 21, sequence 123456 (numbers in, same DIN out).
    { parts: { fin: 'A9999', year: 2021, sequence: 123456 }, din: 'A999921123456' },
    // Padding rule (ours): year keeps its last two digits, sequence is zero-padded to six.
    { parts: { fin: 'A9999', year: 2026, sequence: 1 }, din: 'A999926000001' },
    { parts: { fin: 'A9999', year: 7, sequence: 42 }, din: 'A999907000042' },
  ])('$din', ({ parts, din }) => {
    expect(formatDin(parts)).toBe(din);
  });

  it.each([
    { parts: { fin: 'G123', year: '17', sequence: '654321' }, code: 'wrong_length' },
    { parts: { fin: 'g1234', year: '17', sequence: '654321' }, code: 'lowercase' },
    { parts: { fin: 'G1234', year: -1, sequence: 1 }, code: 'invalid_argument' },
    { parts: { fin: 'G1234', year: 17, sequence: 1_000_000 }, code: 'invalid_argument' },
    { parts: { fin: 'G1234', year: 17, sequence: 1.5 }, code: 'invalid_argument' },
  ])('rejects $parts ($code)', ({ parts, code }) => {
    expect(() => formatDin(parts)).toThrow(expect.objectContaining({ code }));
  });
});

describe('parseDin', () => {
  it.each([
    // ST-001 v6.2.2 Appendix A.1 (K = A) and UK Red Book Annex 2 (K = H).
    { din: 'G123417654321', fin: 'G1234', year: '17', sequence: '654321', checkCharacter: 'A' },
    { din: 'G123498654321', fin: 'G1234', year: '98', sequence: '654321', checkCharacter: 'H' },
    // ST-001 Appendix C Figure 22: K may be '*'.
    { din: 'A999917345628', fin: 'A9999', year: '17', sequence: '345628', checkCharacter: '*' },
  ])('$din', (expected) => {
    expect(parseDin(expected.din)).toEqual(expected);
  });
});

describe('validateDin', () => {
  it.each([
    'G123417654321',
    // ST-001 §2.4.1: FIN positions 2–3 may become letters (its example αpppp = ABC12).
    'ABC1217654321',
    // ST-001 §7.4.1 national display examples "V0043 14 499999", "A123 4140 12346", "7004 203 123 456"
    // (the last shows a FIN starting with a digit, allowed by §2.4.1).
    'V004314499999',
    'A123414012346',
    '7004203123456',
  ])('%s is well formed', (din) => {
    expect(validateDin(din)).toBeNull();
  });

  // Character sets from ST-001 v6.2.2 §2.4.1: α {A–N, P–Z, 1–9}; pppp {A–N, P–Z, 0–9}{2} + digits; yy, nnnnnn digits.
  it.each([
    { din: '', code: 'empty', field: undefined },
    { din: 'G12341765432', code: 'wrong_length', field: undefined },
    { din: 'G1234176543210', code: 'wrong_length', field: undefined },
    { din: 'g123417654321', code: 'lowercase', field: 'fin' },
    { din: 'G123417654a21', code: 'invalid_character', field: 'sequence' },
    { din: 'O123417654321', code: 'invalid_character', field: 'fin' },
    { din: '0123417654321', code: 'invalid_character', field: 'fin' },
    { din: 'GO23417654321', code: 'invalid_character', field: 'fin' },
    { din: 'G12A417654321', code: 'invalid_character', field: 'fin' },
    { din: 'G12341X654321', code: 'invalid_character', field: 'year' },
    { din: 'G1234176543*1', code: 'invalid_character', field: 'sequence' },
    { din: 'G1234 1765432', code: 'invalid_character', field: 'year' },
  ])('$din → $code', ({ din, code, field }) => {
    const error = validateDin(din);
    expect(error).toMatchObject({ name: 'Isbt128Error', code });
    expect(error?.field).toBe(field);
  });

  it('names the position and the element in its message', () => {
    expect(validateDin('G12341X654321')?.message).toBe(
      'The 7th character of the DIN ("X", year) must be a digit (2-digit year)',
    );
    expect(validateDin('G12341765432')?.message).toBe('A DIN has 13 characters; got 12 ("G12341765432")');
  });
});

describe('formatDinDataStructure', () => {
  it.each([
    // ST-001 v6.2.2 Appendix A.2: Type 3 flags 70 → data content G12341765432170.
    { din: 'G123417654321', flags: 'type3', data: '=G12341765432170' },
    // API spec example: flags 00 ("flag not used", ST-001 Table 3).
    { din: 'G123417654321', flags: undefined, data: '=G12341765432100' },
    // ST-001 §2.4.1 Figure 2: flags 01.
    { din: 'A999921123456', flags: '01', data: '=A99992112345601' },
  ])('$data', ({ din, flags, data }) => {
    expect(formatDinDataStructure(din, flags)).toBe(data);
  });

  it.each([
    { flags: '67', code: 'type3_flag_mismatch' },
    { flags: '0I', code: 'invalid_character' },
    { flags: '0', code: 'wrong_length' },
  ])('refuses flags $flags ($code)', ({ flags, code }) => {
    expect(() => formatDinDataStructure('G123417654321', flags)).toThrow(expect.objectContaining({ code }));
  });
});

describe('properties', () => {
  it('any valid DIN round-trips through formatDin and parseDin', () => {
    fc.assert(
      fc.property(arbitraryDinParts, (parts) => {
        const din = formatDin(parts);
        expect(din).toHaveLength(13);
        expect(parseDin(din)).toMatchObject({ ...parts, din });
      }),
    );
  });
});

describe('validateFin (ST-001 §2.4.1: α from A–N, P–Z, 1–9; then two of A–N, P–Z, 0–9; then two digits)', () => {
  it.each([['A9999'], ['G1234'], ['W0000'], ['1A234']])('accepts %s', (fin) => {
    expect(validateFin(fin)).toBeNull();
  });
  it.each([['O1234'], ['01234'], ['a9999'], ['A99A9'], ['A999'], ['A99999']])('refuses %s', (fin) => {
    expect(validateFin(fin)?.message).toMatch(/FIN/);
  });
});
