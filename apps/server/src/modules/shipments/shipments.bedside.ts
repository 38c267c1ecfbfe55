/**
 * Bedside verification and infusion. Two people at the bedside (a nurse and a second nurse or a
 * physician, signing in at the same tablet) scan the patient's wristband and the product label:
 * the subject code, the DIN and the chain-of-identity identifier must all be the patient's. Any
 * mismatch is refused with 409 and logged as a custody exception; nothing else is written. Only
 * then is the infusion recorded, with its dose and times, as the last custody event of the chain.
 */
import { Isbt128Error, parseScan, readWristband, type ScanResult, type SingleStructureScan } from '@hepatica/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hasPermission } from '../../platform/access';
import { currentContext, requireUserActor, runWithContext, type Actor } from '../../platform/context';
import type { Problem } from '../../platform/errors';
import { conflict, notFound, unprocessable, wrongPassword } from '../../platform/errors';
import { PasswordRejected, sign } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { users } from '../identity/identity.tables';
import { actorOf } from '../identity/sessions';
import { orders } from '../orders/orders.tables';
import {
  assertNotInfused,
  assertReleased,
  checkTime,
  loadProduct,
  recordCustody,
  type Product,
} from './shipments.product';
import { refuseAndLog } from '../custody/custody.exceptions';
import { requireTreatmentConsent } from '../clinical/consent/consent.gate';
import { bedsideVerifications, infusions, shipments } from './shipments.tables';
import { getShipmentRow, signedInfusion, signedVerification } from './shipments.views';

type Shipment = typeof shipments.$inferSelect;
type UserRow = typeof users.$inferSelect;

/**
 * A verification is for the administration that follows it: after this long the two people verify
 * again (local rule; a thawed CAR-T product is infused within the hour its label allows).
 */
export const VERIFICATION_VALID_MINUTES = 60;

export interface Verification {
  wristbandScan: string;
  productScan: string;
  coiScan?: string | undefined;
  signature: { password: string };
  secondPerson: { username: string; password: string };
}

export interface NewInfusion {
  verificationId: string;
  startedAt: string;
  endedAt: string;
  dose: { carPositiveCells: number; weightKg: number; volumeMl?: number | undefined };
  location?: string | undefined;
  notes?: string | undefined;
  signature: { password: string };
}

/** The product must be at the site, certified, in date and not yet infused. */
async function checkAdministrable(db: Db, shipment: Shipment, at: Date): Promise<Product> {
  if (shipment.status === 'in_transit') {
    throw conflict(
      `Shipment ${shipment.number} has not been received at the site; receive the product (scan it in) before the bedside check.`,
      { code: 'bedside.not_received', params: { number: shipment.number } },
    );
  }
  const product = await loadProduct(db, shipment.batchId);
  assertReleased(product.batch, 'bedside.not_released');
  if (shipment.expiresAt <= at) {
    throw conflict(
      `The product of shipment ${shipment.number} expired at ${shipment.expiresAt.toISOString()}; it must not be infused. Return it to the GMP facility.`,
      {
        code: 'bedside.expired',
        params: { number: shipment.number, expiresAt: shipment.expiresAt.toISOString() },
      },
    );
  }
  await assertNotInfused(db, shipment.din);
  return product;
}

function unreadable(path: string, detail: string, code: string): Problem {
  return unprocessable(detail, { code, errors: [{ path, message: detail }] });
}

function wristbandSubject(raw: string): string {
  const read = readWristband(raw);
  if (read.ok) return read.subjectCode;
  if (read.reason === 'product_barcode')
    throw unreadable(
      'body.wristbandScan',
      "That is a product barcode; scan the patient's wristband.",
      'bedside.wristband_is_product',
    );
  throw unreadable(
    'body.wristbandScan',
    "The scan is not a wristband subject code (e.g. A9999-000001); scan the barcode on the patient's wristband.",
    'bedside.wristband_unreadable',
  );
}

function parts(raw: string, path: string): SingleStructureScan[] {
  let scan: ScanResult;
  try {
    scan = parseScan(raw);
  } catch (error) {
    if (error instanceof Isbt128Error) throw unreadable(path, error.message, `isbt128.${error.code}`);
    throw error;
  }
  return scan.structure === 'compound' ? [...scan.messages] : [scan];
}

