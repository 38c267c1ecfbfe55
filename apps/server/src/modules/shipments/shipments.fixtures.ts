/**
 * Test builders for shipments: a released autologous product made through the real routes (order,
 * collection, a one-step process approved by QA, the batch run to completion), then certified. The
 * QP's certification is written here through write() — the release module's own tests cover its
 * routes; this fixture only needs the batch in the state they leave it in, with the audit event and
 * the batch_releases row a real release writes.
 */
import { buildCompoundMessage, formatCoiDataStructure, formatDinDataStructure } from '@hepatica/core';
import { and, eq, gt } from 'drizzle-orm';
import { expect } from 'vitest';
import { write } from '../../platform/write';
import type { Harness, TestUser } from '../../test/harness';
import { TEST_PASSWORD } from '../../test/harness';
import { done, effectiveProcess, patientBag, room, type BatchJson, type Crew } from '../batches/batches.fixtures';
import { batches } from '../batches/batches.tables';
import { custodyEvents } from '../custody/custody.tables';
import { batchReleases } from '../release/release.tables';
import { shipments } from './shipments.tables';

export type Problem = {
  code: string;
  detail: string;
  params?: Record<string, unknown>;
  errors?: { path: string; message: string }[];
};

export const ONE_STEP = [
  { title: 'Cryopreservation', fields: [{ key: 'notes', label: 'Notes', type: 'text', required: false }] },
];

export async function cartProcess(h: Harness, c: Crew) {
  return effectiveProcess(h, c, { productType: 'autologous', steps: ONE_STEP });
}

export const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

/** Moves a batch's manufacturing into the past (test fixture: a batch run through the API ends now, and a shipment may not precede it). */
export async function backdateBatch(h: Harness, batchId: string, times: { startedAt: Date; completedAt: Date }) {
  await write(h.database.db, async (w) => {
    const batch = await w.update(batches, 'batch', batchId, times, 'Test fixture: manufactured earlier');
    // The bag's receipt into the batch moves with the batch's start.
    const receipts = await w.tx
      .select({ id: custodyEvents.id })
      .from(custodyEvents)
      .where(and(eq(custodyEvents.din, batch.din!), gt(custodyEvents.occurredAt, times.startedAt)));
    for (const r of receipts)
      await w.update(
        custodyEvents,
        'custody_event',
        r.id,
        { occurredAt: times.startedAt },
        'Test fixture: manufactured earlier',
      );
  });
}

/** Sets the batch's status as the QP's decision would, with its release record. */
export async function certify(
  h: Harness,
  batchId: string,
  status: 'released' | 'conditionally_released' | 'rejected',
  certifiedAt = new Date(),
) {
  const decision = { released: 'release', conditionally_released: 'conditional_release', rejected: 'reject' }[status];
  await write(h.database.db, async (w) => {
    await w.update(batches, 'batch', batchId, { status }, `Test fixture: QP decision ${decision}`, 'certify');
    await w.insert(batchReleases, 'batch_release', {
      batchId,
      decision,
      certifierId: '00000000-0000-4000-8000-000000000001',
      certifier: 'fixture.qp',
      pendingTests: [],
      outOfSpecification: [],
      productExpiresAt: decision === 'reject' ? null : new Date(certifiedAt.getTime() + 180 * 86_400_000),
      certifiedAt,
    });
  });
}

/** Sets the product expiry the QP certified (test fixture: the release computes it from the shelf life). */
export async function setCertifiedExpiry(h: Harness, batchId: string, productExpiresAt: Date | null) {
  await write(h.database.db, async (w) => {
    const rows = await w.tx.select({ id: batchReleases.id }).from(batchReleases).where(eq(batchReleases.batchId, batchId));
    for (const r of rows) await w.update(batchReleases, 'batch_release', r.id, { productExpiresAt }, 'Test fixture: certified expiry');
  });
}

/** A completed one-patient batch, certified with `status` unless null. */
export async function product(
  h: Harness,
  c: Crew,
  processId: string,
  status: 'released' | 'conditionally_released' | null = 'released',
) {
  const { order, bag } = await patientBag(h, c);
  const r = await room(h, c);
  const started = await h.request(c.operator, 'POST', '/api/v1/batches', {
    processId,
    orderId: order.id,
    roomId: r.id,
    scannedDin: `=${bag.din}00`,
  });
  expect(started.statusCode, started.body).toBe(201);
  const batch = await done(h, c.operator, started.json<BatchJson>().id, 0, { values: {} });
  expect(batch).toMatchObject({ status: 'completed', din: bag.din });
  await backdateBatch(h, batch.id, { startedAt: daysAgo(12), completedAt: daysAgo(2) });
  if (status) await certify(h, batch.id, status);
  return {
    batch,
    order,
    bag,
    din: bag.din,
    dinScan: `=${bag.din}00`,
    /** The product label's DataMatrix: DIN and chain of identity in one compound message. */
    label: buildCompoundMessage([formatDinDataStructure(bag.din, '00'), formatCoiDataStructure(order.coi)]),
    wristband: order.subjectCode,
  };
}
export type Product = Awaited<ReturnType<typeof product>>;

export const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

export function shipmentBody(p: Product, more: Record<string, unknown> = {}) {
  return {
    batchId: p.batch.id,
    scannedDin: p.dinScan,
    courier: 'World Courier',
    shipperId: 'DS-07',
    fromLocation: 'GMP facility, Hepatica CGT Center',
    toLocation: 'Hepatobiliary ward 5',
    departedAt: hoursAgo(3),
    ...more,
  };
}

export async function ship(h: Harness, user: TestUser, p: Product, more: Record<string, unknown> = {}) {
  const res = await h.request(user, 'POST', '/api/v1/shipments', shipmentBody(p, more));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; number: string; status: string }>();
}

export async function receive(
  h: Harness,
  user: TestUser,
  p: Product,
  shipmentId: string,
  more: Record<string, unknown> = {},
) {
  const res = await h.request(user, 'POST', `/api/v1/shipments/${shipmentId}/receipt`, {
    scannedDin: p.dinScan,
    receivedAt: hoursAgo(1),
    temperatureC: -185,
    ...more,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ status: string }>();
}

/** Moves a shipment's labelled expiry (test fixture: an expiry in the past cannot be entered through the API). */
export async function expireShipment(h: Harness, shipmentId: string) {
  await write(h.database.db, (w) =>
    w.update(
      shipments,
      'shipment',
      shipmentId,
      { expiresAt: new Date(Date.now() - 60_000) },
      'Test fixture: product expired',
    ),
  );
}

export const sign = { password: TEST_PASSWORD };
