/**
 * The demo center: a Beijing liver cell and gene therapy center with its three first studies,
 * one user per role, a few patients with orders, collections and custody history. Every record is
 * written through the same services and audit path as real work, by the demo user who would do it.
 */
import type { Db } from '../db/client';
import type { Role } from '../platform/access';
import { runWithContext } from '../platform/context';
import { createCollection } from '../modules/collections/collections.service';
import { recordCustodyEvent } from '../modules/custody/custody.service';
import { createUser, getUserById } from '../modules/identity/identity.service';
import { actorOf } from '../modules/identity/sessions';
import { createOrder } from '../modules/orders/orders.service';
import { createPatient } from '../modules/patients/patients.service';
import { createSite } from '../modules/sites/sites.service';
import { createStudy } from '../modules/studies/studies.service';
import { seedBatches } from './batches.seed';
import { seedClinicalDemo } from './clinical.seed';
import { seedClinicalConsent } from './clinical-consent.seed';
import { seedClinicalProtocols } from './clinical-protocols.seed';
import { DEMO_PASSWORD } from './demo-password';
import { seedFacility } from './facility.seed';
import { seedMaterials } from './materials.seed';
import { seedProcesses } from './processes.seed';
import { seedQc } from './qc.seed';
import { seedQuality } from './quality.seed';
import { seedRelease } from './release.seed';
import { seedTrainingCatalogue } from './training.seed';
import { seedTrainingRecords } from './training-records.seed';

export const DEMO_USERS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'coordinator', displayName: 'Li Na (CRC)', roles: ['coordinator'] },
  { username: 'director', displayName: 'Prof. Wang Jun', roles: ['director'] },
  { username: 'physician', displayName: 'Dr. Zhang Wei', roles: ['physician'] },
  { username: 'nurse', displayName: 'Chen Jing (RN)', roles: ['nurse'] },
  { username: 'operator', displayName: 'Liu Yang (GMP)', roles: ['operator'] },
  // A second operator, so witnessed steps have a witness who is neither the performer nor the admin.
  { username: 'operator2', displayName: 'Gao Peng (GMP)', roles: ['operator'] },
  { username: 'operator3', displayName: 'Tang Jie (GMP)', roles: ['operator'] },
  { username: 'qc', displayName: 'Zhao Min (QC)', roles: ['qc_analyst'] },
  { username: 'qc2', displayName: 'Qian Yu (QC)', roles: ['qc_analyst'] },
  { username: 'qa', displayName: 'Sun Li (QA)', roles: ['qa'] },
  { username: 'qahead', displayName: 'Zheng Hui (Head of QA)', roles: ['qa'] },
  { username: 'qp', displayName: 'Zhou Hong (QP)', roles: ['qp'] },
  { username: 'trainer', displayName: 'Wu Fang', roles: ['trainer'] },
  { username: 'trainee', displayName: 'Xu Lei', roles: ['trainee'] },
  { username: 'researcher', displayName: 'Dr. Ma Tao', roles: ['researcher'] },
  { username: 'partner', displayName: 'Huang Qiang (partner)', roles: ['partner'] },
];

const HOUR = 3_600_000;

async function as<T>(db: Db, userId: string, fn: () => Promise<T>): Promise<T> {
  const actor = actorOf(await getUserById(db, userId));
  return runWithContext({ requestId: 'demo-seed', actor }, fn);
}

