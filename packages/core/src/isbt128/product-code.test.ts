import { describe, expect, it } from 'vitest';
import {
  formatProductCode,
  formatProductCodeDataStructure,
  parseProductCode,
  productCategory,
  validateProductCode,
} from './product-code';

describe('parseProductCode', () => {
  it.each([
    // ST-001 v6.2.2 §2 Figure 1: "=<E1234V00" (blood: t = V, ds = 00).
    { code: 'E1234V00', pdc: 'E1234', category: 'blood', typeOfDonation: 'V', division: '00' },
    // ST-001 §2.4.3 Figure 3: "S12954A0" — PDC S1295, collection type 4, division A0.
    { code: 'S12954A0', pdc: 'S1295', category: 'cellular_therapy', typeOfDonation: '4', division: 'A0' },
    // ST-001 §2.4.3 Figure 4: "T1295003" — tissue, 3-digit division 003.
    { code: 'T1295003', pdc: 'T1295', category: 'tissue', typeOfDonation: null, division: '003' },
    // ST-001 Appendix C Figure 20 (E4306V00), Figure 22 (V0006000), Figure 23 (M0001013).
    { code: 'E4306V00', pdc: 'E4306', category: 'blood', typeOfDonation: 'V', division: '00' },
    { code: 'V0006000', pdc: 'V0006', category: 'ocular_tissue', typeOfDonation: null, division: '000' },
    { code: 'M0001013', pdc: 'M0001', category: 'other_therapies', typeOfDonation: null, division: '013' },
    // ST-012 v1.4.0 §6.2 DataMatrix example: "=<T0416003".
    { code: 'T0416003', pdc: 'T0416', category: 'tissue', typeOfDonation: null, division: '003' },
    // ST-001 §2.4.3: d is a capital, s a lower-case letter; ST-012 Figure 7 uses division "Ab".
    { code: 'S1416AAb', pdc: 'S1416', category: 'cellular_therapy', typeOfDonation: 'A', division: 'Ab' },
    // ST-001 §2.4.3: X0 (plasma derivatives) uses t + ds; X1–X9 reserve tds as 000.
    { code: 'X0001A00', pdc: 'X0001', category: 'other_blood', typeOfDonation: 'A', division: '00' },
    { code: 'X5001000', pdc: 'X5001', category: 'other_blood', typeOfDonation: null, division: '000' },
    // ST-001 §2.4.3: YA–YZ clinical trials use t + ds; A–D national/local codes keep tds whole.
    { code: 'YA001V00', pdc: 'YA001', category: 'clinical_trial', typeOfDonation: 'V', division: '00' },
    { code: 'DAX12A01', pdc: 'DAX12', category: 'national_or_local', typeOfDonation: null, division: 'A01' },
  ])('$code', ({ code, pdc, category, typeOfDonation, division }) => {
    expect(parseProductCode(code)).toEqual({
      productCode: code,
      productDescriptionCode: pdc,
      category,
      typeOfDonation,
      division,
    });
  });
});

describe('validateProductCode', () => {
  // Character sets and category rules from ST-001 v6.2.2 §2.4.3.
  it.each([
    { code: 'E1234V0', code_: 'wrong_length', field: undefined },
    { code: 'E1234V000', code_: 'wrong_length', field: undefined },
    { code: 'e1234V00', code_: 'lowercase', field: 'productDescriptionCode' },
    { code: '11234V00', code_: 'invalid_character', field: 'productDescriptionCode' },
    { code: 'E12$4V00', code_: 'invalid_character', field: 'productDescriptionCode' },
    { code: 'E1234-00', code_: 'invalid_character', field: 'typeOfDonation' },
    { code: 'E1234Va0', code_: 'lowercase', field: 'division' },
    { code: 'E1234V0A', code_: 'invalid_character', field: 'division' },
    { code: 'T1295A03', code_: 'invalid_character', field: 'division' },
    { code: 'X1234001', code_: 'invalid_character', field: 'division' },
  ])('$code → $code_', ({ code, code_, field }) => {
    expect(validateProductCode(code)).toMatchObject({ code: code_, field });
  });
});

describe('productCategory', () => {
  it.each([
    ['A0000', 'national_or_local'],
    ['F1234', 'blood'],
    ['H0001', 'inn_usan'],
    ['N0001', 'organ'],
    ['P0001', 'regenerated_tissue'],
    ['R0001', 'reproductive'],
    ['S1234', 'cellular_therapy'],
    ['W0001', 'fecal_microbiota'],
    ['Y1234', 'unassigned'],
    ['G1234', 'unassigned'],
  ] as const)('%s → %s', (pdc, category) => {
    expect(productCategory(pdc)).toBe(category);
  });
});

describe('formatProductCode', () => {
  it.each([
    { parts: { productDescriptionCode: 'S1295', typeOfDonation: '4', division: 'A0' }, code: 'S12954A0' },
    { parts: { productDescriptionCode: 'T1295', division: '003' }, code: 'T1295003' },
  ])('$code', ({ parts, code }) => {
    expect(formatProductCode(parts)).toBe(code);
    expect(formatProductCodeDataStructure(code)).toBe(`=<${code}`);
  });

  it('refuses a type of donation where the category has none, and the reverse', () => {
    expect(() => formatProductCode({ productDescriptionCode: 'T1295', typeOfDonation: 'A', division: '03' })).toThrow(
      expect.objectContaining({ code: 'invalid_argument', field: 'typeOfDonation' }),
    );
    expect(() => formatProductCode({ productDescriptionCode: 'S1295', division: '000' })).toThrow(
      expect.objectContaining({ code: 'invalid_argument' }),
    );
  });
});
