/**
 * Chain of custody under load: the scan-to-verify write (POST /api/v1/custody-events, one audited
 * transaction per request, serialized on the audit-chain lock) and the order timeline read
 * (GET /api/v1/orders/{id}/timeline). The write rotates over a handful of bags; the read uses its own
 * orders with a realistic short history, so the thousands of events the write adds do not turn the
 * read into a measurement of one pathological order.
 */
import { createCollection } from '../../apps/server/src/modules/collections/collections.service';
import { recordCustodyEvent } from '../../apps/server/src/modules/custody/custody.service';
import { createOrder } from '../../apps/server/src/modules/orders/orders.service';
import { createPatient } from '../../apps/server/src/modules/patients/patients.service';
import { createStudy } from '../../apps/server/src/modules/studies/studies.service';
import type { Db } from '../../apps/server/src/db/client';
import { consentedSubject } from '../../apps/server/src/modules/clinical/consent/consent.fixtures';
import { asUser, BENCH_PASSWORD, seedUser, type BenchUser, type Suite } from './fixtures';
import { measure, type BenchRequest } from './measure';

const WRITE_BAGS = 8;
const READ_ORDERS = 8;
const HOUR = 3_600_000;

interface Therapy {
  orderId: string;
  din: string;
  /** What a scanner reads from the bag's DIN barcode (Code 128 data structure 001: `=`, DIN, flags). */
  scan: string;
}

/** One patient, one order opened two hours ago, one apheresis bag collected an hour ago. */
async function seedTherapies(
  db: Db,
  count: number,
  studyId: string,
  coordinator: BenchUser,
  nurse: BenchUser,
): Promise<Therapy[]> {
  const now = Date.now();
  const therapies: Therapy[] = [];
  for (let i = 0; i < count; i++) {
    const patient = await asUser(db, coordinator, () =>
      createPatient(db, { sex: i % 2 ? 'female' : 'male', birthDate: '1970-01-01' }),
    );
    // Treatment needs the patient's enrolled subject with a valid consent (the consent gate).
    await consentedSubject(db, { userId: coordinator.id, password: BENCH_PASSWORD }, { patientId: patient.id, studyId });
    const { order } = await asUser(db, coordinator, () =>
      createOrder(db, { patientId: patient.id, studyId }, new Date(now - 2 * HOUR)),
    );
    const { collection } = await asUser(db, nurse, () =>
      createCollection(db, order.id, {
        type: 'apheresis',
        collectedAt: new Date(now - HOUR).toISOString(),
        volumeMl: 200,
      }),
    );
    therapies.push({ orderId: order.id, din: collection.din, scan: `=${collection.din}${collection.flags}` });
  }
  return therapies;
}

/** The short custody history a bag has by the time someone looks it up: hand-over, receipt, storage. */
async function seedHistory(db: Db, therapy: Therapy, nurse: BenchUser, operator: BenchUser): Promise<void> {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const { din, scan } = therapy;
  await asUser(db, nurse, () =>
    recordCustodyEvent(db, {
      din,
      type: 'handover',
      scannedDin: scan,
      occurredAt: at(50),
      location: 'Apheresis unit',
      fromParty: 'Nurse',
      toParty: 'Courier',
      temperatureC: 4.2,
    }),
  );
  await asUser(db, operator, () =>
    recordCustodyEvent(db, {
      din,
      type: 'receipt',
      scannedDin: scan,
      occurredAt: at(40),
      location: 'GMP goods-in',
      fromParty: 'Courier',
      toParty: 'Operator',
      temperatureC: 5.0,
    }),
  );
  await asUser(db, operator, () =>
    recordCustodyEvent(db, {
      din,
      type: 'storage',
      scannedDin: scan,
      occurredAt: at(35),
      location: 'Quarantine fridge',
      temperatureC: 4.0,
    }),
  );
}

async function countCustodyEvents(db: { query<T>(sql: string): Promise<T[]> }): Promise<number> {
  const [row] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM custody_events');
  return Number(row?.n ?? 0);
}

/** One real request before the load, so a broken fixture fails with the server's own explanation. */
async function expectStatus(url: string, init: RequestInit, status: number): Promise<void> {
  const response = await fetch(url, init);
  if (response.status !== status)
    throw new Error(
      `${init.method ?? 'GET'} ${url} answered ${response.status}, expected ${status}: ${await response.text()}`,
    );
}

export const custodySuite: Suite = {
  name: 'custody',
  async run({ database, server, load }) {
    const { db } = database;
    const coordinator = await seedUser(db, 'bench-coordinator', ['coordinator']);
    const nurse = await seedUser(db, 'bench-nurse', ['nurse']);
    const operator = await seedUser(db, 'bench-operator', ['operator']);
    const study = await asUser(db, coordinator, () =>
      createStudy(db, { code: 'BENCH-CUSTODY', title: 'Benchmark study (custody)', indication: 'hcc', phase: '1' }),
    );
    const writeBags = await seedTherapies(db, WRITE_BAGS, study.id, coordinator, nurse);
    const readOrders = await seedTherapies(db, READ_ORDERS, study.id, coordinator, nurse);
    for (const therapy of readOrders) await seedHistory(db, therapy, nurse, operator);

    const cookie = await server.login(nurse);
    const jsonHeaders = { cookie, 'content-type': 'application/json' };
    // Fixed at the start of the measurement: after every bag's collection, not in the future.
    const occurredAt = new Date().toISOString();
    const writes: BenchRequest[] = writeBags.map(({ din, scan }) => ({
      method: 'POST',
      path: '/api/v1/custody-events',
      headers: jsonHeaders,
      body: JSON.stringify({ din, type: 'storage', scannedDin: scan, occurredAt, location: 'Bench fridge' }),
    }));
    const reads: BenchRequest[] = readOrders.map(({ orderId }) => ({
      method: 'GET',
      path: `/api/v1/orders/${orderId}/timeline`,
      headers: { cookie },
    }));

    await expectStatus(
      `${server.baseUrl}${writes[0]!.path}`,
      { method: 'POST', headers: jsonHeaders, body: writes[0]!.body! },
      201,
    );
    await expectStatus(`${server.baseUrl}${reads[0]!.path}`, { headers: { cookie } }, 200);

    const before = await countCustodyEvents(database);
    const write = await measure({ name: 'POST /api/v1/custody-events', url: server.baseUrl, requests: writes }, load);
    const written = (await countCustodyEvents(database)) - before;
    // Warm-up writes and requests in flight when the clock stops are stored but not counted: only fewer is wrong.
    const answered2xx = write.responses - write.non2xx;
    if (written < answered2xx)
      throw new Error(`custody: ${answered2xx} requests answered 2xx but only ${written} custody events were stored`);

    const read = await measure(
      { name: 'GET /api/v1/orders/{id}/timeline', url: server.baseUrl, requests: reads },
      load,
    );
    return [write, read];
  },
};
