/**
 * The index of ISBT 128 data structures (ST-001 v6.2.2 Table 2 [RT003] and §2.4.1–2.4.40): data
 * identifier and content length of each. Lengths are what lets a reader cut a compound message or
 * a concatenated scan into its structures, since ISBT 128 puts no separators between them.
 */

import { Isbt128Error, quote } from './errors';

export interface DataStructureDefinition {
  /** ICCBBA number, e.g. `001`. */
  readonly number: string;
  readonly name: string;
  /** `=` for the DIN (whose second identifier character is also its first data character). */
  readonly dataIdentifier: string;
  /** Fixed content length, or a reader for variable-length structures (null = unreadable count). */
  readonly contentLength: number | ((content: string) => number | null);
}

/** One data structure found in a string. */
export interface DataStructureSegment {
  readonly definition: DataStructureDefinition;
  readonly dataIdentifier: string;
  readonly content: string;
}

const counted = (countDigits: number, header: number, segment: number) => (content: string) => {
  const count = content.slice(header - countDigits, header);
  return /^\d+$/.test(count) && count.length === countDigits ? header + Number(count) * segment : null;
};

const DEFINITIONS: readonly DataStructureDefinition[] = [
  { number: '001', name: 'Donation Identification Number', dataIdentifier: '=', contentLength: 15 },
  { number: '002', name: 'Blood Groups [ABO and RhD]', dataIdentifier: '=%', contentLength: 4 },
  { number: '003', name: 'Product Code', dataIdentifier: '=<', contentLength: 8 },
  { number: '004', name: 'Expiration Date', dataIdentifier: '=>', contentLength: 6 },
  { number: '005', name: 'Expiration Date and Time', dataIdentifier: '&>', contentLength: 10 },
  { number: '006', name: 'Collection Date', dataIdentifier: '=*', contentLength: 6 },
  { number: '007', name: 'Collection Date and Time', dataIdentifier: '&*', contentLength: 10 },
  { number: '008', name: 'Production Date', dataIdentifier: '=}', contentLength: 6 },
  { number: '009', name: 'Production Date and Time', dataIdentifier: '&}', contentLength: 10 },
  { number: '010', name: 'Special Testing: General', dataIdentifier: '&(', contentLength: 5 },
  {
    number: '011',
    name: 'Special Testing: Red Blood Cell Antigens [RETIRED]',
    dataIdentifier: '={',
    contentLength: 18,
  },
  {
    number: '012',
    name: 'Special Testing: Red Blood Cell Antigens — General',
    dataIdentifier: '=\\',
    contentLength: 18,
  },
  {
    number: '013',
    name: 'Special Testing: Red Blood Cell Antigens — Finnish',
    dataIdentifier: '&\\',
    contentLength: 18,
  },
  {
    number: '014',
    name: 'Special Testing: Platelet HLA and Platelet Specific Antigens',
    dataIdentifier: '&{',
    contentLength: 18,
  },
  { number: '015', name: 'Special Testing: HLA-A and -B Alleles [RETIRED]', dataIdentifier: '=[', contentLength: 18 },
  { number: '016', name: 'Special Testing: HLA-DRB1 Alleles [RETIRED]', dataIdentifier: '="', contentLength: 18 },
  { number: '017', name: 'Container Manufacturer and Catalog Number', dataIdentifier: '=)', contentLength: 10 },
  { number: '018', name: 'Container Lot Number', dataIdentifier: '&)', contentLength: 10 },
  { number: '019', name: 'Donor Identification Number', dataIdentifier: '=;', contentLength: 21 },
  { number: '020', name: 'Staff Member Identification Number', dataIdentifier: "='", contentLength: 11 },
  {
    number: '021',
    name: 'Manufacturer and Catalog Number: Items Other Than Containers',
    dataIdentifier: '=-',
    contentLength: 10,
  },
  { number: '022', name: 'Lot Number: Items Other Than Containers', dataIdentifier: '&-', contentLength: 10 },
  { number: '023', name: 'Compound Message', dataIdentifier: '=+', contentLength: 5 },
  { number: '024', name: 'Patient Date of Birth', dataIdentifier: '=#', contentLength: 10 },
  // aa location + ll length + ll characters
  { number: '025', name: 'Patient Identification Number', dataIdentifier: '&#', contentLength: counted(2, 4, 1) },
  { number: '026', name: 'Expiration Month and Year', dataIdentifier: '=]', contentLength: 6 },
  { number: '027', name: 'Transfusion Transmitted Infection Marker', dataIdentifier: '&"', contentLength: 18 },
  { number: '028', name: 'Product Consignment', dataIdentifier: '=$', contentLength: 16 },
  // nn segments of aa bbbb ccccc d ee (14 characters)
  { number: '029', name: 'Dimensions', dataIdentifier: '&$', contentLength: counted(2, 2, 14) },
  // nnn segments of pppppp rr ss (10 characters)
  {
    number: '030',
    name: 'Red Cell Antigens with Test History',
    dataIdentifier: '&%',
    contentLength: counted(3, 3, 10),
  },
  { number: '031', name: 'Flexible Date and Time', dataIdentifier: '=(', contentLength: 16 },
  { number: '032', name: 'Product Divisions', dataIdentifier: '=,', contentLength: 6 },
  { number: '033', name: 'Processing Facility Information Code', dataIdentifier: '&+', contentLength: 11 },
  { number: '034', name: 'Processor Product Identification Code', dataIdentifier: '=/', contentLength: 16 },
  { number: '035', name: 'MPHO Lot Number', dataIdentifier: '&,1', contentLength: 18 },
  { number: '036', name: 'MPHO Supplemental Identification Number', dataIdentifier: '&,2', contentLength: 18 },
  {
    number: '037',
    name: 'Global Registration Identifier for Donors [RETIRED]',
    dataIdentifier: '&,3',
    contentLength: 19,
  },
  { number: '038', name: 'Single European Code', dataIdentifier: '&,4', contentLength: 40 },
  { number: '039', name: 'Global Registration Identifier for Donors', dataIdentifier: '&:', contentLength: 19 },
  { number: '040', name: 'Chain of Identity Identifier', dataIdentifier: '&/', contentLength: 15 },
];

