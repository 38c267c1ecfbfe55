import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCoi, formatCoiDataStructure } from './coi';
import { buildCompoundMessage, parseCompoundMessage } from './compound';
import { identifyDataStructure, splitDataStructures } from './data-structures';
import { formatDin, formatDinDataStructure } from './din';
import { dinOfScan, parseScan } from './parse';
import { arbitraryCoiParts, arbitraryDinParts } from './test-arbitraries';

// ICCBBA ST-012 v1.4.0 §6.2, "Data Matrix symbol 1": DIN, blood-group special message, product
// code, expiration date and time, and the Single European Code in one compound message.
const ST012_SYMBOL_1 = '=+05000=Z54991712345600=%T300=<T0416003&>0183652359&,4PL001499Z549917123456A00T041600320181231';

// ST-017 §5 full UDI example, as transcribed in the public repository pdesiatnyk/ISBT128
// (documents/ST-017-…-v1.0.0.md; not checked against the ICCBBA PDF). Its value here is the
// variety of lengths: 034 (16), 032 (6), 001 (15), 004 (6), 008 (6), 035 (3-character identifier, 18).
const ST017_UDI = '=+06000=/A9999XYZ100T0476=,000025=A99971712345600=>019032=}017032&,1000000000000XYZ123';

describe('parseCompoundMessage', () => {
  it('reads the ST-012 §6.2 DataMatrix example into its five structures', () => {
    expect(parseCompoundMessage(ST012_SYMBOL_1)).toEqual({
      structure: 'compound',
      sequenceReference: '000',
      messages: [
        {
          structure: 'donation_identification_number',
          din: 'Z549917123456',
          fin: 'Z5499',
          year: '17',
          sequence: '123456',
          flags: '00',
          checkCharacter: 'P', // computed by us (MOD 37-2); ST-012 prints this DIN without K
        },
        {
          structure: 'other',
          number: '002',
          name: 'Blood Groups [ABO and RhD]',
          dataIdentifier: '=%',
          content: 'T300',
        },
        {
          structure: 'product_code',
          productCode: 'T0416003',
          productDescriptionCode: 'T0416',
          category: 'tissue',
          typeOfDonation: null,
          division: '003',
        },
        { structure: 'expiration_date_and_time', date: '2018-12-31', time: '23:59' },
        {
          structure: 'other',
          number: '038',
          name: 'Single European Code',
          dataIdentifier: '&,4',
          content: 'PL001499Z549917123456A00T041600320181231',
        },
      ],
    });
  });

  it('adds the instant of expiry when the facility time zone is known', () => {
    const parsed = parseCompoundMessage(ST012_SYMBOL_1, { timeZone: 'Asia/Shanghai' });
    expect(parsed.messages[3]).toEqual({
      structure: 'expiration_date_and_time',
      date: '2018-12-31',
      time: '23:59',
      expiresAt: '2018-12-31T15:59:00.000Z',
    });
  });

  it('cuts structures of every length class (ST-017 §5 UDI example)', () => {
    const parsed = parseCompoundMessage(ST017_UDI);
    expect(
      parsed.messages.map((message) => (message.structure === 'other' ? message.number : message.structure)),
    ).toEqual(['034', '032', 'donation_identification_number', '004', '008', '035']);
  });

  it.each([
    {
      data: '=+03000=G12341765432100=<E1234V00',
      code: 'compound_count_mismatch',
      says: 'announces 3 data structures but holds 2',
    },
    { data: '=+00000', code: 'compound_count_mismatch', says: 'announces 0' },
    { data: '=+0100=<E1234V00', code: 'invalid_character', says: 'header is "=+" and 5 digits' },
    { data: '=+010', code: 'wrong_length', says: 'header' },
    { data: '=+01000=<E1234V0', code: 'wrong_length', says: 'Product Code (003) at position 8 is cut short' },
    { data: '=+02000=<E1234V00=+01000', code: 'not_allowed_in_compound', says: 'cannot contain another compound' },
    { data: '=+01000&a1234', code: 'unknown_data_identifier', says: 'nationally or locally defined' },
    { data: '=+01000X1234', code: 'missing_data_identifier', says: 'starts with "=" or "&"' },
    {
      data: '=+01000=G12341765432167',
      code: 'type3_flag_mismatch',
      says: 'Part 1 of the compound message (Donation Identification Number): Type 3 flag 67',
    },
    {
      data: '=+02000=<E1234V00&>0253662359',
      code: 'invalid_date',
      says: 'Part 2 of the compound message (Expiration Date and Time): Expiry day 366',
    },
    { data: '=+01000&$01', code: 'wrong_length', says: 'Dimensions (029)' },
  ])('$data → $code', ({ data, code, says }) => {
    expect(() => parseCompoundMessage(data)).toThrow(
      expect.objectContaining({ code, message: expect.stringContaining(says) }),
    );
  });
});

