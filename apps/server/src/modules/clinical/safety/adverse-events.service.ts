/**
 * Adverse events: recorded by anyone who enters clinical data, judged (seriousness, relatedness,
 * expectedness) by an investigator with a signature. Every change is a new version kept beside the record
 * and in the audit trail with its reason; an assessment that makes the event serious starts its SAE clocks.
 */
import { isRelated, isSerious, type Relatedness, type SaeAssessment, type SeriousnessCriterion } from '@hepatica/core';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { hasPermission } from '../../../platform/access';
import { currentActor, requireUserActor } from '../../../platform/context';
import { conflict, unprocessable } from '../../../platform/errors';
import { sign, type SignatureInput } from '../../../platform/signatures';
import { write, type Writer } from '../../../platform/write';
import { nextSequence } from '../../sites/sites.service';
import { checkAeContent, investigatorOnly, type AeContent } from './adverse-events.rules';
import { adverseEventVersions, adverseEvents } from './safety.tables';
import { cancelClocks, syncClocks } from './sae-clocks.service';
import { loadSubject, receivedDins, type StudySubject } from './subject-context';

export type AdverseEvent = typeof adverseEvents.$inferSelect;

export interface AssessmentInput {
  seriousness: SeriousnessCriterion[];
  relatedness: { product: Relatedness; apheresis?: Relatedness | undefined; lymphodepletion?: Relatedness | undefined; infusion?: Relatedness | undefined };
  expectedness: 'expected' | 'unexpected';
  rsiReference?: string | undefined;
}

export interface AeDescriptive {
  verbatimTerm: string;
  ctcaeTerm: string;
  grade: number;
  onsetAt: string;
  resolvedAt?: string | null | undefined;
  awareAt?: string | undefined;
  description?: string | null | undefined;
  actionTaken: string;
  outcome: string;
  productDin?: string | null | undefined;
}

export interface NewAdverseEvent extends AeDescriptive {
  assessment?: (AssessmentInput & { signature: SignatureInput }) | undefined;
  /** Set by the CRS assessment that created the event. */
  source?: 'manual' | 'crs_assessment';
}

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

/** The part of the record the investigator's signature is bound to. */
export const assessmentContent = (ae: AdverseEvent) => ({
  id: ae.id,
  seriousness: ae.seriousness,
  relatedness: ae.relatedness,
  expectedness: ae.expectedness,
  rsiReference: ae.rsiReference,
});

export function saeAssessmentOf(ae: Pick<AdverseEvent, 'seriousness' | 'relatedness' | 'expectedness'>): SaeAssessment | null {
  if (!ae.seriousness || !ae.relatedness || !ae.expectedness) return null;
  return {
    seriousness: ae.seriousness as SeriousnessCriterion[],
    productRelatedness: ae.relatedness.product as Relatedness,
    expectedness: ae.expectedness as 'expected' | 'unexpected',
  };
}

const assessmentColumns = (a: AssessmentInput) => ({
  seriousness: a.seriousness,
  relatedness: Object.fromEntries(Object.entries(a.relatedness).filter(([, v]) => v !== undefined)) as Record<string, string>,
  expectedness: a.expectedness,
  rsiReference: a.rsiReference ?? null,
  assessedBy: currentActor().username,
  assessedAt: new Date(),
});

async function snapshot(w: Writer, ae: AdverseEvent, kind: string, reason: string | null) {
  await w.insert(adverseEventVersions, 'adverse_event_version', {
    adverseEventId: ae.id,
    version: ae.version,
    kind,
    snapshot: JSON.parse(JSON.stringify(ae)) as Record<string, unknown>,
    reason,
    changedBy: currentActor().username,
    changedAt: new Date(),
  });
}

async function signAssessment(w: Writer, ae: AdverseEvent, signature: SignatureInput) {
  await sign(w, signature, 'adverse_event', ae.id, assessmentContent(ae));
}

/** Checks the event's content as it would stand, with the subject's received DINs when a DIN is named. */
async function checkContent(db: Executor, subject: StudySubject, content: AeContent) {
  checkAeContent(content, content.productDin ? await receivedDins(db, subject) : new Set());
}

export async function createAdverseEvent(db: Db, subjectId: string, input: NewAdverseEvent, w0?: Writer): Promise<AdverseEvent> {
  const actor = requireUserActor();
  if (input.assessment && !hasPermission(actor.roles, 'clinical:investigate')) throw investigatorOnly();
  const subject = await loadSubject(w0?.tx ?? db, subjectId);
  const content: AeContent = {
    ctcaeTerm: input.ctcaeTerm,
    grade: input.grade,
    onsetAt: new Date(input.onsetAt),
    resolvedAt: date(input.resolvedAt),
    awareAt: input.awareAt ? new Date(input.awareAt) : new Date(),
    outcome: input.outcome,
    productDin: input.productDin ?? null,
  };
  await checkContent(w0?.tx ?? db, subject, content);
  const run = async (w: Writer) => {
    const number = `AE-${String(await nextSequence(w.tx, `adverse_event:${subject.id}`)).padStart(3, '0')}`;
    const ae = await w.insert(adverseEvents, 'adverse_event', {
      subjectId: subject.id,
      number,
      status: content.resolvedAt ? 'resolved' : 'open',
      verbatimTerm: input.verbatimTerm,
      ctcaeTerm: input.ctcaeTerm,
      ctcaeVersion: '5.0',
      grade: input.grade,
      onsetAt: content.onsetAt,
      resolvedAt: content.resolvedAt,
      awareAt: content.awareAt,
      description: input.description ?? null,
      actionTaken: input.actionTaken,
      outcome: input.outcome,
      productDin: content.productDin,
      ...(input.assessment ? assessmentColumns(input.assessment) : {}),
      source: input.source ?? 'manual',
      version: 1,
      recordedBy: actor.username,
    });
    await snapshot(w, ae, 'initial', null);
    if (input.assessment) {
      await signAssessment(w, ae, input.assessment.signature);
      await syncClocks(w, ae, saeAssessmentOf(ae), ae.awareAt, 'Initial assessment');
    }
    return ae;
  };
  return w0 ? run(w0) : write(db, run);
}

