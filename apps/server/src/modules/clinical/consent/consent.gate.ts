/**
 * The consent gate (ICH E6(R2) 4.8.8; China GCP 2020 Art. 23: no trial procedure before written informed
 * consent). Enrollment needs a valid consent; treatment (an order, a collection, a bedside check, an
 * infusion) needs a valid consent of the patient's enrolled subject in the study. Every refusal is a 409
 * naming the gap, with the subject number and document version as params for the screen's own words.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { conflict } from '../../../platform/errors';
import { patients } from '../../patients/patients.tables';
import { studies } from '../../studies/studies.tables';
import { studySubjects } from '../subjects/subjects.tables';
import { consentState, type ConsentState } from './consent.status';

export type ConsentPurpose = 'enrollment' | 'treatment';

const PURPOSE_WORDS: Record<ConsentPurpose, string> = { enrollment: 'enrolled', treatment: 'treated (order, collection or infusion)' };

/** The subject's valid consent state, or a 409 `consent.none` / `consent.reconsent_required` / `consent.withdrawn`. */
export async function requireValidConsent(db: Executor, subjectId: string, purpose: ConsentPurpose): Promise<ConsentState> {
  const state = await consentState(db, subjectId);
  const subjectNumber = state.subject.subjectNumber ?? state.subject.screeningNumber;
  const documentVersion = state.currentDocument?.versionLabel ?? '';
  switch (state.status) {
    case 'valid':
      return state;
    case 'none':
      throw conflict(`Subject ${subjectNumber} has no informed consent on record; they may not be ${PURPOSE_WORDS[purpose]} until consent is recorded.`, {
        code: 'consent.none',
        params: { subjectNumber, purpose },
      });
    case 'reconsent_required': {
      const required = state.reconsent?.document.versionLabel ?? '';
      throw conflict(
        `Subject ${subjectNumber} consented on document version ${documentVersion}, which has been superseded by version ${required}; re-consent them before they are ${PURPOSE_WORDS[purpose]}.`,
        { code: 'consent.reconsent_required', params: { subjectNumber, documentVersion, requiredVersion: required, purpose } },
      );
    }
    case 'withdrawn':
    case 'withdrawn_from_treatment': {
      const scope = state.status === 'withdrawn' ? 'complete' : 'treatment';
      throw conflict(
        `Subject ${subjectNumber} has withdrawn consent (${scope === 'complete' ? 'completely' : 'from treatment'}); they may not be ${PURPOSE_WORDS[purpose]}.`,
        { code: 'consent.withdrawn', params: { subjectNumber, documentVersion, scope, purpose } },
      );
    }
  }
}

/**
 * The patient's enrolled subject in the study with a valid consent for treatment, or 409: `consent.not_enrolled`
 * when the patient is not an enrolled subject of the study, else the problems of requireValidConsent.
 */
export async function requireTreatmentConsent(db: Executor, patientId: string, studyId: string): Promise<ConsentState> {
  const [subject] = await db
    .select({ id: studySubjects.id })
    .from(studySubjects)
    .where(and(eq(studySubjects.patientId, patientId), eq(studySubjects.studyId, studyId), eq(studySubjects.status, 'enrolled')))
    .orderBy(desc(studySubjects.enrolledAt))
    .limit(1);
  if (subject) return requireValidConsent(db, subject.id, 'treatment');
  const [names] = await db
    .select({ subjectCode: patients.subjectCode, studyCode: studies.code })
    .from(patients)
    .innerJoin(studies, eq(studies.id, studyId))
    .where(eq(patients.id, patientId));
  const subjectCode = names?.subjectCode ?? patientId;
  const studyCode = names?.studyCode ?? studyId;
  throw conflict(`Patient ${subjectCode} is not an enrolled subject of study ${studyCode}; enroll them (with their consent) before any treatment.`, {
    code: 'consent.not_enrolled',
    params: { subjectCode, studyCode },
  });
}
