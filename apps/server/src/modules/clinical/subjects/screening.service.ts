/**
 * Screening: a patient screened for a study under its effective protocol (refused without a current ethics
 * approval), the screening data entered for them, their eligibility evaluated from it, screen failure, and the
 * study's screening log.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  bclcStage,
  evaluateEligibility,
  LabUnitError,
  LIVER_SCORE_LABS,
  labInputProblems,
  liverScores,
  LiverScoreInputError,
  type BclcStageCode,
  type ChildPughClass,
  type EligibilityData,
  type EligibilityEvaluation,
  type LiverScoreInput,
} from '@hepatica/core';
import type { Db, Executor } from '../../../db/client';
import { conflict, unprocessable } from '../../../platform/errors';
import { currentActor } from '../../../platform/context';
import { write } from '../../../platform/write';
import { patients } from '../../patients/patients.tables';
import { homeSite, nextSequence } from '../../sites/sites.service';
import { getStudy } from '../../studies/studies.service';
import { convertLabValue } from '../protocols/lab-units';
import { effectiveProtocol, loadProtocol, ruleCriteria, type LoadedProtocol } from '../protocols/protocols.service';
import { requireCurrentEthics } from '../protocols/regulatory.service';
import { protocolDeviations, screeningData, studySubjects } from './subjects.tables';
import { getSubject, type StudySubject } from './subjects.service';

export type ScreeningDataRow = typeof screeningData.$inferSelect;

export interface ScreeningInput {
  reason?: string | undefined;
  ecog?: number | undefined;
  ascites?: 'none' | 'slight' | 'moderate' | undefined;
  encephalopathy?: 'none' | 'grade_1_2' | 'grade_3_4' | undefined;
  dialysis?: boolean | undefined;
  labs?: Record<string, { value: number; unit?: string | undefined }> | undefined;
  tumour?:
    | { nodules?: number | undefined; largestDiameterMm?: number | undefined; macrovascularInvasion?: boolean | undefined; extrahepaticSpread?: boolean | undefined; liverFunction?: 'preserved' | 'end_stage' | undefined }
    | undefined;
  bclcStage?: BclcStageCode | undefined;
  priorTherapies?: string[] | undefined;
  checklist?: Record<string, boolean> | undefined;
  strata?: Record<string, string> | undefined;
}

interface ChecklistAnswer {
  answer: boolean;
  by: string;
  byName: string;
  at: string;
}

export interface Derived {
  ageYears: number;
  sex: 'female' | 'male';
  childPughClass: ChildPughClass | null;
  childPughPoints: number | null;
  meld: { meld: number | null; meldNa: number | null; meld3: number | null };
  bclcStage: BclcStageCode | null;
  bclcBasis: string | null;
  scoresVersion: string | null;
}

/** Whole years between a birth date and a calendar day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** Screens a patient for a study under its effective protocol; refused without a current ethics approval. */
export async function screenPatient(db: Db, studyId: string, input: { patientId: string; screenedAt?: string | undefined }): Promise<StudySubject> {
  const study = await getStudy(db, studyId);
  const protocol = await effectiveProtocol(db, studyId);
  if (!protocol) {
    throw conflict(`Study ${study.code} has no effective protocol yet; approve a protocol version before screening.`, { code: 'protocol.none_effective', params: { study: study.code } });
  }
  const screenedAt = input.screenedAt ? new Date(input.screenedAt) : new Date();
  if (screenedAt.getTime() > Date.now() + 60_000) {
    throw unprocessable('The screening cannot be in the future.', { code: 'screening.in_future', errors: [{ path: 'body.screenedAt', message: 'Must not be in the future' }] });
  }
  await requireCurrentEthics(db, protocol, screenedAt);
  const [patient] = await db.select({ id: patients.id }).from(patients).where(eq(patients.id, input.patientId));
  if (!patient) throw unprocessable('There is no such patient.', { code: 'patient.not_found', errors: [{ path: 'body.patientId', message: 'No such patient' }] });
  return write(db, async (w) => {
    const active = await w.tx
      .select({ id: studySubjects.id, status: studySubjects.status, screeningNumber: studySubjects.screeningNumber })
      .from(studySubjects)
      .where(and(eq(studySubjects.studyId, studyId), eq(studySubjects.patientId, input.patientId)));
    const open = active.find((s) => s.status === 'screening' || s.status === 'enrolled');
    if (open) {
      throw conflict(`The patient is already ${open.status} in study ${study.code} (${open.screeningNumber}).`, {
        code: 'subject.already_in_study',
        params: { screeningNumber: open.screeningNumber, status: open.status },
      });
    }
    const n = await nextSequence(w.tx, `screening:${studyId}`);
    return w.insert(studySubjects, 'study_subject', {
      studyId,
      patientId: input.patientId,
      protocolVersionId: protocol.id,
      screeningNumber: `${study.code}-S${String(n).padStart(3, '0')}`,
      status: 'screening',
      screenedAt,
    });
  });
}