const [DIN_DEFINITION, ...OTHER_DEFINITIONS] = DEFINITIONS as [DataStructureDefinition, ...DataStructureDefinition[]];
const BY_IDENTIFIER = new Map(OTHER_DEFINITIONS.map((definition) => [definition.dataIdentifier, definition]));

/** Every ICCBBA-defined data structure, in number order. */
export function dataStructureDefinitions(): readonly DataStructureDefinition[] {
  return DEFINITIONS;
}

/**
 * The data structure whose data identifier starts `text` at `offset`, or throws a typed error
 * (`positionOffset` is added to positions quoted in the message).
 * @example identifyDataStructure('=<E1234V00').number // '003'
 */
export function identifyDataStructure(text: string, offset = 0, positionOffset = 0): DataStructureDefinition {
  const first = text.charAt(offset);
  const second = text.charAt(offset + 1);
  if (first !== '=' && first !== '&') {
    throw new Isbt128Error(
      'missing_data_identifier',
      `ISBT 128 data starts with "=" or "&"; found ${quote(text.slice(offset, offset + 2))} at position ${positionOffset + offset + 1}`,
    );
  }
  // The DIN is the one structure whose second identifier character is data (ST-001 §2.1).
  if (first === '=' && /^[A-NP-Z1-9]$/.test(second)) return DIN_DEFINITION;
  if (first === '=' && /^[a-np-z]$/.test(second)) {
    throw new Isbt128Error(
      'lowercase',
      `A DIN starts with "=" and a capital letter; got ${quote(first + second)}`,
      'fin',
    );
  }
  const definition = BY_IDENTIFIER.get(first + second) ?? BY_IDENTIFIER.get(text.slice(offset, offset + 3));
  if (definition) return definition;
  throw new Isbt128Error('unknown_data_identifier', unknownIdentifierMessage(text.slice(offset, offset + 2)));
}

/**
 * Cuts a string of back-to-back data structures (compound message body or concatenated scan)
 * into segments, by each structure's defined length. `positionOffset` is added to positions in
 * messages, for text that was cut from a longer scan.
 */
export function splitDataStructures(text: string, positionOffset = 0): DataStructureSegment[] {
  const segments: DataStructureSegment[] = [];
  for (let offset = 0; offset < text.length;) {
    const segment = readSegment(text, offset, positionOffset);
    segments.push(segment);
    offset += segment.dataIdentifier.length + segment.content.length;
  }
  return segments;
}

function readSegment(text: string, offset: number, positionOffset: number): DataStructureSegment {
  const definition = identifyDataStructure(text, offset, positionOffset);
  const dataIdentifier = definition.dataIdentifier;
  const rest = text.slice(offset + dataIdentifier.length);
  const length =
    typeof definition.contentLength === 'number' ? definition.contentLength : definition.contentLength(rest);
  if (length === null || rest.length < length) {
    const expected = length === null ? 'its length count is unreadable' : `it needs ${length} characters`;
    throw new Isbt128Error(
      'wrong_length',
      `The ${definition.name} (${definition.number}) at position ${positionOffset + offset + 1} is cut short: ` +
        `${expected}, ${rest.length} remain`,
    );
  }
  return { definition, dataIdentifier, content: rest.slice(0, length) };
}

function unknownIdentifierMessage(identifier: string): string {
  if (/^&[a-z;!]$/.test(identifier)) {
    return `Data identifier ${quote(identifier)} is reserved for nationally or locally defined structures, which Hepatica does not read`;
  }
  if (identifier === '=O' || identifier === '=0') {
    return `Data identifier ${quote(identifier)} is not ISBT 128: a DIN never starts with the letter O or the digit 0`;
  }
  return `Data identifier ${quote(identifier)} is not an ISBT 128 data structure`;
}
