/**
 * What `parseScan` says a scanned or typed string is: a union discriminated by `structure`.
 * The DIN and chain-of-identity shapes are fixed by the API spec (`POST /api/v1/isbt128/parse`);
 * the others follow the same style.
 */

import type { ProductCategory } from './product-code';

export interface DinScan {
  readonly structure: 'donation_identification_number';
  /** The 13-character DIN. */
  readonly din: string;
  readonly fin: string;
  readonly year: string;
  readonly sequence: string;
  /** The two flag characters; null when the input carried none (keyed entry, or a scanner that sent K instead). */
  readonly flags: string | null;
  readonly checkCharacter: string;
}

export interface CoiScan {
  readonly structure: 'chain_of_identity';
  /** The 15-character identifier, e.g. `CHA999926000001`. */
  readonly coi: string;
  readonly checkCharacter: string;
}

export interface ProductCodeScan {
  readonly structure: 'product_code';
  readonly productCode: string;
  readonly productDescriptionCode: string;
  readonly category: ProductCategory;
  readonly typeOfDonation: string | null;
  readonly division: string;
}

export interface ExpirationScan {
  readonly structure: 'expiration_date_and_time';
  /** Local date at the labelling facility, `YYYY-MM-DD`. */
  readonly date: string;
  /** Local time at the labelling facility, `HH:mm`. */
  readonly time: string;
  /** Present when a time zone was given: the instant of expiry, ISO 8601 in UTC. */
  readonly expiresAt?: string;
}

/** A valid ISBT 128 data structure that Hepatica carries along but does not interpret. */
export interface OtherStructureScan {
  readonly structure: 'other';
  /** ICCBBA data structure number, e.g. `002`. */
  readonly number: string;
  readonly name: string;
  readonly dataIdentifier: string;
  readonly content: string;
}

export type SingleStructureScan = DinScan | CoiScan | ProductCodeScan | ExpirationScan | OtherStructureScan;

export interface CompoundScan {
  readonly structure: 'compound';
  /** `000` = undefined sequence; otherwise an ICCBBA RT017 reference (its order is not checked here). */
  readonly sequenceReference: string;
  readonly messages: readonly SingleStructureScan[];
}

export type ScanResult = SingleStructureScan | CompoundScan;

export interface ParseOptions {
  /** IANA zone of the labelling facility; when given, expiry results carry `expiresAt`. */
  readonly timeZone?: string;
}