describe('buildCompoundMessage', () => {
  it('joins structures behind =+aabbb (ST-001 v6.2.2 §2.4.23)', () => {
    expect(buildCompoundMessage(['=G12341765432100', '=<S1234A00', '&>0183652359', '&/CHA999926000001'])).toBe(
      '=+04000=G12341765432100=<S1234A00&>0183652359&/CHA999926000001',
    );
  });

  it('rebuilds the ST-012 example from its parts', () => {
    const parts = [
      '=Z54991712345600',
      '=%T300',
      '=<T0416003',
      '&>0183652359',
      '&,4PL001499Z549917123456A00T041600320181231',
    ];
    expect(buildCompoundMessage(parts)).toBe(ST012_SYMBOL_1);
  });

  it.each([
    { parts: [], code: 'invalid_argument' },
    { parts: ['=G12341765432100=<S1234A00'], code: 'invalid_argument' },
    { parts: ['=+01000=<S1234A00'], code: 'invalid_argument' },
    { parts: ['=+01000'], code: 'not_allowed_in_compound' },
    { parts: ['=G12341765432167'], code: 'type3_flag_mismatch' },
    { parts: ['G123417654321A'], code: 'missing_data_identifier' },
  ])('refuses $parts ($code)', ({ parts, code }) => {
    expect(() => buildCompoundMessage(parts)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a sequence reference that is not 3 digits', () => {
    expect(() => buildCompoundMessage(['=<S1234A00'], '12')).toThrow(
      expect.objectContaining({ code: 'invalid_argument' }),
    );
  });

  it('property: any list of valid structures survives build → parse', () => {
    const structure = fc.oneof(
      arbitraryDinParts.map((parts) => formatDinDataStructure(formatDin(parts), 'type3')),
      arbitraryCoiParts.map((parts) => formatCoiDataStructure(formatCoi(parts))),
      fc.constantFrom('=<S1234A00', '=<T1295003', '&>0183652359', '=%T300', '=,000025'),
    );
    fc.assert(
      fc.property(fc.array(structure, { minLength: 1, maxLength: 12 }), (parts) => {
        const parsed = parseCompoundMessage(buildCompoundMessage(parts));
        expect(parsed.messages).toEqual(parts.map((part) => parseScan(part)));
      }),
    );
  });
});

describe('data structure index (ST-001 v6.2.2 Table 2 [RT003])', () => {
  it.each([
    ['=G12341765432100', '001'],
    ['=%T300', '002'],
    ['=<E1234V00', '003'],
    ['&>0183652359', '005'],
    ['=+05000', '023'],
    ['=/A9997AB3456T0123', '034'], // ST-001 §2.4.34 Figure 9 content
    ['&,1000000000000XYZ123', '035'],
    ['&/CHA999926000001', '040'],
  ])('%s is data structure %s', (data, number) => {
    expect(identifyDataStructure(data).number).toBe(number);
    expect(splitDataStructures(data)).toHaveLength(1);
  });

  it('reads variable lengths from their counts (025, 029, 030)', () => {
    const patientId = '&#0105AB123'; // aa = 01, ll = 05, then 5 characters
    const dimensions = `&$02${'01000100100200'.repeat(2)}`; // nn = 02 segments of 14
    const antigens = `&%001${'0010010101'}`; // nnn = 001 segment of 10
    expect(splitDataStructures(patientId + dimensions + antigens).map((segment) => segment.definition.number)).toEqual([
      '025',
      '029',
      '030',
    ]);
  });
});

describe('dinOfScan', () => {
  it('finds the DIN alone or inside a compound message, and nothing in a scan without one', () => {
    expect(dinOfScan(parseScan('=G12341765432100'))).toBe('G123417654321');
    expect(dinOfScan(parseScan(ST012_SYMBOL_1))).toBe('Z549917123456');
    expect(dinOfScan(parseScan('&/CHA999926000001'))).toBeUndefined();
  });
});
