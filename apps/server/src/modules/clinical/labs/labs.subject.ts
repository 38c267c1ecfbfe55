/** What the labs need of a subject: the row (404 `Study subject`) and the patient's sex and birth date. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { patients } from '../../patients/patients.tables';
import { getSubject } from '../subjects/subjects.service';

export interface LabSubject {
  id: string;
  sex: 'female' | 'male' | null;
  birthDate: string | null;
}

const sexOf = (s: string | null | undefined) => (s === 'female' || s === 'male' ? s : null);

export async function labSubject(db: Executor, subjectId: string): Promise<LabSubject> {
  const subject = await getSubject(db, subjectId);
  const [p] = await db.select({ sex: patients.sex, birthDate: patients.birthDate }).from(patients).where(eq(patients.id, subject.patientId));
  return { id: subject.id, sex: sexOf(p?.sex), birthDate: p?.birthDate ?? null };
}

/** Whole years between the birth date and the collection (UTC days: a day's error does not change a score). */
export function ageAt(birthDate: string | null, at: Date): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d);
  return at.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}
