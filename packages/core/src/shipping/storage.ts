/**
 * Storage and transport temperature ranges per product type. A shipment captures the range of its
 * product when it is created, and the data logger's readings are judged against that range.
 *
 * Sources (the manufacturers' labelling, "How supplied / storage and handling"):
 * - Autologous CAR-T, cryopreserved: vapour phase of liquid nitrogen at ≤ −150 °C — Yescarta
 *   (axicabtagene ciloleucel) USPI §16.2 and Breyanzi (lisocabtagene maraleucel) USPI §16.2,
 *   "Store … in the vapor phase of liquid nitrogen at less than or equal to minus 150°C".
 *   Kymriah allows ≤ −120 °C; we take the stricter limit, which every CAR-T label satisfies.
 * - Allogeneic MSC, cryopreserved: vapour phase of liquid nitrogen at ≤ −135 °C — Ryoncil
 *   (remestemcel-L) USPI §16.2.
 * - Viral vector (AAV, lentiviral), frozen: ≤ −60 °C — Zolgensma (onasemnogene abeparvovec) USPI
 *   §16.2, "shipped frozen (≤ −60 °C)".
 * A range has no lower limit: colder than the limit is always acceptable in LN2 vapour (≈ −196 °C).
 */

export const STORAGE_PRODUCT_TYPES = ['autologous', 'allogeneic', 'vector'] as const;
export type StorageProductType = (typeof STORAGE_PRODUCT_TYPES)[number];

export interface TemperatureRange {
  /** Lowest acceptable temperature, °C, inclusive; null when any colder temperature is acceptable. */
  readonly minC: number | null;
  /** Highest acceptable temperature, °C, inclusive. */
  readonly maxC: number;
  /** What the range is and where it comes from, printed on the shipment. */
  readonly basis: string;
}

export const STORAGE_RANGES: Readonly<Record<StorageProductType, TemperatureRange>> = {
  autologous: {
    minC: null,
    maxC: -150,
    basis: 'Cryopreserved CAR-T: LN2 vapour phase ≤ −150 °C (Yescarta, Breyanzi USPI §16.2)',
  },
  allogeneic: { minC: null, maxC: -135, basis: 'Cryopreserved MSC: LN2 vapour phase ≤ −135 °C (Ryoncil USPI §16.2)' },
  vector: { minC: null, maxC: -60, basis: 'Frozen viral vector: ≤ −60 °C (Zolgensma USPI §16.2)' },
};

/** The storage range of a product type. */
export function storageRangeFor(productType: StorageProductType): TemperatureRange {
  return STORAGE_RANGES[productType];
}

/** True when the temperature is inside the range; the limits themselves are inside. */
export function withinRange(temperatureC: number, range: Pick<TemperatureRange, 'minC' | 'maxC'>): boolean {
  return temperatureC <= range.maxC && (range.minC === null || temperatureC >= range.minC);
}
