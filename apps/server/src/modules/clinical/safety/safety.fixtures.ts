/**
 * Test set-up for the safety, response and casebook tests: a study subject with (optionally) the product
 * they received — order (COI), collection (DIN), batch, shipment, bedside verification, infusion — written
 * straight through write(), each with its audit event. The chain-of-identity modules' own tests cover their
 * routes; these tests need a subject in the state those routes leave it, at chosen past times.
 */
import { write } from '../../../platform/write';
import type { Harness } from '../../../test/harness';
import { batches } from '../../batches/batches.tables';
import { collections } from '../../collections/collections.tables';
import { orders } from '../../orders/orders.tables';
import { createPatient } from '../../patients/patients.service';
import { processes } from '../../processes/processes.tables';
import { bedsideVerifications, infusions, shipments } from '../../shipments/shipments.tables';
import { homeSite } from '../../sites/sites.service';
import { studies } from '../../studies/studies.tables';
import { protocolVersions } from '../protocols/protocols.tables';
import { studySubjects } from '../subjects/subjects.tables';

let n = 0;
const HOUR = 3_600_000;

export interface SubjectWorld {
  subjectId: string;
  patientId: string;
  studyId: string;
  subjectCode: string;
  orderId: string | null;
  coi: string | null;
  din: string | null;
  infusionId: string | null;
  infusedAt: Date | null;
}

/** A subject enrolled in a fresh study; with `infusedAt`, also the product infused then (and made before). */
export interface SubjectOptions {
  infusedAt?: Date | null;
  /** The product was shipped (default: when infused). */
  product?: boolean;
  name?: string;
  mrn?: string;
}

export async function subjectWith(h: Harness, options: SubjectOptions = {}): Promise<SubjectWorld> {
  const { infusedAt = null, name = '王 测试', mrn = `MRN${Date.now()}${++n}` } = options;
  const product = options.product ?? infusedAt !== null;
  const db = h.database.db;
  const site = await homeSite(db);
  const patient = await createPatient(db, { sex: 'male', birthDate: '1962-04-01', name, mrn });
  const k = ++n;
  const code = `SAFE-${Date.now().toString(36).toUpperCase()}-${k}`;
  const enrolledAt = new Date((infusedAt ?? new Date()).getTime() - 30 * 24 * HOUR);
  return write(db, async (w) => {
    const study = await w.insert(studies, 'study', { siteId: site.id, code, title: 'GPC3 CAR-T for HCC', indication: 'hcc', phase: '1' });
    const protocol = await w.insert(protocolVersions, 'protocol_version', { studyId: study.id, version: 1, status: 'effective', title: 'Protocol v1', approvedAt: enrolledAt });
    const subject = await w.insert(studySubjects, 'study_subject', {
      studyId: study.id,
      patientId: patient.id,
      protocolVersionId: protocol.id,
      screeningNumber: `${code}-S001`,
      subjectNumber: `${code}-001`,
      status: 'enrolled',
      screenedAt: new Date(enrolledAt.getTime() - 7 * 24 * HOUR),
      enrolledAt,
    });
    const world: SubjectWorld = { subjectId: subject.id, patientId: patient.id, studyId: study.id, subjectCode: patient.subjectCode, orderId: null, coi: null, din: null, infusionId: null, infusedAt: null };
    if (!product) return world;
    const seq = String(k).padStart(6, '0');
    const din = `A999926${seq}`;
    const order = await w.insert(orders, 'order', { patientId: patient.id, studyId: study.id, coi: `CHA999926${seq}`, coiCheckCharacter: 'K', status: infusedAt ? 'infused' : 'in_manufacturing' });
    const collectedAt = new Date(enrolledAt.getTime() + 2 * 24 * HOUR);
    await w.insert(collections, 'collection', { orderId: order.id, din, flags: '00', checkCharacter: 'A', type: 'apheresis', collectedAt, expiresAt: new Date(collectedAt.getTime() + 48 * HOUR), status: 'received' });
    const process = await w.insert(processes, 'process', { code: `PRC-${code}`, version: 1, name: 'CAR-T', product: 'GPC3 CAR-T', productType: 'autologous', status: 'effective', steps: [] });
    const batch = await w.insert(batches, 'batch', {
      batchNumber: `B-${code}`,
      processId: process.id,
      orderId: order.id,
      din,
      roomId: '00000000-0000-4000-8000-000000000009',
      status: 'completed',
      startedAt: new Date(collectedAt.getTime() + 24 * HOUR),
      completedAt: new Date(collectedAt.getTime() + 12 * 24 * HOUR),
    });
    const departedAt = new Date((infusedAt ?? new Date()).getTime() - 6 * HOUR);
    const shipment = await w.insert(shipments, 'shipment', {
      number: `SHP-${code}`,
      batchId: batch.id,
      orderId: order.id,
      din,
      status: infusedAt ? 'infused' : 'received',
      courier: 'World Courier',
      shipperId: 'DS-07',
      fromLocation: 'GMP facility',
      toLocation: 'Ward 5',
      departedAt,
      expiresAt: new Date(departedAt.getTime() + 180 * 24 * HOUR),
      rangeMinC: null,
      rangeMaxC: -150,
      rangeBasis: 'test',
      receivedAt: new Date(departedAt.getTime() + 2 * HOUR),
      createdBy: 'fixture',
    });
    Object.assign(world, { orderId: order.id, coi: order.coi, din });
    if (!infusedAt) return world;
    const verification = await w.insert(bedsideVerifications, 'bedside_verification', {
      shipmentId: shipment.id,
      subjectCode: patient.subjectCode,
      din,
      coi: order.coi,
      verifiedBy: 'fixture.nurse',
      secondVerifier: 'fixture.physician',
      verifiedAt: new Date(infusedAt.getTime() - 10 * 60_000),
    });
    const infusion = await w.insert(infusions, 'infusion', {
      shipmentId: shipment.id,
      verificationId: verification.id,
      orderId: order.id,
      din,
      startedAt: infusedAt,
      endedAt: new Date(infusedAt.getTime() + 20 * 60_000),
      carPositiveCells: 1.4e8,
      weightKg: 70,
      cellsPerKg: 2e6,
      volumeMl: 68,
      recordedBy: 'fixture.nurse',
    });
    return { ...world, infusionId: infusion.id, infusedAt };
  });
}

/** Counts rows of a table and audit events, to prove a refused request changed nothing. */
export async function rowCounts(h: Harness, table: string) {
  const [row] = await h.database.query<{ rows: number; events: number }>(`SELECT (SELECT count(*)::int FROM ${table}) AS rows, (SELECT count(*)::int FROM audit_events) AS events`);
  return row!;
}
