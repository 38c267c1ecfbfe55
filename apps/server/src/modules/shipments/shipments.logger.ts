/**
 * The data logger that travelled in the dry shipper: its series is stored once, judged against the
 * product's storage range, and any excursion opens a deviation on the batch in the same transaction
 * (as an EM action excursion does), so a product that warmed up cannot reach a patient unnoticed.
 */
import {
  checkReadings,
  detectExcursions,
  parseLoggerCsv,
  sortReadings,
  type ExcursionSummary,
  type Reading,
  type ReadingError,
} from '@hepatica/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { currentActor, requireUserActor } from '../../platform/context';
import { conflict, unprocessable } from '../../platform/errors';
import { write, type Writer } from '../../platform/write';
import { openDeviation } from '../quality/deviations.service';
import { shipmentLoggerUploads, shipments } from './shipments.tables';

type Shipment = typeof shipments.$inferSelect;

export interface LoggerUpload {
  loggerId: string;
  readings?: Reading[] | undefined;
  csv?: string | undefined;
}

function readingsOf(input: LoggerUpload): Reading[] {
  const parsed =
    input.csv !== undefined
      ? parseLoggerCsv(input.csv)
      : { readings: input.readings ?? [], errors: checkReadings(input.readings ?? []) };
  if (!parsed.errors.length) return parsed.readings;
  const path = input.csv !== undefined ? 'body.csv' : 'body.readings';
  throw unprocessable(
    `The logger file cannot be read: ${describe(parsed.errors.slice(0, 5), input.csv !== undefined)}. Correct the file and upload it again; nothing was stored.`,
    {
      code: 'shipment.logger_invalid',
      params: { count: parsed.errors.length },
      errors: parsed.errors
        .slice(0, 50)
        .map((e) => ({
          path: e.line > 0 ? `${path}.${input.csv !== undefined ? 'line' : 'item'}${e.line}` : path,
          message: e.message,
        })),
    },
  );
}

function describe(errors: ReadingError[], csv: boolean): string {
  return errors.map((e) => (e.line > 0 ? `${csv ? 'line' : 'reading'} ${e.line}: ${e.message}` : e.message)).join('; ');
}

const rangeText = (s: Shipment) =>
  s.rangeMinC === null ? `≤ ${s.rangeMaxC} °C` : `${s.rangeMinC} to ${s.rangeMaxC} °C`;

export async function uploadLogger(db: Db, shipmentId: string, input: LoggerUpload): Promise<void> {
  requireUserActor();
  const readings = sortReadings(readingsOf(input));
  await write(db, async (w) => {
    const shipment = await w.lockById(shipments, shipmentId, 'Shipment');
    const [already] = await w.tx
      .select({ loggerId: shipmentLoggerUploads.loggerId })
      .from(shipmentLoggerUploads)
      .where(eq(shipmentLoggerUploads.shipmentId, shipmentId));
    if (already) {
      throw conflict(
        `The readings of logger ${already.loggerId} are already stored for shipment ${shipment.number}; a logger record is not replaced.`,
        {
          code: 'shipment.logger_uploaded',
          params: { number: shipment.number, loggerId: already.loggerId },
        },
      );
    }
    const summary = detectExcursions(readings, { minC: shipment.rangeMinC, maxC: shipment.rangeMaxC });
    const deviation = summary.excursions.length
      ? await openLoggerDeviation(w, shipment, input.loggerId, summary)
      : null;
    await w.insert(shipmentLoggerUploads, 'shipment_logger_upload', {
      shipmentId,
      loggerId: input.loggerId,
      readings,
      summary,
      deviationId: deviation?.id ?? null,
      uploadedBy: currentActor().username,
      uploadedAt: new Date(),
    });
  });
}

function openLoggerDeviation(w: Writer, s: Shipment, loggerId: string, summary: ExcursionSummary) {
  return openDeviation(w, {
    title: `Temperature excursion in shipment ${s.number}: up to ${summary.extremeC} °C for ${summary.durationMinutes} min`,
    description:
      `Logger ${loggerId} in dry shipper ${s.shipperId} recorded ${summary.excursions.length} excursion(s) outside the storage range ${rangeText(s)} (${s.rangeBasis}): ` +
      `first out of range at ${summary.firstOutAt}, last at ${summary.lastOutAt}, ${summary.durationMinutes} min in total, extreme ${summary.extremeC} °C. ` +
      'Opened automatically when the logger readings were uploaded; assess the product before infusion.',
    severity: 'major',
    source: 'shipment_temperature',
    batchId: s.batchId,
  });
}

/** A temperature read on arrival or in storage outside the range opens a deviation too. */
export function openReadingDeviation(w: Writer, s: Shipment, what: string, temperatureC: number) {
  return openDeviation(w, {
    title: `Temperature excursion in shipment ${s.number}: ${temperatureC} °C ${what}`,
    description: `The product was at ${temperatureC} °C ${what}, outside its storage range ${rangeText(s)} (${s.rangeBasis}). Opened automatically when the temperature was recorded; assess the product before infusion.`,
    severity: 'major',
    source: 'shipment_temperature',
    batchId: s.batchId,
  });
}
