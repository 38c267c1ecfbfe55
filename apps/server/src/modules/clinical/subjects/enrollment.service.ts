/**
 * Eligibility waivers (a protocol deviation signed by the investigator) and enrollment: refused while a
 * criterion fails without a waiver, while data are missing, without a current ethics approval or a valid
 * consent; gives the study subject number and, for several arms, the arm by stratified permuted-block
 * randomization (concealed: only the assignment being made is ever read; audited so it can be replayed).
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { allocationAt, allocationBlock, stratumKey, StratumValueError } from '@hepatica/core';
import type { Db, Executor } from '../../../db/client';
import { conflict, unprocessable } from '../../../platform/errors';
import { requireUserActor } from '../../../platform/context';
import { sign, signaturesOf, type SignatureInput } from '../../../platform/signatures';
import { write, type Writer } from '../../../platform/write';
import { nextSequence } from '../../sites/sites.service';
import { getStudy } from '../../studies/studies.service';
import { requireValidConsent } from '../consent/consent.gate';
import { effectiveProtocol, type LoadedProtocol } from '../protocols/protocols.service';
import { eligibilityCriteria } from '../protocols/protocols.tables';
import { requireCurrentEthics } from '../protocols/regulatory.service';
import { evaluateSubject, requireScreening, type Derived, type ScreeningDataRow } from './screening.service';
import { protocolDeviations, randomizationSlots, studySubjects } from './subjects.tables';
import { getSubject, type StudySubject } from './subjects.service';

export type Deviation = typeof protocolDeviations.$inferSelect;

const deviationContent = (d: Deviation) => ({ id: d.id, subjectId: d.subjectId, kind: d.kind, criterionId: d.criterionId, reason: d.reason });

export async function listDeviations(db: Executor, subjectId: string) {
  await getSubject(db, subjectId);
  const rows = await db
    .select({ d: protocolDeviations, code: eligibilityCriteria.code })
    .from(protocolDeviations)
    .leftJoin(eligibilityCriteria, eq(eligibilityCriteria.id, protocolDeviations.criterionId))
    .where(eq(protocolDeviations.subjectId, subjectId))
    .orderBy(asc(protocolDeviations.createdAt));
  return Promise.all(rows.map(({ d, code }) => deviationView(db, d, code)));
}

export async function deviationView(db: Executor, d: Deviation, criterionCode: string | null) {
  const signatures = await signaturesOf(db, 'protocol_deviation', d.id, deviationContent(d));
  return {
    id: d.id,
    subjectId: d.subjectId,
    kind: d.kind,
    criterionId: d.criterionId,
    criterionCode,
    reason: d.reason,
    signedBy: signatures[0]?.printedName ?? null,
    signatures,
    createdAt: d.createdAt.toISOString(),
  };
}

/** The investigator waives a failing criterion for this subject, signing the deviation. */
export async function waiveCriterion(db: Db, subjectId: string, input: { criterionId: string; reason: string; signature?: SignatureInput | undefined }) {
  if (!input.signature) {
    throw unprocessable('A waiver must be signed by the investigator.', { code: 'waiver.signature_required', errors: [{ path: 'body.signature', message: 'Required' }] });
  }
  const signature = input.signature;
  const subject = await getSubject(db, subjectId);
  requireScreening(subject);
  const { protocol, evaluation } = await evaluateSubject(db, subject);
  const criterion = protocol.criteria.find((c) => c.id === input.criterionId);
  if (!criterion) {
    throw unprocessable('This criterion is not one of the subject\u2019s protocol.', { code: 'waiver.unknown_criterion', errors: [{ path: 'body.criterionId', message: 'Not a criterion of this protocol' }] });
  }
  const result = evaluation.criteria.find((c) => c.criterionId === criterion.id)!;
  if (result.waived) throw conflict(`Criterion ${criterion.code} is already waived for this subject.`, { code: 'waiver.exists', params: { criterionCode: criterion.code } });
  if (result.passes !== false) {
    throw conflict(`Criterion ${criterion.code} does not fail for this subject (${result.result}); only a failing criterion can be waived.`, {
      code: 'waiver.not_failing',
      params: { criterionCode: criterion.code, result: result.result },
    });
  }
  const row = await write(db, async (w) => {
    const locked = await w.lockById(studySubjects, subjectId, 'study_subject');
    requireScreening(locked);
    const d = await w.insert(protocolDeviations, 'protocol_deviation', { subjectId, kind: 'eligibility_waiver', criterionId: criterion.id, reason: input.reason, recordedBy: requireUserActor().id });
    await sign(w, signature, 'protocol_deviation', d.id, deviationContent(d));
    return d;
  });
  return deviationView(db, row, criterion.code);
}

/** SHA-256 of the seed, first 16 hex digits: names the seed in the audit without revealing it. */
export const seedRef = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 16);

export interface Assignment {
  armCode: string;
  stratum: string;
  sequence: number;
  blockNumber: number;
  position: number;
}

/** The stratum values of a subject: built-in factors from the derived data, others from `strata`. */
function strataValues(data: ScreeningDataRow | null): Record<string, string | null> {
  const derived = (data?.derived ?? {}) as Partial<Derived>;
  const entered = ((data?.data.strata ?? {}) as Record<string, string>);
  return { ...entered, bclcStage: derived.bclcStage ?? entered.bclcStage ?? null, childPughClass: derived.childPughClass ?? entered.childPughClass ?? null, sex: derived.sex ?? null };
}

/**
 * Takes the next slot of the subject's stratum, generating the stratum's next blocks when the stored list is
 * used up. The counter's row lock serializes concurrent assignments of a stratum.
 */
