/**
 * Product Code, ISBT 128 Data Structure 003 (ST-001 v6.2.2 §2.4.3): `=<` + αoooo t ds.
 * αoooo is the Product Description Code (PDC, looked up in the licensed ICCBBA database, which we
 * do not ship: sites configure their codes). How the last three characters read depends on α:
 * for blood, cellular therapy and the like, t is the type of donation (ST-001 v6 calls it the
 * Collection Type Code) and ds the division; for tissues, organs and others, tds is a 3-digit division.
 */

import { assertElements, checkElements, type ElementSpec } from './elements';
import { Isbt128Error, quote } from './errors';

export type ProductCategory =
  | 'national_or_local'
  | 'blood'
  | 'inn_usan'
  | 'other_therapies'
  | 'organ'
  | 'regenerated_tissue'
  | 'reproductive'
  | 'cellular_therapy'
  | 'tissue'
  | 'ocular_tissue'
  | 'fecal_microbiota'
  | 'other_blood'
  | 'clinical_trial'
  | 'unassigned';

export interface ParsedProductCode {
  /** The 8-character data content, e.g. `S1234A00`. */
  readonly productCode: string;
  /** αoooo, e.g. `S1234`. */
  readonly productDescriptionCode: string;
  readonly category: ProductCategory;
  /** t: type of donation / collection type, when the category uses one; otherwise null. */
  readonly typeOfDonation: string | null;
  /** ds (2 characters) after a type of donation, else tds (3 characters). `00`/`000` = not divided. */
  readonly division: string;
}

export const PRODUCT_CODE_DATA_IDENTIFIER = '=<';

/** The element table of ST-001 §2.4.3; category rules are applied on top. */
const PRODUCT_CODE_LAYOUT: readonly ElementSpec[] = [
  { field: 'productDescriptionCode', length: 1, allowed: /^[A-Z]$/, expected: 'a capital letter' },
  { field: 'productDescriptionCode', length: 4, allowed: /^[A-Z0-9]$/, expected: 'a digit or a capital letter' },
  { field: 'typeOfDonation', length: 1, allowed: /^[A-Za-z0-9]$/, expected: 'a letter or a digit' },
  { field: 'division', length: 1, allowed: /^[A-Z0-9]$/, expected: 'a capital letter or a digit' },
  { field: 'division', length: 1, allowed: /^[a-z0-9]$/, expected: 'a lower-case letter or a digit' },
];

/**
 * Category of a Product Description Code from its first character(s) (ST-001 §2.4.3 mapping table).
 * @example productCategory('S1234') // 'cellular_therapy'
 */
export function productCategory(productDescriptionCode: string): ProductCategory {
  const [first = '', second = ''] = productDescriptionCode;
  if (/^[A-D]$/.test(first)) return 'national_or_local';
  if (first === 'Y') return /^[A-Z]$/.test(second) ? 'clinical_trial' : 'unassigned';
  return FIRST_LETTER_CATEGORY[first] ?? 'unassigned';
}

const FIRST_LETTER_CATEGORY: Readonly<Record<string, ProductCategory>> = {
  E: 'blood',
  F: 'blood',
  H: 'inn_usan',
  M: 'other_therapies',
  N: 'organ',
  P: 'regenerated_tissue',
  R: 'reproductive',
  S: 'cellular_therapy',
  T: 'tissue',
  V: 'ocular_tissue',
  W: 'fecal_microbiota',
  X: 'other_blood',
};

/** Returns what is wrong with an 8-character product code, or null when it is well formed. */
export function validateProductCode(productCode: string): Isbt128Error | null {
  return checkElements(productCode, PRODUCT_CODE_LAYOUT, 'product code') ?? checkCategoryRules(productCode);
}

/**
 * Splits an 8-character product code (without `=<`).
 * @example parseProductCode('E1234V00') // { productDescriptionCode: 'E1234', typeOfDonation: 'V', division: '00', … }
 */
export function parseProductCode(productCode: string): ParsedProductCode {
  const problem = validateProductCode(productCode);
  if (problem) throw problem;
  const productDescriptionCode = productCode.slice(0, 5);
  const usesType = usesTypeOfDonation(productDescriptionCode);
  return {
    productCode,
    productDescriptionCode,
    category: productCategory(productDescriptionCode),
    typeOfDonation: usesType ? productCode.charAt(5) : null,
    division: productCode.slice(usesType ? 6 : 5),
  };
}

/**
 * Builds a product code from its parts; pass `typeOfDonation` exactly when the category uses one.
 * @example formatProductCode({ productDescriptionCode: 'S1234', typeOfDonation: 'A', division: '00' }) // 'S1234A00'
 */
export function formatProductCode(parts: {
  productDescriptionCode: string;
  typeOfDonation?: string | null;
  division: string;
}): string {
  const usesType = usesTypeOfDonation(parts.productDescriptionCode);
  const hasType = parts.typeOfDonation !== undefined && parts.typeOfDonation !== null;
  if (usesType !== hasType) {
    const needs = usesType ? 'needs a type of donation' : 'has no type of donation (its division has 3 characters)';
    throw new Isbt128Error(
      'invalid_argument',
      `Product ${quote(parts.productDescriptionCode)} ${needs}`,
      'typeOfDonation',
    );
  }
  const productCode = `${parts.productDescriptionCode}${parts.typeOfDonation ?? ''}${parts.division}`;
  assertElements(productCode, PRODUCT_CODE_LAYOUT, 'product code');
  return parseProductCode(productCode).productCode;
}

/** The bar code data of Data Structure 003: `=<` + product code. */
export function formatProductCodeDataStructure(productCode: string): string {
  return `${PRODUCT_CODE_DATA_IDENTIFIER}${parseProductCode(productCode).productCode}`;
}

/** ST-001 §2.4.3: t is a type of donation for α = E, F, H, S, P, X0 and YA–YZ. */
function usesTypeOfDonation(productDescriptionCode: string): boolean {
  const first = productDescriptionCode.charAt(0);
  if (/^[EFHSP]$/.test(first)) return true;
  if (first === 'X') return productDescriptionCode.charAt(1) === '0';
  return first === 'Y' && /^[A-Z]$/.test(productDescriptionCode.charAt(1));
}

function checkCategoryRules(productCode: string): Isbt128Error | null {
  const pdc = productCode.slice(0, 5);
  const tds = productCode.slice(5);
  // ST-001 §2.4.3: M, N, R, T, V, W carry a three-digit division; X1–X9 reserve tds as 000.
  if (/^[MNRTVW]$/.test(pdc.charAt(0)) && !/^\d{3}$/.test(tds)) {
    return new Isbt128Error(
      'invalid_character',
      `Product ${pdc} needs a 3-digit division; got ${quote(tds)}`,
      'division',
    );
  }
  if (/^X[1-9]$/.test(pdc.slice(0, 2)) && tds !== '000') {
    return new Isbt128Error('invalid_character', `Product ${pdc} must end in 000; got ${quote(tds)}`, 'division');
  }
  return null;
}
