/**
 * Translated one-line summary of a timeline item, built from its details for the kinds the web app knows;
 * other kinds (added by later server modules) fall back to the server's English summary.
 */
import type { TFunction } from 'i18next';
import type { TimelineItem } from '../../api/types';

const REQUIRED: Record<string, string[]> = {
  order_created: ['coi', 'subjectCode', 'studyCode'],
  collection: ['type', 'din', 'checkCharacter'],
  custody: ['type'],
  custody_exception: ['type', 'scannedDin', 'din'],
  manufacturing_started: ['batchNumber', 'product'],
  manufacturing_completed: ['batchNumber'],
  release: ['decision', 'certifier'],
  temperature_excursion: ['number', 'extremeC', 'durationMinutes'],
  bedside_verification: ['verifiedBy', 'secondVerifier'],
  infusion: ['carPositiveCells', 'cellsPerKg'],
};

/** Doses read as multiples of 10⁶ cells, as on the infusion form and the label. */
const millions = (cells: string) => String(Math.round((Number(cells) / 1e6) * 100) / 100);

/** Detail keys not worth a line of their own: internal ids and what the summary already says. */
export function isShownDetail(kind: string, key: string): boolean {
  if (/Id$/.test(key) || key === 'id') return false;
  return !(kind === 'collection' && key === 'checkCharacter') && !(key === 'type' && kind in REQUIRED);
}

export function timelineSummary(item: TimelineItem, t: TFunction): string {
  const required = REQUIRED[item.kind];
  const details = item.details ?? {};
  if (!required || !required.every((k) => details[k] !== undefined && details[k] !== null)) return item.summary;
  const values = Object.fromEntries(required.map((k) => [k, String(details[k])]));
  if (values.type) {
    const group = item.kind === 'collection' ? 'collectionType' : 'custodyType';
    values.type = t(`${group}.${values.type}`, { defaultValue: values.type });
  }
  if (values.decision) values.decision = t(`release.decision.${values.decision}`, { defaultValue: values.decision });
  if (item.kind === 'infusion') {
    values.carPositiveCells = millions(values.carPositiveCells!);
    values.cellsPerKg = millions(values.cellsPerKg!);
  }
  return t(`timelineSummary.${item.kind}`, values);
}
