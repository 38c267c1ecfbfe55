/**
 * ISBT 128 (ICCBBA ST-001) for Hepatica: check characters, DIN, chain of identity identifier,
 * product code, expiry, compound messages, and `parseScan` for whatever a scanner or person sends.
 */

export { Isbt128Error, type Isbt128ErrorCode } from './errors';
export {
  MOD37_2_ALPHABET,
  characterForValue,
  characterValue,
  checkCharacterValue,
  computeCheckCharacter,
  verifyCheckCharacter,
} from './mod37-2';
export {
  DIN_LENGTH,
  formatDin,
  formatDinDataStructure,
  parseDin,
  validateDin,
  validateFin,
  type DinParts,
  type ParsedDin,
} from './din';
export { checkFlags, describeFlags, type3Flags, type FlagDescription, type FlagType } from './flags';
export {
  COI_DATA_IDENTIFIER,
  COI_LENGTH,
  formatCoi,
  formatCoiDataStructure,
  parseCoi,
  validateCoi,
  type ParsedCoi,
} from './coi';
export {
  PRODUCT_CODE_DATA_IDENTIFIER,
  formatProductCode,
  formatProductCodeDataStructure,
  parseProductCode,
  productCategory,
  validateProductCode,
  type ParsedProductCode,
  type ProductCategory,
} from './product-code';
export {
  END_OF_DAY,
  EXPIRY_DATA_IDENTIFIER,
  expiryToInstant,
  formatExpiry,
  formatExpiryDataStructure,
  isLeapYear,
  parseExpiry,
  validateExpiry,
  type ParsedExpiry,
} from './expiry';
export {
  dataStructureDefinitions,
  identifyDataStructure,
  splitDataStructures,
  type DataStructureDefinition,
  type DataStructureSegment,
} from './data-structures';
export { COMPOUND_DATA_IDENTIFIER, buildCompoundMessage, parseCompoundMessage } from './compound';
export { dinOfScan, parseScan } from './parse';
export type {
  CoiScan,
  CompoundScan,
  DinScan,
  ExpirationScan,
  OtherStructureScan,
  ParseOptions,
  ProductCodeScan,
  ScanResult,
  SingleStructureScan,
} from './scan-types';
