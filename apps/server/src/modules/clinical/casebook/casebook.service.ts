/**
 * The subject's casebook: one document a monitor reads, built from the other areas' service functions.
 * Each section is a constant number of queries by subject (or by the subject's order ids), never one per
 * row, so it stays flat on a study of thousands of subjects. A section whose module is not built yet is
 * null and says `not_available` in `sections`.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { hasPermission } from '../../../platform/access';
import { currentActor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { batches } from '../../batches/batches.tables';
import { collections } from '../../collections/collections.tables';
import { orders } from '../../orders/orders.tables';
import { patients } from '../../patients/patients.tables';
import { infusions, shipments } from '../../shipments/shipments.tables';
import { studies } from '../../studies/studies.tables';
import { consentStatusView } from '../consent/consent.views';
import { protocolVersions } from '../protocols/protocols.tables';
import { responseOf } from '../response/response.service';
import { tumourAssessments } from '../response/response.tables';
import { adverseEventsOfSubject } from '../safety/adverse-events.views';
import { crsIcansBoard } from '../safety/crs-icans.service';
import { subjectLabGrades } from '../safety/lab-grades.service';
import { subjectPanelsView } from '../labs/labs.views';
import { listClocks } from '../safety/sae-clocks.service';
import { studySubjects } from '../subjects/subjects.tables';
import { subjectVisitsView } from '../visits/visits.service';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The subject, its patient (identity only for identity:read), study and protocol version: one query. */
async function header(db: Executor, subjectId: string) {
  const [row] = await db
    .select({ subject: studySubjects, patient: patients, study: studies, protocol: protocolVersions })
    .from(studySubjects)
    .innerJoin(patients, eq(patients.id, studySubjects.patientId))
    .innerJoin(studies, eq(studies.id, studySubjects.studyId))
    .innerJoin(protocolVersions, eq(protocolVersions.id, studySubjects.protocolVersionId))
    .where(eq(studySubjects.id, subjectId));
  if (!row) throw notFound('Study subject');
  return row;
}

/** The product in the record: orders (COI), collections (DIN), batches, shipments and infusions. Five queries. */
export async function productSection(db: Executor, patientId: string, studyId: string) {
  const orderRows = await db.select().from(orders).where(eq(orders.patientId, patientId)).orderBy(asc(orders.createdAt));
  const own = orderRows.filter((o) => o.studyId === studyId);
  const ids = own.map((o) => o.id);
  if (!ids.length) return { orders: [] };
  const [cols, bats, ships, infs] = await Promise.all([
    db.select().from(collections).where(inArray(collections.orderId, ids)).orderBy(asc(collections.collectedAt)),
    db.select().from(batches).where(inArray(batches.orderId, ids)).orderBy(asc(batches.startedAt)),
    db.select().from(shipments).where(inArray(shipments.orderId, ids)).orderBy(asc(shipments.departedAt)),
    db.select().from(infusions).where(inArray(infusions.orderId, ids)).orderBy(asc(infusions.startedAt)),
  ]);
  return {
    orders: own.map((o) => ({
      id: o.id,
      coi: o.coi,
      coiCheckCharacter: o.coiCheckCharacter,
      status: o.status,
      createdAt: o.createdAt.toISOString(),
      collections: cols.filter((c) => c.orderId === o.id).map((c) => ({ id: c.id, din: c.din, type: c.type, collectedAt: c.collectedAt.toISOString(), status: c.status })),
      batches: bats.filter((b) => b.orderId === o.id).map((b) => ({ id: b.id, batchNumber: b.batchNumber, din: b.din, status: b.status, startedAt: b.startedAt.toISOString(), completedAt: iso(b.completedAt) })),
      shipments: ships.filter((s) => s.orderId === o.id).map((s) => ({ id: s.id, number: s.number, din: s.din, status: s.status, departedAt: s.departedAt.toISOString(), receivedAt: iso(s.receivedAt), expiresAt: s.expiresAt.toISOString() })),
      infusions: infs.filter((i) => i.orderId === o.id).map((i) => ({
        id: i.id,
        din: i.din,
        startedAt: i.startedAt.toISOString(),
        endedAt: i.endedAt.toISOString(),
        carPositiveCells: i.carPositiveCells,
        weightKg: i.weightKg,
        cellsPerKg: i.cellsPerKg,
        volumeMl: i.volumeMl,
        recordedBy: i.recordedBy,
      })),
    })),
  };
}

export async function subjectCasebook(db: Executor, subjectId: string) {
  const { subject, patient, study, protocol } = await header(db, subjectId);
  const seesIdentity = hasPermission(currentActor().roles, 'identity:read');
  const consent = await consentStatusView(db, subject.id);
  const [product, adverseEvents, saeClocks, crsIcans, labGrades, tumour] = [
    await productSection(db, patient.id, study.id),
    await adverseEventsOfSubject(db, subject.id),
    await listClocks(db, { subjectId: subject.id }),
    await crsIcansBoard(db, subject.id, subject),
    await subjectLabGrades(db, subject.id, subject),
    await db.select().from(tumourAssessments).where(eq(tumourAssessments.subjectId, subject.id)).orderBy(asc(tumourAssessments.assessedAt)),
  ];
  return {
    generatedAt: new Date().toISOString(),
    subject: {
      id: subject.id,
      subjectCode: patient.subjectCode,
      subjectNumber: subject.subjectNumber,
      screeningNumber: subject.screeningNumber,
      status: subject.status,
      screenedAt: subject.screenedAt.toISOString(),
      enrolledAt: iso(subject.enrolledAt),
      sex: patient.sex,
      birthDate: patient.birthDate,
      ...(seesIdentity ? { name: patient.name, mrn: patient.mrn } : {}),
    },
    study: { id: study.id, code: study.code, title: study.title, indication: study.indication },
    protocol: { id: protocol.id, version: protocol.version, title: protocol.title, status: protocol.status },
    consent,
    visits: await subjectVisitsView(db, subject.id),
    labs: (await subjectPanelsView(db, subject.id)).items,
    labGrades: labGrades.source === 'lab_results' ? labGrades : null,
    adverseEvents,
    saeClocks,
    crsIcans,
    response: responseOf(tumour),
    product,
    sections: {
      consent: 'ready' as const,
      visits: 'ready' as const,
      labs: 'ready' as const,
      labGrades: labGrades.source === 'lab_results' ? ('ready' as const) : ('not_available' as const),
      adverseEvents: 'ready' as const,
      saeClocks: 'ready' as const,
      crsIcans: 'ready' as const,
      response: 'ready' as const,
      product: 'ready' as const,
    },
  };
}
