/**
 * Vein-to-vein time: from the patient's collection (the cells leave the vein) to the infusion (they
 * return). The path is cut into legs between milestones so a center sees where the days go; a leg
 * whose two ends are not both known yet has no duration. The total is collection → infusion.
 */

export const VEIN_TO_VEIN_MILESTONES = [
  'collection',
  'manufacturing_started',
  'manufacturing_completed',
  'release',
  'shipment',
  'receipt',
  'infusion',
] as const;
export type VeinToVeinMilestone = (typeof VEIN_TO_VEIN_MILESTONES)[number];

export const VEIN_TO_VEIN_LEGS = [
  { key: 'to_manufacturing', from: 'collection', to: 'manufacturing_started' },
  { key: 'manufacturing', from: 'manufacturing_started', to: 'manufacturing_completed' },
  { key: 'qc_release', from: 'manufacturing_completed', to: 'release' },
  { key: 'awaiting_shipment', from: 'release', to: 'shipment' },
  { key: 'transport', from: 'shipment', to: 'receipt' },
  { key: 'at_site', from: 'receipt', to: 'infusion' },
] as const satisfies readonly { key: string; from: VeinToVeinMilestone; to: VeinToVeinMilestone }[];
export type VeinToVeinLegKey = (typeof VEIN_TO_VEIN_LEGS)[number]['key'];

export interface VeinToVeinLeg {
  readonly key: VeinToVeinLegKey;
  readonly from: VeinToVeinMilestone;
  readonly to: VeinToVeinMilestone;
  readonly startAt: string | null;
  readonly endAt: string | null;
  /** Whole minutes; null until both ends are known. */
  readonly durationMinutes: number | null;
}

export interface VeinToVein {
  readonly legs: VeinToVeinLeg[];
  /** Collection to infusion in whole minutes; null before the infusion. */
  readonly totalMinutes: number | null;
}

const minutes = (from: string | null, to: string | null) =>
  from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 60_000) : null;

/**
 * @example veinToVein({ collection: '2026-05-01T00:00:00Z', infusion: '2026-05-21T00:00:00Z' }).totalMinutes // 28800
 */
export function veinToVein(milestones: Partial<Record<VeinToVeinMilestone, string | null>>): VeinToVein {
  const at = (m: VeinToVeinMilestone) => milestones[m] ?? null;
  return {
    legs: VEIN_TO_VEIN_LEGS.map((l) => ({
      key: l.key,
      from: l.from,
      to: l.to,
      startAt: at(l.from),
      endAt: at(l.to),
      durationMinutes: minutes(at(l.from), at(l.to)),
    })),
    totalMinutes: minutes(at('collection'), at('infusion')),
  };
}