/** The DIN and COI on the product label: from its DataMatrix, or from its DIN barcode plus its COI barcode. */
function productIdentifiers(productScan: string, coiScan: string | undefined): { din: string; coi: string } {
  const scanned = [...parts(productScan, 'body.productScan'), ...(coiScan ? parts(coiScan, 'body.coiScan') : [])];
  const din = scanned.find((s) => s.structure === 'donation_identification_number');
  const coi = scanned.find((s) => s.structure === 'chain_of_identity');
  if (!din)
    throw unreadable(
      'body.productScan',
      "No DIN was found in the product scan; scan the product label's DataMatrix or its DIN barcode.",
      'bedside.product_din_missing',
    );
  if (!coi)
    throw unreadable(
      'body.coiScan',
      "No chain-of-identity identifier was found; scan the label's DataMatrix, or also scan its COI barcode (&/…).",
      'bedside.product_coi_missing',
    );
  return { din: din.din, coi: coi.coi };
}

/** Compares the scans with the patient's identifiers; a mismatch is logged and refused. */
async function matchIdentity(
  db: Db,
  shipment: Shipment,
  product: Product,
  scanned: { subjectCode: string; din: string; coi: string },
  raw: string,
): Promise<void> {
  const expected = { subjectCode: product.subjectCode, din: shipment.din, coi: product.order.coi };
  const wrong = (['subjectCode', 'din', 'coi'] as const).filter((k) => scanned[k] !== expected[k]);
  if (!wrong.length) return;
  const CODES = {
    subjectCode: 'bedside.wrong_patient',
    din: 'bedside.wrong_product',
    coi: 'bedside.wrong_coi',
  } as const;
  const NAMES = { subjectCode: 'subject code', din: 'DIN', coi: 'chain-of-identity identifier' } as const;
  const list = wrong.map((k) => `${NAMES[k]} ${scanned[k]} (expected ${expected[k]})`).join('; ');
  const detail = `STOP: the wristband and the product do not match — ${list}. Do not infuse this product into this patient. Nothing was recorded; this mismatch has been logged.`;
  const params = {
    number: shipment.number,
    mismatches: wrong.join(','),
    ...Object.fromEntries(
      wrong.flatMap((k) => [
        [`scanned_${k}`, scanned[k]],
        [`expected_${k}`, expected[k]],
      ]),
    ),
  };
  await refuseAndLog(db, { din: shipment.din, scanned: raw, type: 'infusion', detail, code: CODES[wrong[0]!], params });
}

function secondWrongPassword(): Problem {
  return wrongPassword("The second person's username or password is not correct; nothing was recorded.", {
    code: 'bedside.second_wrong_password',
  });
}

/** The second person: someone else, allowed to administer, proving who they are with their password. */
async function checkSecondPerson(
  db: Db,
  actor: Actor & { id: string },
  input: Verification['secondPerson'],
): Promise<UserRow> {
  const [user] = await db.select().from(users).where(eq(users.username, input.username.trim()));
  if (user?.id === actor.id) {
    throw conflict(
      'The second verifier must be another person: you cannot verify twice. Ask a second nurse or a physician to sign in.',
      { code: 'bedside.same_person' },
    );
  }
  if (!user || !user.active) throw secondWrongPassword();
  if (!hasPermission(user.roles, 'infusions:write')) {
    throw conflict(
      `${user.displayName} may not verify an infusion; the second person must be a nurse or a physician.`,
      { code: 'bedside.second_not_permitted', params: { name: user.displayName } },
    );
  }
  return user;
}

async function signAsSecond(
  w: Writer,
  second: UserRow,
  password: string,
  row: typeof bedsideVerifications.$inferSelect,
): Promise<void> {
  const context = { requestId: currentContext()?.requestId ?? 'bedside-second', actor: actorOf(second) };
  try {
    await runWithContext(context, () =>
      sign(
        w,
        { password, meaning: 'Second verifier at the bedside' },
        'bedside_verification',
        row.id,
        signedVerification(row),
      ),
    );
  } catch (error) {
    // Still counted against the second person's account (after the rollback); only the words change.
    if (error instanceof PasswordRejected) throw error.withRefusal(secondWrongPassword());
    throw error;
  }
}

export async function verifyAtBedside(
  db: Db,
  shipmentId: string,
  input: Verification,
): Promise<typeof bedsideVerifications.$inferSelect> {
  const actor = requireUserActor();
  const shipment = await getShipmentRow(db, shipmentId);
  const now = new Date();
  const product = await checkAdministrable(db, shipment, now);
  const subjectCode = wristbandSubject(input.wristbandScan);
  const { din, coi } = productIdentifiers(input.productScan, input.coiScan);
  const raw = [input.wristbandScan, input.productScan, input.coiScan].filter(Boolean).join(' | ');
  await matchIdentity(db, shipment, product, { subjectCode, din, coi }, raw);
  await requireTreatmentConsent(db, product.order.patientId, product.order.studyId);
  const second = await checkSecondPerson(db, actor, input.secondPerson);
  return write(db, async (w) => {
    const row = await w.insert(bedsideVerifications, 'bedside_verification', {
      shipmentId,
      subjectCode,
      din,
      coi,
      verifiedBy: actor.username,
      secondVerifier: second.username,
      verifiedAt: now,
    });
    await sign(
      w,
      { password: input.signature.password, meaning: 'Verified at the bedside' },
      'bedside_verification',
      row.id,
      signedVerification(row),
    );
    await signAsSecond(w, second, input.secondPerson.password, row);
    return row;
  });
}