async function randomize(w: Writer, protocol: LoadedProtocol, subject: StudySubject, data: ScreeningDataRow | null): Promise<Assignment> {
  const v = protocol.version;
  const settings = v.randomization!;
  const scheme = { arms: protocol.arms.map((a) => ({ code: a.code, ratio: a.ratio })), blockSizes: settings.blockSizes };
  let stratum: string;
  try {
    stratum = stratumKey(settings.factors, strataValues(data));
  } catch (error) {
    if (!(error instanceof StratumValueError)) throw error;
    throw unprocessable(`Randomization needs the subject's ${error.factor}: ${error.message}.`, {
      code: 'randomization.stratum_missing',
      params: { factor: error.factor },
      errors: [{ path: `body.strata.${error.factor}`, message: error.message }],
    });
  }
  const sequence = await nextSequence(w.tx, `randomization:${v.id}:${stratum}`);
  const target = allocationAt(v.randomizationSeed!, scheme, stratum, sequence);
  const stored = await w.tx
    .select({ blockNumber: randomizationSlots.blockNumber })
    .from(randomizationSlots)
    .where(and(eq(randomizationSlots.protocolVersionId, v.id), eq(randomizationSlots.stratum, stratum)));
  const have = new Set(stored.map((s) => s.blockNumber));
  let start = sequence - target.position;
  // Blocks up to the target's are stored in order; find the first sequence of every missing block.
  const missing: number[] = [];
  for (let b = target.blockNumber; b >= 1 && !have.has(b); b--) missing.unshift(b);
  if (missing.length) {
    start = sequence - target.position - missing.slice(0, -1).reduce((n, b) => n + allocationBlock(v.randomizationSeed!, scheme, stratum, b).length, 0);
    for (const b of missing) {
      const block = allocationBlock(v.randomizationSeed!, scheme, stratum, b);
      for (const [i, armCode] of block.entries()) {
        await w.insert(randomizationSlots, 'randomization_slot', { protocolVersionId: v.id, stratum, sequence: start + i + 1, blockNumber: b, position: i + 1, armCode });
      }
      start += block.length;
    }
  }
  const [slot] = await w.tx
    .select()
    .from(randomizationSlots)
    .where(and(eq(randomizationSlots.protocolVersionId, v.id), eq(randomizationSlots.stratum, stratum), eq(randomizationSlots.sequence, sequence)));
  await w.update(randomizationSlots, 'randomization_slot', slot!.id, { subjectId: subject.id, assignedAt: new Date() }, `Assigned to subject ${subject.screeningNumber}`, 'assign');
  const assignment = { armCode: slot!.armCode, stratum, sequence, blockNumber: slot!.blockNumber, position: slot!.position };
  await w.event({
    action: 'assign',
    entityType: 'randomization_assignment',
    entityId: subject.id,
    after: { ...assignment, protocolVersionId: v.id, seedRef: seedRef(v.randomizationSeed!), blockSizes: settings.blockSizes, arms: scheme.arms },
  });
  return assignment;
}

/** Enrolls a screened subject: number, arm (randomized when several), status `enrolled`. */
export async function enrollSubject(db: Db, subjectId: string, input: { enrolledAt?: string | undefined }) {
  const subject = await getSubject(db, subjectId);
  requireScreening(subject);
  const study = await getStudy(db, subject.studyId);
  const current = await effectiveProtocol(db, subject.studyId);
  if (!current) throw conflict(`Study ${study.code} has no effective protocol.`, { code: 'protocol.none_effective', params: { study: study.code } });
  const enrolledAt = input.enrolledAt ? new Date(input.enrolledAt) : new Date();
  if (enrolledAt < subject.screenedAt || enrolledAt.getTime() > Date.now() + 60_000) {
    throw unprocessable('Enrollment must be between the screening and now.', { code: 'enrollment.bad_time', errors: [{ path: 'body.enrolledAt', message: 'Between the screening and now' }] });
  }
  await requireCurrentEthics(db, current, enrolledAt);
  const { protocol, data, evaluation } = await evaluateSubject(db, subject);
  if (evaluation.status !== 'eligible') {
    const c = evaluation.decidedBy!;
    const ineligible = evaluation.status === 'ineligible';
    throw conflict(
      ineligible
        ? `Criterion ${c.code} (${c.kind}) ${c.kind === 'inclusion' ? 'is not met' : 'applies'}; the subject cannot be enrolled unless the investigator signs a waiver.`
        : `Criterion ${c.code} cannot be decided yet: enter the screening data it needs.`,
      { code: ineligible ? 'enrollment.ineligible' : 'enrollment.incomplete', params: { criterionCode: c.code, criterionId: c.criterionId, kind: c.kind } },
    );
  }
  await requireValidConsent(db, subject.id, 'enrollment');
  return write(db, async (w) => {
    const locked = await w.lockById(studySubjects, subjectId, 'study_subject');
    requireScreening(locked);
    const n = await nextSequence(w.tx, `subject:${subject.studyId}`);
    const assignment = protocol.arms.length > 1 ? await randomize(w, protocol, locked, data) : null;
    const armCode = assignment?.armCode ?? protocol.arms[0]?.code ?? null;
    const row = await w.update(
      studySubjects,
      'study_subject',
      subjectId,
      { status: 'enrolled', subjectNumber: `${study.code}-${String(n).padStart(3, '0')}`, enrolledAt, armCode },
      'Enrolled: eligible, consented, ethics approval current',
      'enroll',
    );
    return { subject: row, assignment };
  });
}

/** Subjects by id (for views that list several). */
export async function subjectsByIds(db: Executor, ids: string[]): Promise<StudySubject[]> {
  return ids.length ? db.select().from(studySubjects).where(inArray(studySubjects.id, ids)) : [];
}
