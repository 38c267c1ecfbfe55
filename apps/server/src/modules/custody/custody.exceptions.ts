/**
 * A refused scan is kept as a custody exception: written in its own audited transaction (the request
 * itself changes nothing), then answered with the 409. The exception keeps the problem's code and
 * params beside its English detail, so every screen can word it in the reader's language.
 */
import type { Db } from '../../db/client';
import { currentActor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { write } from '../../platform/write';
import { custodyExceptions } from './custody.tables';

export interface Refusal {
  din: string;
  /** What the scanner read, as typed (kept to 64 characters). */
  scanned: string;
  /** The custody step the scan was for: receipt, storage, shipment, infusion … */
  type: string;
  detail: string;
  code: string;
  params: Record<string, string>;
}

export async function refuseAndLog(db: Db, r: Refusal): Promise<never> {
  await write(db, (w) =>
    w.insert(custodyExceptions, 'custody_exception', {
      din: r.din,
      scannedDin: r.scanned.trim().slice(0, 64),
      type: r.type,
      detail: r.detail,
      code: r.code,
      params: r.params,
      recordedBy: currentActor().username,
    }),
  );
  throw conflict(r.detail, { code: r.code, params: r.params, extensions: r.params });
}

/** The wrong bag scanned where another was expected: the same words wherever it happens. */
export function refuseWrongBag(db: Db, input: { din: string; scanned: string; scannedDin: string; type: string }): Promise<never> {
  const { din, scannedDin } = input;
  const detail = `The scanned bag (DIN ${scannedDin}) is not the bag being recorded (DIN ${din}). Nothing was recorded; check that you hold the right bag. This mismatch has been logged.`;
  return refuseAndLog(db, { din, scanned: input.scanned, type: input.type, detail, code: 'custody.scan_mismatch', params: { din, scannedDin } });
}
