/**
 * The clinical demo after the rest of the center is seeded (its batch floor and release journey take the
 * oldest open orders; the infused subject's order is older, so it comes last): subjects at every stage
 * (clinical-subjects.seed.ts) and the HCC CAR-T subject infused six weeks ago (clinical-infused.seed.ts).
 * The studies' protocols, ethics approvals, registrations and consent documents come first, before any
 * patient is consented (clinical-protocols.seed.ts).
 */
import type { Db } from '../db/client';
import { seedInfusedSubject } from './clinical-infused.seed';
import { seedClinicalSubjects } from './clinical-subjects.seed';

export async function seedClinicalDemo(db: Db): Promise<void> {
  await seedClinicalSubjects(db);
  await seedInfusedSubject(db);
}
