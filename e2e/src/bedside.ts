/**
 * What the ward and the packing bench hold in their hands, for the browser tests: the product bag's
 * barcodes (composed with the core ISBT 128 functions, as the shipments tests do), the dry shipper's
 * data-logger file, and times typed into `datetime-local` fields in the site's zone.
 */
import { buildCompoundMessage, formatCoiDataStructure, formatDinDataStructure } from '@hepatica/core';

/** The bag label's linear DIN barcode (data structure 001), scanned when packing and receiving. */
export const dinBarcode = (din: string) => formatDinDataStructure(din, '00');

/** The bag label's DataMatrix: DIN and chain of identity in one compound message, scanned at the bedside. */
export const labelDataMatrix = (din: string, coi: string) =>
  buildCompoundMessage([formatDinDataStructure(din, '00'), formatCoiDataStructure(coi)]);

/** A logger export every 10 minutes from its start in the charged dry shipper until `end`, all in LN2 vapour. */
export function loggerCsv(end: Date, temperaturesC: number[]): string {
  const step = 10 * 60_000;
  const rows = temperaturesC.map((c, i) => {
    const at = new Date(end.getTime() - (temperaturesC.length - 1 - i) * step);
    return `${at.toISOString().replace(/\.\d{3}Z$/, 'Z')},${c}`;
  });
  return ['at,temperatureC', ...rows].join('\n');
}

/** `YYYY-MM-DDTHH:mm` of an instant on the site's wall clock, as a person types it into a datetime-local field. */
export function siteMinute(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}