export function requireScreening(s: StudySubject) {
  if (s.status !== 'screening') {
    throw conflict(`Subject ${s.subjectNumber ?? s.screeningNumber} is ${s.status.replace('_', ' ')}, not in screening.`, {
      code: 'subject.not_screening',
      params: { status: s.status, screeningNumber: s.screeningNumber },
    });
  }
}

/** Age and sex from the patient, Child-Pugh, MELD scores and BCLC stage from the entered data. */
async function derive(db: Executor, subject: StudySubject, input: ScreeningInput): Promise<Derived> {
  const [patient] = await db.select().from(patients).where(eq(patients.id, subject.patientId));
  const site = await homeSite(db);
  const sex = patient!.sex as 'female' | 'male';
  const ageYears = ageOn(patient!.birthDate, dayIn(subject.screenedAt, site.timeZone));
  const labs = Object.fromEntries(Object.entries(input.labs ?? {}).filter(([k]) => (LIVER_SCORE_LABS as readonly string[]).includes(k)));
  const scoreInput: LiverScoreInput = { sex, ageYears, labs, ...(input.dialysis !== undefined ? { dialysis: input.dialysis } : {}) };
  if (input.ascites) scoreInput.ascites = input.ascites;
  if (input.encephalopathy) scoreInput.encephalopathy = input.encephalopathy;
  let scores;
  try {
    scores = liverScores(scoreInput);
  } catch (error) {
    if (error instanceof LiverScoreInputError) throw unprocessable(error.message, { code: error.code, params: error.params, errors: [{ path: `body.${error.path}`, message: error.message }] });
    if (error instanceof LabUnitError) throw unprocessable(error.message, { code: error.code, errors: [{ path: `body.labs.${error.analyte}.unit`, message: error.message }] });
    throw error;
  }
  const childPughClass = scores.childPugh?.class ?? null;
  const bclc = bclcStage({ ...input.tumour, ecog: input.ecog ?? null, childPughClass });
  return {
    ageYears,
    sex,
    childPughClass,
    childPughPoints: scores.childPugh?.points ?? null,
    meld: { meld: scores.meld?.score ?? null, meldNa: scores.meldNa?.score ?? null, meld3: scores.meld3?.score ?? null },
    bclcStage: input.bclcStage ?? bclc?.stage ?? null,
    bclcBasis: input.bclcStage ? 'entered' : (bclc?.basis ?? null),
    scoresVersion: scores.version,
  };
}

function checkInput(protocol: LoadedProtocol, input: ScreeningInput) {
  const problems = labInputProblems(input.labs ?? {}, 'body.labs');
  if (problems.length) {
    const p = problems[0]!;
    throw unprocessable(p.message, { code: p.code, params: p.params, errors: problems.map((x) => ({ path: x.path, message: x.message, code: x.code })) });
  }
  const checklistIds = new Set(protocol.criteria.filter((c) => (c.rule as { type?: string }).type === 'checklist').map((c) => c.id));
  for (const id of Object.keys(input.checklist ?? {})) {
    if (!checklistIds.has(id)) {
      throw unprocessable('This checklist item is not a checklist criterion of the subject\u2019s protocol.', {
        code: 'screening.unknown_checklist_item',
        errors: [{ path: `body.checklist.${id}`, message: 'Not a checklist criterion of this protocol' }],
      });
    }
  }
}

export async function getScreeningData(db: Executor, subjectId: string): Promise<ScreeningDataRow | null> {
  const [row] = await db.select().from(screeningData).where(eq(screeningData.subjectId, subjectId));
  return row ?? null;
}

/** Enters (or, with a reason, changes) the subject's screening data. */
export async function putScreeningData(db: Db, subjectId: string, input: ScreeningInput): Promise<ScreeningDataRow> {
  const subject = await getSubject(db, subjectId);
  requireScreening(subject);
  const protocol = await loadProtocol(db, subject.protocolVersionId);
  checkInput(protocol, input);
  const derived = await derive(db, subject, input);
  const actor = currentActor();
  const now = new Date();
  const existing = await getScreeningData(db, subjectId);
  const previousAnswers = (existing?.data.checklist ?? {}) as Record<string, ChecklistAnswer>;
  const checklist = Object.fromEntries(
    Object.entries(input.checklist ?? {}).map(([id, answer]) => {
      const before = previousAnswers[id];
      return [id, before && before.answer === answer ? before : { answer, by: actor.username, byName: actor.displayName, at: now.toISOString() }];
    }),
  );
  const { reason, ...fields } = input;
  const data = { ...fields, checklist } as Record<string, unknown>;
  if (existing && !reason?.trim()) {
    throw unprocessable('Screening data are already recorded; give the reason for the change.', { code: 'gmp.reason_required', errors: [{ path: 'body.reason', message: 'Required' }] });
  }
  return write(db, async (w) => {
    const locked = await w.lockById(studySubjects, subjectId, 'study_subject');
    requireScreening(locked);
    if (!existing) return w.insert(screeningData, 'screening_data', { subjectId, data, derived: derived as unknown as Record<string, unknown> });
    return w.update(screeningData, 'screening_data', existing.id, { data, derived: derived as unknown as Record<string, unknown>, updatedAt: now }, reason!);
  });
}

