/**
 * Study subjects: reading a subject and its view. Screening, eligibility, waivers and enrollment live in
 * screening.service.ts and enrollment.service.ts; other clinical modules read subjects through getSubject.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { hasPermission } from '../../../platform/access';
import { currentActor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { patients } from '../../patients/patients.tables';
import { studySubjects } from './subjects.tables';

export type StudySubject = typeof studySubjects.$inferSelect;
export type SubjectStatus = 'screening' | 'screen_failed' | 'enrolled' | 'withdrawn' | 'completed';
type Patient = typeof patients.$inferSelect;

/** The subject row, or 404 `Study subject`. */
export async function getSubject(db: Executor, id: string): Promise<StudySubject> {
  const [row] = await db.select().from(studySubjects).where(eq(studySubjects.id, id));
  if (!row) throw notFound('Study subject');
  return row;
}

/**
 * A subject as the API shows it. With the patient row, the pseudonymous subject code is always shown and
 * name and MRN only to roles holding `identity:read`.
 */
export function subjectView(s: StudySubject, patient?: Pick<Patient, 'subjectCode' | 'name' | 'mrn'> | null) {
  const seesIdentity = hasPermission(currentActor().roles, 'identity:read');
  return {
    id: s.id,
    studyId: s.studyId,
    patientId: s.patientId,
    protocolVersionId: s.protocolVersionId,
    screeningNumber: s.screeningNumber,
    subjectNumber: s.subjectNumber ?? null,
    status: s.status as SubjectStatus,
    screenedAt: s.screenedAt.toISOString(),
    enrolledAt: s.enrolledAt?.toISOString() ?? null,
    screenFailureReason: s.screenFailureReason ?? null,
    armCode: s.armCode ?? null,
    ...(patient ? { patientCode: patient.subjectCode } : {}),
    ...(patient && seesIdentity ? { patientName: patient.name, mrn: patient.mrn } : {}),
    createdAt: s.createdAt.toISOString(),
  };
}