async function verificationFor(db: Db, shipment: Shipment, id: string, actor: Actor, startedAt: Date) {
  const [v] = await db
    .select()
    .from(bedsideVerifications)
    .where(and(eq(bedsideVerifications.id, id), eq(bedsideVerifications.shipmentId, shipment.id)));
  if (!v) throw notFound(`Bedside verification of shipment ${shipment.number}`);
  if (actor.username !== v.verifiedBy && actor.username !== v.secondVerifier) {
    throw conflict(
      `The infusion is recorded by one of the two people who verified it (${v.verifiedBy}, ${v.secondVerifier}).`,
      { code: 'infusion.not_verifier', params: { first: v.verifiedBy, second: v.secondVerifier } },
    );
  }
  // A start typed to the minute may fall in the verification's own minute, never before it.
  const verifiedMinute = Math.floor(v.verifiedAt.getTime() / 60_000) * 60_000;
  const minutes = (startedAt.getTime() - v.verifiedAt.getTime()) / 60_000;
  if (startedAt.getTime() < verifiedMinute || minutes > VERIFICATION_VALID_MINUTES) {
    throw conflict(
      `The bedside verification was made at ${v.verifiedAt.toISOString()}; an infusion must start after it, within ${VERIFICATION_VALID_MINUTES} minutes. Verify at the bedside again.`,
      {
        code: 'infusion.verification_stale',
        params: { verifiedAt: v.verifiedAt.toISOString(), minutes: VERIFICATION_VALID_MINUTES },
      },
    );
  }
  return v;
}

export async function recordInfusion(
  db: Db,
  shipmentId: string,
  input: NewInfusion,
): Promise<typeof infusions.$inferSelect> {
  const actor = requireUserActor();
  const shipment = await getShipmentRow(db, shipmentId);
  const startedAt = checkTime(input.startedAt, 'body.startedAt', {
    at: shipment.receivedAt,
    what: 'the receipt at the site',
    code: 'infusion.before_receipt',
  });
  const endedAt = checkTime(input.endedAt, 'body.endedAt', {
    at: startedAt,
    what: 'the start of the infusion',
    code: 'infusion.end_before_start',
  });
  const product = await checkAdministrable(db, shipment, startedAt);
  const verification = await verificationFor(db, shipment, input.verificationId, actor, startedAt);
  // Consent may have been withdrawn between the bedside check and the infusion.
  await requireTreatmentConsent(db, product.order.patientId, product.order.studyId);
  const { carPositiveCells, weightKg, volumeMl } = input.dose;
  return write(db, async (w) => {
    const locked = await w.lockById(shipments, shipmentId, 'Shipment');
    if (locked.status === 'infused')
      throw conflict(`Shipment ${locked.number} has already been infused.`, {
        code: 'custody.already_infused',
        params: { din: locked.din },
      });
    const row = await w.insert(infusions, 'infusion', {
      shipmentId,
      verificationId: verification.id,
      orderId: product.order.id,
      din: shipment.din,
      startedAt,
      endedAt,
      carPositiveCells,
      weightKg,
      // Two significant digits more than a dose is ever prescribed with; the inputs stay as entered.
      cellsPerKg: Number((carPositiveCells / weightKg).toPrecision(6)),
      volumeMl: volumeMl ?? null,
      location: input.location ?? locked.storageLocation ?? locked.toLocation,
      notes: input.notes ?? null,
      recordedBy: actor.username,
    });
    await w.update(shipments, 'shipment', shipmentId, { status: 'infused' }, 'Infused', 'infuse');
    await recordCustody(w, {
      product,
      type: 'infusion',
      occurredAt: startedAt,
      location: row.location,
      fromParty: `${verification.verifiedBy}, ${verification.secondVerifier}`,
      toParty: product.subjectCode,
      temperatureC: null,
    });
    await w.update(orders, 'order', product.order.id, { status: 'infused' }, 'Infusion recorded', 'status_change');
    await sign(
      w,
      { password: input.signature.password, meaning: 'Administered' },
      'infusion',
      row.id,
      signedInfusion(row),
    );
    return row;
  });
}