export async function seedDemoCenter(db: Db): Promise<void> {
  await createSite(db, { name: 'Beijing Liver CGT Center', fin: 'A9999', timeZone: 'Asia/Shanghai' });
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) ids[u.username] = (await createUser(db, { ...u, password: DEMO_PASSWORD })).id;
  const coordinator = <T>(fn: () => Promise<T>) => as(db, ids.coordinator!, fn);
  const nurse = <T>(fn: () => Promise<T>) => as(db, ids.nurse!, fn);
  const operator = <T>(fn: () => Promise<T>) => as(db, ids.operator!, fn);

  const studies = await coordinator(async () => [
    await createStudy(db, { code: 'HEP-GPC3-CART-01', title: 'GPC3-targeted autologous CAR-T cells for advanced hepatocellular carcinoma', indication: 'hcc', phase: '1' }),
    await createStudy(db, { code: 'HEP-UCMSC-02', title: 'Allogeneic umbilical cord MSC for decompensated liver cirrhosis', indication: 'cirrhosis', phase: '2' }),
    await createStudy(db, { code: 'HEP-AAV-WD-03', title: 'AAV8-ATP7B gene therapy for Wilson disease', indication: 'metabolic', phase: '1_2' }),
  ]);
  const [cart, msc, aav] = studies;
  const now = Date.now();
  const patients = await coordinator(async () => [
    await createPatient(db, { sex: 'male', birthDate: '1962-03-14', name: '王建国', mrn: 'BJH2026001' }),
    await createPatient(db, { sex: 'female', birthDate: '1975-09-02', name: '李秀英', mrn: 'BJH2026002' }),
    await createPatient(db, { sex: 'male', birthDate: '1958-12-20', name: '张伟', mrn: 'BJH2026003' }),
    await createPatient(db, { sex: 'female', birthDate: '1991-06-30', name: '刘洋', mrn: 'BJH2026004' }),
  ]);

  // Each study's protocol, ethics approval, registrations and consent documents (clinical-protocols.seed.ts), then
  // every patient with an order is first an enrolled subject with a valid consent (the consent gate).
  await seedClinicalProtocols(db);
  const enrolled = [[patients[0]!, cart!], [patients[1]!, cart!], [patients[2]!, msc!], [patients[3]!, aav!]] as const;
  await seedClinicalConsent(db, enrolled.map(([p, s]) => ({ patientId: p.id, studyId: s.id })), DEMO_PASSWORD);

  // Patient 1: CAR-T, collected two days ago, handed to the courier and received at the GMP facility.
  const order1 = await coordinator(() => createOrder(db, { patientId: patients[0]!.id, studyId: cart!.id }, new Date(now - 96 * HOUR)));
  const bag1 = await nurse(() =>
    createCollection(db, order1.order.id, { type: 'apheresis', collectedAt: new Date(now - 50 * HOUR).toISOString(), volumeMl: 185 }),
  );
  const din1 = bag1.collection.din;
  await nurse(() => recordCustodyEvent(db, { din: din1, type: 'handover', scannedDin: `=${din1}00`, occurredAt: new Date(now - 49 * HOUR).toISOString(), location: 'Apheresis unit, 3F', fromParty: 'Chen Jing (RN)', toParty: 'Cold-chain courier', temperatureC: 4.2 }));
  await operator(() => recordCustodyEvent(db, { din: din1, type: 'receipt', scannedDin: `=${din1}00`, occurredAt: new Date(now - 47.5 * HOUR).toISOString(), location: 'GMP facility goods-in', fromParty: 'Cold-chain courier', toParty: 'Liu Yang (GMP)', temperatureC: 5.1 }));
  await operator(() => recordCustodyEvent(db, { din: din1, type: 'storage', scannedDin: `${din1}${bag1.collection.checkCharacter}`, occurredAt: new Date(now - 47 * HOUR).toISOString(), location: 'Quarantine fridge QF-02', temperatureC: 4.0 }));

  // Patient 2: CAR-T, collected this morning, with the nurse's signed hand-over still to come.
  const order2 = await coordinator(() => createOrder(db, { patientId: patients[1]!.id, studyId: cart!.id }, new Date(now - 30 * HOUR)));
  await nurse(() => createCollection(db, order2.order.id, { type: 'apheresis', collectedAt: new Date(now - 3 * HOUR).toISOString(), volumeMl: 210 }));

  // Patients 3 and 4: enrolled, orders open, awaiting collection.
  await coordinator(() => createOrder(db, { patientId: patients[2]!.id, studyId: msc!.id }, new Date(now - 20 * HOUR)));
  await coordinator(() => createOrder(db, { patientId: patients[3]!.id, studyId: aav!.id }, new Date(now - 10 * HOUR)));
  await as(db, ids.trainer!, () => seedTrainingCatalogue(db));
  await as(db, ids.trainer!, () => seedTrainingRecords(db));
  await operator(() => seedMaterials(db));
  await as(db, ids.qc!, () => seedFacility(db));
  await as(db, ids.qa!, () => seedProcesses(db));
  await as(db, ids.qa!, () => seedQc(db));
  // Before the batch floor: its batch uses PRO-01, BSC-01 and CEN-01 and frees them when it completes.
  await seedRelease(db);
  await operator(() => seedBatches(db));
  await seedQuality(db, { operator: ids.operator!, qc: ids.qc!, qa: ids.qa!, qahead: ids.qahead! }, DEMO_PASSWORD);
  await seedClinicalDemo(db);
}