export interface AdverseEventPatch extends Partial<AeDescriptive> {
  kind?: 'follow_up' | 'correction' | undefined;
  reason?: string | undefined;
}

const refuseVoided = (ae: AdverseEvent) => {
  if (ae.status === 'voided') throw conflict(`${ae.number} was voided; it is no longer changed.`, { code: 'adverse_event.voided', params: { number: ae.number } });
};

/** A follow-up or a correction: a new version of the record, with the reason. */
export async function updateAdverseEvent(db: Db, id: string, patch: AdverseEventPatch, w0?: Writer): Promise<AdverseEvent> {
  requireUserActor();
  const run = async (w: Writer) => {
    const ae = await w.lockById(adverseEvents, id, 'Adverse event');
    refuseVoided(ae);
    if (patch.awareAt && ae.assessedAt && new Date(patch.awareAt).getTime() !== ae.awareAt.getTime()) {
      throw conflict('The time of awareness started the SAE clocks and is no longer changed; explain the discrepancy in the description.', {
        code: 'adverse_event.awareness_locked',
      });
    }
    const next = {
      verbatimTerm: patch.verbatimTerm ?? ae.verbatimTerm,
      ctcaeTerm: patch.ctcaeTerm ?? ae.ctcaeTerm,
      grade: patch.grade ?? ae.grade,
      onsetAt: patch.onsetAt ? new Date(patch.onsetAt) : ae.onsetAt,
      resolvedAt: patch.resolvedAt === undefined ? ae.resolvedAt : date(patch.resolvedAt),
      awareAt: patch.awareAt ? new Date(patch.awareAt) : ae.awareAt,
      description: patch.description === undefined ? ae.description : patch.description,
      actionTaken: patch.actionTaken ?? ae.actionTaken,
      outcome: patch.outcome ?? ae.outcome,
      productDin: patch.productDin === undefined ? ae.productDin : patch.productDin,
    };
    const subject = await loadSubject(w.tx, ae.subjectId);
    await checkContent(w.tx, subject, next);
    const updated = await w.update(
      adverseEvents,
      'adverse_event',
      id,
      { ...next, status: next.resolvedAt ? 'resolved' : 'open', version: ae.version + 1, updatedAt: new Date() },
      patch.reason ?? null,
      patch.kind ?? 'follow_up',
    );
    await snapshot(w, updated, patch.kind ?? 'follow_up', patch.reason ?? null);
    return updated;
  };
  return w0 ? run(w0) : write(db, run);
}

/** The investigator's signed judgement; starts, keeps or cancels the SAE clocks accordingly. */
export async function assessAdverseEvent(db: Db, id: string, input: AssessmentInput & { reason?: string | undefined; signature: SignatureInput }): Promise<AdverseEvent> {
  requireUserActor();
  return write(db, async (w) => {
    const ae = await w.lockById(adverseEvents, id, 'Adverse event');
    refuseVoided(ae);
    const first = ae.assessedAt === null;
    if (!first && !input.reason?.trim()) {
      throw unprocessable('A re-assessment says why the judgement changed.', {
        code: 'adverse_event.reassessment_reason',
        errors: [{ path: 'body.reason', message: 'Required for a re-assessment' }],
      });
    }
    const reason = input.reason?.trim() || 'Investigator assessment';
    const updated = await w.update(
      adverseEvents,
      'adverse_event',
      id,
      { ...assessmentColumns(input), version: ae.version + 1, updatedAt: new Date() },
      reason,
      'assess',
    );
    await snapshot(w, updated, 'assessment', reason);
    await signAssessment(w, updated, input.signature);
    await syncClocks(w, updated, saeAssessmentOf(updated), first ? updated.awareAt : new Date(), reason);
    return updated;
  });
}

/** Entered in error: the record stays, voided, and its clocks that are not met are cancelled. */
export async function voidAdverseEvent(db: Db, id: string, input: { reason: string; signature: SignatureInput }): Promise<AdverseEvent> {
  requireUserActor();
  return write(db, async (w) => {
    const ae = await w.lockById(adverseEvents, id, 'Adverse event');
    refuseVoided(ae);
    const updated = await w.update(adverseEvents, 'adverse_event', id, { status: 'voided', voidReason: input.reason, version: ae.version + 1, updatedAt: new Date() }, input.reason, 'void');
    await snapshot(w, updated, 'void', input.reason);
    await sign(w, input.signature, 'adverse_event_void', id, { id, status: 'voided', voidReason: input.reason });
    await cancelClocks(w, id, `Adverse event voided: ${input.reason}`);
    return updated;
  });
}

/** Seriousness and relatedness as the views show them; null until assessed. */
export function judgement(ae: AdverseEvent) {
  const a = saeAssessmentOf(ae);
  if (!a) return { serious: null, related: null, susar: null };
  const serious = isSerious(a);
  const related = isRelated(a.productRelatedness);
  return { serious, related, susar: serious && related && a.expectedness === 'unexpected' };
}

export async function adverseEventById(db: Db, id: string): Promise<AdverseEvent | undefined> {
  const [row] = await db.select().from(adverseEvents).where(eq(adverseEvents.id, id));
  return row;
}