export function screeningDataView(row: ScreeningDataRow) {
  const answers = (row.data.checklist ?? {}) as Record<string, ChecklistAnswer>;
  const checklist = Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.answer]));
  return { ...row.data, ...row.derived, checklist, checklistAnswers: answers, subjectId: row.subjectId, updatedAt: row.updatedAt.toISOString() };
}

/** The data the eligibility rules read, from the stored screening data. */
export function eligibilityData(row: ScreeningDataRow | null): EligibilityData {
  if (!row) return {};
  const d = row.data as ScreeningInput & { checklist?: Record<string, ChecklistAnswer> };
  const x = row.derived as unknown as Derived;
  return {
    ageYears: x.ageYears,
    sex: x.sex,
    childPughClass: x.childPughClass,
    meld: x.meld,
    bclcStage: x.bclcStage,
    ecog: d.ecog ?? null,
    labs: Object.fromEntries(Object.entries(d.labs ?? {}).map(([k, v]) => [k, { value: v.value, unit: v.unit ?? '' }])),
    priorTherapies: d.priorTherapies ?? null,
    checklist: Object.fromEntries(Object.entries(d.checklist ?? {}).map(([id, a]) => [id, a.answer])),
  };
}

export async function waivedCriteria(db: Executor, subjectId: string): Promise<string[]> {
  const rows = await db
    .select({ criterionId: protocolDeviations.criterionId })
    .from(protocolDeviations)
    .where(and(eq(protocolDeviations.subjectId, subjectId), eq(protocolDeviations.kind, 'eligibility_waiver')));
  return rows.map((r) => r.criterionId).filter((id): id is string => id !== null);
}

export interface SubjectEligibility {
  protocol: LoadedProtocol;
  data: ScreeningDataRow | null;
  evaluation: EligibilityEvaluation;
}

/** The subject's eligibility under the protocol they were screened on, with signed waivers applied. */
export async function evaluateSubject(db: Executor, subject: StudySubject): Promise<SubjectEligibility> {
  const [protocol, data, waived] = await Promise.all([loadProtocol(db, subject.protocolVersionId), getScreeningData(db, subject.id), waivedCriteria(db, subject.id)]);
  const evaluation = evaluateEligibility(ruleCriteria(protocol.criteria), eligibilityData(data), { convert: convertLabValue, waived });
  return { protocol, data, evaluation };
}

export function eligibilityView({ protocol, evaluation }: SubjectEligibility) {
  const text = new Map(protocol.criteria.map((c) => [c.id, c.text]));
  const withText = <T extends { criterionId: string }>(c: T) => ({ ...c, text: text.get(c.criterionId) ?? '' });
  const decidedBy = evaluation.decidedBy ? { ...withText(evaluation.decidedBy), outcome: evaluation.decidedBy.result } : null;
  return { status: evaluation.status, decidedBy, criteria: evaluation.criteria.map(withText) };
}

export async function recordScreenFailure(db: Db, subjectId: string, reason: string): Promise<StudySubject> {
  return write(db, async (w) => {
    const s = await w.lockById(studySubjects, subjectId, 'study_subject');
    requireScreening(s);
    return w.update(studySubjects, 'study_subject', subjectId, { status: 'screen_failed', screenFailureReason: reason, screenFailedAt: new Date() }, reason, 'screen_failure');
  });
}

/** The study's screening log: every screening with its eligibility, and the counts. */
export async function screeningLog(db: Executor, studyId: string) {
  await getStudy(db, studyId);
  const rows = await db
    .select({ s: studySubjects, p: { subjectCode: patients.subjectCode, name: patients.name, mrn: patients.mrn } })
    .from(studySubjects)
    .innerJoin(patients, eq(patients.id, studySubjects.patientId))
    .where(eq(studySubjects.studyId, studyId))
    .orderBy(asc(studySubjects.screenedAt), asc(studySubjects.screeningNumber));
  const items = [];
  for (const { s, p } of rows) {
    const { evaluation } = await evaluateSubject(db, s);
    const d = evaluation.decidedBy;
    items.push({ s, p, status: evaluation.status, decidedBy: d ? { criterionId: d.criterionId, code: d.code, kind: d.kind, outcome: d.result } : null });
  }
  const counts = {
    screened: items.length,
    screening: items.filter((i) => i.s.status === 'screening').length,
    eligible: items.filter((i) => i.status === 'eligible' && i.s.status !== 'screen_failed').length,
    failed: items.filter((i) => i.s.status === 'screen_failed').length,
    enrolled: items.filter((i) => ['enrolled', 'withdrawn', 'completed'].includes(i.s.status)).length,
  };
  return { counts, items };
}
