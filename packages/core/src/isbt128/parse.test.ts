import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDin } from './din';
import { Isbt128Error } from './errors';
import { computeCheckCharacter } from './mod37-2';
import { parseScan } from './parse';
import { arbitraryDinParts } from './test-arbitraries';

// ST-001 v6.2.2 Appendix A.1: DIN G1234 17 654321 has check character A (Type 3 flags 70, A.2).
const G1234_DIN = {
  structure: 'donation_identification_number',
  din: 'G123417654321',
  fin: 'G1234',
  year: '17',
  sequence: '654321',
  checkCharacter: 'A',
} as const;

describe('parseScan: the API spec examples', () => {
  it('=G12341765432100 (shared/spec/api-v1.md, POST /api/v1/isbt128/parse)', () => {
    expect(parseScan('=G12341765432100')).toEqual({
      structure: 'donation_identification_number',
      din: 'G123417654321',
      fin: 'G1234',
      year: '17',
      sequence: '654321',
      flags: '00',
      checkCharacter: 'A',
    });
  });

  it('&/CHA999926000001 (chain of identity; K computed by us, see coi.test.ts)', () => {
    expect(parseScan('&/CHA999926000001')).toEqual({
      structure: 'chain_of_identity',
      coi: 'CHA999926000001',
      checkCharacter: '*',
    });
  });

  it('=<… product code (ST-001 v6.2.2 §2 Figure 1: =<E1234V00)', () => {
    expect(parseScan('=<E1234V00')).toMatchObject({ structure: 'product_code', productDescriptionCode: 'E1234' });
  });

  it('&>… expiration date and time (ST-012 v1.4.0 §6.2: &>0183652359 = 2018-12-31 23:59)', () => {
    expect(parseScan('&>0183652359', { timeZone: 'Asia/Shanghai' })).toEqual({
      structure: 'expiration_date_and_time',
      date: '2018-12-31',
      time: '23:59',
      expiresAt: '2018-12-31T15:59:00.000Z',
    });
  });
});

describe('parseScan: DIN as scanners and people send it', () => {
  it.each([
    // Type 3 flags: ST-001 Appendix A.2, data content G12341765432170.
    { input: '=G12341765432170', flags: '70', why: 'Type 3 flags agreeing with K' },
    { input: '=G12341765432101', flags: '01', why: 'Type 1 flags' },
    // Keyboard-wedge scanners add Enter; some prepend an AIM symbology identifier (]C0 = Code 128).
    { input: '=G12341765432100\r\n', flags: '00', why: 'trailing CR LF' },
    { input: ']C0=G12341765432100', flags: '00', why: 'AIM symbology identifier' },
    // Scanner set to turn Type 3 flags into the check character (e.g. Unitech MS337 manual,
    // "Convert Flag Digits to Mod 37,2 CD"): = + DIN + K.
    { input: '=G123417654321A', flags: null, why: 'scanner converted flags to K' },
    // Typed from the label: DIN and its boxed check character, with or without the printed spaces.
    { input: 'G123417654321A', flags: null, why: 'typed, no spaces' },
    { input: 'G1234 17 654321 A', flags: null, why: 'typed as printed' },
    { input: '  G1234 17 654321  A ', flags: null, why: 'typed with stray blanks' },
  ])('$why: $input', ({ input, flags }) => {
    expect(parseScan(input)).toEqual({ ...G1234_DIN, flags });
  });

  it.each([
    // UK Red Book Annex 2 (K = H, flags 77) and ST-001 Appendix C Figure 22 (K = *).
    { input: 'G123498654321H', din: 'G123498654321', checkCharacter: 'H' },
    { input: '=G12349865432177', din: 'G123498654321', checkCharacter: 'H' },
    { input: 'A9999 17 345628 *', din: 'A999917345628', checkCharacter: '*' },
  ])('$input', ({ input, din, checkCharacter }) => {
    expect(parseScan(input)).toMatchObject({ din, checkCharacter });
  });
});

describe('parseScan: typed chain of identity identifier', () => {
  it.each(['CHA999926000001*', 'CHA9999 26 000001 *'])('%s', (input) => {
    expect(parseScan(input)).toEqual({ structure: 'chain_of_identity', coi: 'CHA999926000001', checkCharacter: '*' });
  });
});

describe('parseScan: other ICCBBA structures are recognised, not interpreted', () => {
  it('=%6200 (ST-001 v6.2.2 §2.2 example: blood groups A RhD positive)', () => {
    expect(parseScan('=%6200')).toEqual({
      structure: 'other',
      number: '002',
      name: 'Blood Groups [ABO and RhD]',
      dataIdentifier: '=%',
      content: '6200',
    });
  });
});

