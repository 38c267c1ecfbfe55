/** Treatment orders, each identified by an ISBT 128 chain-of-identity identifier (data structure 040). */
import { computeCheckCharacter, formatCoi, type OrderStatus } from '@hepatica/core';
import { desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { notFound } from '../../platform/errors';
import { write } from '../../platform/write';
import { patients } from '../patients/patients.tables';
import { getPatient } from '../patients/patients.service';
import { homeSite, localYear2, nextSequence } from '../sites/sites.service';
import { studies } from '../studies/studies.tables';
import { getStudy } from '../studies/studies.service';
import { orders } from './orders.tables';
import { requireTreatmentConsent } from '../clinical/consent/consent.gate';

export type Order = typeof orders.$inferSelect;

const orderColumns = {
  order: orders,
  subjectCode: patients.subjectCode,
  studyCode: studies.code,
};
type OrderRow = { order: Order; subjectCode: string; studyCode: string };

export function orderView({ order, subjectCode, studyCode }: OrderRow) {
  return {
    id: order.id,
    patientId: order.patientId,
    subjectCode,
    studyId: order.studyId,
    studyCode,
    coi: order.coi,
    coiCheckCharacter: order.coiCheckCharacter,
    status: order.status as OrderStatus,
    createdAt: order.createdAt.toISOString(),
  };
}

function selectOrders(db: Executor) {
  return db
    .select(orderColumns)
    .from(orders)
    .innerJoin(patients, eq(patients.id, orders.patientId))
    .innerJoin(studies, eq(studies.id, orders.studyId));
}

export async function listOrders(db: Executor, patientId?: string): Promise<OrderRow[]> {
  return selectOrders(db)
    .where(patientId ? eq(orders.patientId, patientId) : undefined)
    .orderBy(desc(orders.createdAt))
    .limit(500);
}

export async function getOrder(db: Executor, id: string): Promise<OrderRow> {
  const [row] = await selectOrders(db).where(eq(orders.id, id));
  if (!row) throw notFound('Order');
  return row;
}

/** `openedAt` is for importing history (the demo seed); the API always opens orders now. */
export async function createOrder(
  db: Db,
  input: { patientId: string; studyId: string },
  openedAt = new Date(),
): Promise<OrderRow> {
  const patient = await getPatient(db, input.patientId);
  const study = await getStudy(db, input.studyId);
  // A treatment order needs the patient's enrolled subject in the study with a valid consent (issue 11).
  await requireTreatmentConsent(db, patient.id, study.id);
  const site = await homeSite(db);
  const year2 = localYear2(openedAt, site.timeZone);
  const order = await write(db, async (w) => {
    const coi = formatCoi({ fin: site.fin, year: year2, sequence: await nextSequence(w.tx, `coi:${site.fin}:${year2}`) });
    return w.insert(orders, 'order', {
      patientId: patient.id,
      studyId: study.id,
      coi,
      coiCheckCharacter: computeCheckCharacter(coi),
      status: 'open',
      createdAt: openedAt,
    });
  });
  return { order, subjectCode: patient.subjectCode, studyCode: study.code };
}
