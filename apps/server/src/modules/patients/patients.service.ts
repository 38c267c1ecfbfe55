/**
 * Patients. The subject code is pseudonymous and travels on labels and to the GMP facility;
 * the name and MRN stay here and are shown only to roles holding `identity:read`.
 */
import { desc, eq, ilike, or } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { hasPermission } from '../../platform/access';
import { currentActor } from '../../platform/context';
import { conflict, notFound } from '../../platform/errors';
import { write } from '../../platform/write';
import { homeSite, nextSequence } from '../sites/sites.service';
import { patients } from './patients.tables';

export type Patient = typeof patients.$inferSelect;

/** The patient as the current user may see them. */
export function patientView(p: Patient) {
  const seesIdentity = hasPermission(currentActor().roles, 'identity:read');
  return {
    id: p.id,
    subjectCode: p.subjectCode,
    sex: p.sex as 'female' | 'male',
    birthDate: p.birthDate,
    ...(seesIdentity ? { name: p.name, mrn: p.mrn } : {}),
    createdAt: p.createdAt.toISOString(),
  };
}

export async function listPatients(db: Executor, search?: string): Promise<Patient[]> {
  const seesIdentity = hasPermission(currentActor().roles, 'identity:read');
  const pattern = search ? `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  // Only people who may see identity may search by it: otherwise a search would reveal names.
  const where = pattern
    ? seesIdentity
      ? or(ilike(patients.subjectCode, pattern), ilike(patients.name, pattern), ilike(patients.mrn, pattern))
      : ilike(patients.subjectCode, pattern)
    : undefined;
  return db.select().from(patients).where(where).orderBy(desc(patients.createdAt)).limit(500);
}

export async function getPatient(db: Executor, id: string): Promise<Patient> {
  const [row] = await db.select().from(patients).where(eq(patients.id, id));
  if (!row) throw notFound('Patient');
  return row;
}

export interface NewPatient {
  sex: 'female' | 'male';
  birthDate: string;
  name?: string | undefined;
  mrn?: string | undefined;
}

export async function createPatient(db: Db, input: NewPatient): Promise<Patient> {
  const site = await homeSite(db);
  if (input.mrn) {
    const [dup] = await db.select({ id: patients.id }).from(patients).where(eq(patients.mrn, input.mrn));
    if (dup) throw conflict(`A patient with MRN ${input.mrn} is already registered.`, { code: 'patient.mrn_taken', params: { mrn: input.mrn } });
  }
  return write(db, async (w) => {
    const seq = await nextSequence(w.tx, `subject:${site.fin}`);
    const subjectCode = `${site.fin}-${String(seq).padStart(6, '0')}`;
    return w.insert(patients, 'patient', {
      siteId: site.id,
      subjectCode,
      sex: input.sex,
      birthDate: input.birthDate,
      name: input.name ?? null,
      mrn: input.mrn ?? null,
    });
  });
}
