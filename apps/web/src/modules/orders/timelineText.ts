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
};

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
  return t(`timelineSummary.${item.kind}`, values);
}