describe('parseScan: malformed input', () => {
  it.each([
    { input: '', code: 'empty', says: 'Nothing was scanned' },
    { input: ' \r\n', code: 'empty', says: 'Nothing was scanned' },
    // The brief's wording: a Type 3 flag that disagrees with the computed check character.
    {
      input: '=G12341765432167',
      code: 'type3_flag_mismatch',
      says: "Type 3 flag 67 says check character 7 but the DIN's check character is A",
    },
    { input: '=G1234176543210', code: 'check_character_mismatch', says: 'does not match DIN G123417654321' },
    // ST-001 §10: two adjacent bar codes may be read as one string (here DIN + blood groups).
    {
      input: '=G12341765432100=%6200',
      code: 'trailing_data',
      says: 'holds 2 data structures (Donation Identification Number + Blood Groups',
    },
    { input: '=G123417654321000', code: 'missing_data_identifier', says: 'found "0" at position 17' },
    { input: '=G1234176543210', code: 'check_character_mismatch', says: 'Check character "0"' },
    {
      input: '=G12341765432',
      code: 'wrong_length',
      says: 'Donation Identification Number (001) at position 1 is cut short',
    },
    { input: '=g12341765432100', code: 'lowercase', says: 'capital letter' },
    { input: '=G1234176543210I', code: 'invalid_character', says: 'Flag characters' },
    {
      input: '=O12341765432100',
      code: 'unknown_data_identifier',
      says: 'never starts with the letter O or the digit 0',
    },
    {
      input: '=G1234176543X100',
      code: 'invalid_character',
      says: 'The 12th character of the DIN ("X", sequence) must be a digit',
    },
    {
      input: 'G123417654321B',
      code: 'check_character_mismatch',
      says: 'Check character "B" does not match DIN G123417654321',
    },
    { input: 'G123417654321a', code: 'lowercase', says: 'lower-case' },
    { input: 'g123417654321A', code: 'lowercase', says: 'lower-case' },
    { input: 'G123417654321', code: 'missing_check_character', says: 'without its check character' },
    { input: 'G12341765432100', code: 'missing_data_identifier', says: 'leading "=" was dropped' },
    {
      input: 'CHA999926000001',
      code: 'missing_check_character',
      says: 'chain of identity identifier without its check character',
    },
    {
      input: 'CHA999926000001A',
      code: 'check_character_mismatch',
      says: 'does not match chain of identity identifier CHA999926000001',
    },
    {
      input: '&/CHA99992600000',
      code: 'wrong_length',
      says: 'Chain of Identity Identifier (040) at position 1 is cut short',
    },
    { input: '&/CHO999926000001', code: 'invalid_character', says: 'fin' },
    { input: '=<E1234V0A', code: 'invalid_character', says: 'product code' }, // s is lower-case or a digit
    { input: '&>0253662359', code: 'invalid_date', says: 'Expiry day 366 does not exist: 2025 is not a leap year' },
    { input: '&>0180292460', code: 'invalid_time', says: 'hours run from 00 to 23' },
    { input: '&z1234', code: 'unknown_data_identifier', says: 'nationally or locally defined' },
    { input: '=~12', code: 'unknown_data_identifier', says: 'not an ISBT 128 data structure' },
    { input: 'hello', code: 'missing_data_identifier', says: 'is not ISBT 128 data' },
  ])('$input → $code', ({ input, code, says }) => {
    let thrown: unknown;
    try {
      parseScan(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Isbt128Error);
    expect(thrown).toMatchObject({ code, message: expect.stringContaining(says) });
  });

  it('never reveals the expected check character to someone who typed a wrong one', () => {
    expect(() => parseScan('G123417654321B')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(' A') }),
    );
  });

  it('refuses an unknown facility time zone', () => {
    expect(() => parseScan('&>0183652359', { timeZone: 'Asia/Beijing' })).toThrow(
      expect.objectContaining({ code: 'invalid_time_zone' }),
    );
  });
});

describe('parseScan: properties', () => {
  it('any valid DIN reads the same from the bar code, the scanner K form and the typed form', () => {
    fc.assert(
      fc.property(arbitraryDinParts, (parts) => {
        const din = formatDin(parts);
        const k = computeCheckCharacter(din);
        const expected = { structure: 'donation_identification_number', din, ...parts, checkCharacter: k };
        expect(parseScan(`=${din}00`)).toEqual({ ...expected, flags: '00' });
        expect(parseScan(`=${din}${k}`)).toEqual({ ...expected, flags: null });
        expect(parseScan(`${parts.fin} ${parts.year} ${parts.sequence} ${k}`)).toEqual({ ...expected, flags: null });
      }),
    );
  });

  it('a single mistyped character in DIN + K is always refused, never read as another DIN', () => {
    const keyable = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';
    fc.assert(
      fc.property(arbitraryDinParts, fc.nat(13), fc.constantFrom(...keyable), (parts, position, replacement) => {
        const typed = formatDin(parts) + computeCheckCharacter(formatDin(parts));
        fc.pre(typed.charAt(position) !== replacement);
        const mistyped = typed.slice(0, position) + replacement + typed.slice(position + 1);
        expect(() => parseScan(mistyped)).toThrow(Isbt128Error);
      }),
    );
  });
});
