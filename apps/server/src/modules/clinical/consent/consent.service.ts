/**
 * Consent records and withdrawals. A consent is given on an approved, current document of the subject's study,
 * dated on or after the document's ethics approval, by the subject or a legally authorized representative,
 * witnessed where the subject cannot read or a representative signs (ICH E6(R2) 4.8.9, 4.8.12), taken by an
 * investigator, and signed by the person recording it. A withdrawal deletes nothing: it records what stops.
 */
import { localDate } from '@hepatica/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { hasPermission } from '../../../platform/access';
import { requireUserActor } from '../../../platform/context';
import { conflict, unprocessable, type FieldError } from '../../../platform/errors';
import { sign } from '../../../platform/signatures';
import { write } from '../../../platform/write';
import { users } from '../../identity/identity.tables';
import { homeSite } from '../../sites/sites.service';
import { getSubject } from '../subjects/subjects.service';
import type { NewConsent, NewWithdrawal } from './consent.schema';
import { consentState, type ConsentDocument, type ConsentRecord, type ConsentWithdrawal } from './consent.status';
import { consentDocuments, consentRecords, consentWithdrawals, reconsentFlags } from './consent.tables';

/** A time this far ahead of the server clock is a typing error, not a clock difference. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const invalid = (detail: string, code: string, path: string, message: string, params?: Record<string, string>) =>
  unprocessable(detail, { code, ...(params ? { params } : {}), errors: [{ path, message }] });

/** What the recorder's signature vouches for. */
export function signedConsent(r: ConsentRecord) {
  return { id: r.id, subjectId: r.subjectId, documentId: r.documentId, consentedAt: r.consentedAt, consentedBy: r.consentedBy, larName: r.larName, larRelationship: r.larRelationship, witnessName: r.witnessName, investigatorId: r.investigatorId, optionalParts: r.optionalParts };
}

export function signedWithdrawal(w: ConsentWithdrawal) {
  return { id: w.id, subjectId: w.subjectId, consentRecordId: w.consentRecordId, scope: w.scope, parts: w.parts, safetyFollowUp: w.safetyFollowUp, withdrawnAt: w.withdrawnAt, reason: w.reason };
}

function notInFuture(at: Date, path: string) {
  if (at.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw invalid('The time is in the future.', 'consent.in_future', path, 'Must not be in the future');
}

async function consentDocument(db: Db, studyId: string, id: string): Promise<ConsentDocument> {
  const [doc] = await db.select().from(consentDocuments).where(and(eq(consentDocuments.id, id), eq(consentDocuments.studyId, studyId)));
  if (!doc) throw invalid("No such consent document in the subject's study.", 'consent.unknown_document', 'body.documentId', 'Unknown consent document');
  if (doc.status === 'draft') throw invalid(`Consent document version ${doc.versionLabel} is a draft, not yet approved by the ethics committee.`, 'consent.document_not_approved', 'body.documentId', 'Not approved', { versionLabel: doc.versionLabel });
  if (doc.status === 'superseded') {
    const [next] = doc.supersededById ? await db.select().from(consentDocuments).where(eq(consentDocuments.id, doc.supersededById)) : [];
    const currentVersion = next?.versionLabel ?? '';
    throw invalid(`Consent document version ${doc.versionLabel} has been superseded by version ${currentVersion}; consent on the current version.`, 'consent.document_superseded', 'body.documentId', 'Superseded', { versionLabel: doc.versionLabel, currentVersion });
  }
  return doc;
}

/** The investigator who took the consent: an active physician or coordinator holding consent:write. */
async function investigator(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  const allowed = user?.active && hasPermission(user.roles, 'consent:write') && user.roles.some((r) => r === 'physician' || r === 'coordinator');
  if (!user || !allowed) {
    throw invalid('The person who took the consent must be an active investigator (a physician or coordinator allowed to take consent).', 'consent.investigator_not_permitted', 'body.investigatorId', 'Not an investigator allowed to take consent');
  }
  return user;
}

function checkPeople(input: NewConsent): void {
  const errors: FieldError[] = [];
  if (input.consentedBy === 'lar') {
    if (!input.lar?.name) errors.push({ path: 'body.lar.name', message: "Enter the representative's name" });
    if (!input.lar?.relationship) errors.push({ path: 'body.lar.relationship', message: 'Enter the relationship to the subject' });
    if (errors.length) throw unprocessable('A legally authorized representative signs with name and relationship to the subject.', { code: 'consent.lar_required', errors });
  }
  const needsWitness = input.consentedBy === 'lar' || input.subjectCanRead === false;
  if (needsWitness && !input.witness?.name) {
    throw invalid('An impartial witness is required when the subject cannot read or a representative signs (ICH E6(R2) 4.8.9).', 'consent.witness_required', 'body.witness.name', "Enter the witness's name");
  }
}

function checkAnswers(doc: ConsentDocument, answers: Record<string, boolean>): void {
  const known = new Set(doc.optionalParts.map((p) => p.code));
  for (const code of Object.keys(answers)) {
    if (!known.has(code)) throw invalid(`Consent document version ${doc.versionLabel} has no optional part ${code}.`, 'consent.optional_part_unknown', `body.optionalParts.${code}`, 'Not a part of this document', { code });
  }
  for (const p of doc.optionalParts) {
    if (answers[p.code] === undefined) throw invalid(`Record the subject's answer to "${p.label}".`, 'consent.optional_part_unanswered', `body.optionalParts.${p.code}`, 'Answer yes or no', { code: p.code });
  }
}

async function checkConsentTime(db: Db, doc: ConsentDocument, consentedAt: Date, current: ConsentRecord | null): Promise<void> {
  notInFuture(consentedAt, 'body.consentedAt');
  const day = localDate(consentedAt, (await homeSite(db)).timeZone);
  if (doc.approvedOn && day < doc.approvedOn) {
    throw invalid(`The consent is dated before its document was approved by the ethics committee (${doc.approvedOn}).`, 'consent.before_approval', 'body.consentedAt', `Must be on or after ${doc.approvedOn}`, { approvedOn: doc.approvedOn });
  }
  if (doc.effectiveFrom && day < doc.effectiveFrom) {
    throw invalid(`Consent document version ${doc.versionLabel} takes effect on ${doc.effectiveFrom}.`, 'consent.before_effective', 'body.consentedAt', `Must be on or after ${doc.effectiveFrom}`, { effectiveFrom: doc.effectiveFrom });
  }
  if (current && consentedAt < current.consentedAt) {
    const at = current.consentedAt.toISOString();
    throw invalid(`The subject's current consent is dated ${at}; a new consent cannot be dated before it.`, 'consent.before_current', 'body.consentedAt', `Must be after ${at}`, { consentedAt: at });
  }
}

/** Records a subject's consent, resolving their open re-consent flags. */
export async function recordConsent(db: Db, subjectId: string, input: NewConsent): Promise<ConsentRecord> {
  const actor = requireUserActor();
  const subject = await getSubject(db, subjectId);
  const doc = await consentDocument(db, subject.studyId, input.documentId);
  const consentedAt = new Date(input.consentedAt);
  const { current } = await consentState(db, subjectId);
  await checkConsentTime(db, doc, consentedAt, current);
  checkPeople(input);
  const taker = await investigator(db, input.investigatorId);
  const answers = input.optionalParts ?? {};
  checkAnswers(doc, answers);
  const lar = input.consentedBy === 'lar';
  return write(db, async (w) => {
    const row = await w.insert(consentRecords, 'consent_record', {
      subjectId,
      documentId: doc.id,
      consentedAt,
      consentedBy: input.consentedBy,
      larName: lar ? input.lar!.name! : null,
      larRelationship: lar ? input.lar!.relationship! : null,
      subjectCanRead: input.subjectCanRead ?? true,
      witnessName: input.witness?.name ?? null,
      investigatorId: taker.id,
      investigatorName: taker.displayName,
      optionalParts: answers,
      recordedBy: actor.username,
    });
    const open = await w.tx.select().from(reconsentFlags).where(and(eq(reconsentFlags.subjectId, subjectId), isNull(reconsentFlags.resolvedAt)));
    for (const flag of open) {
      await w.update(reconsentFlags, 'consent_reconsent_flag', flag.id, { resolvedAt: new Date(), resolvedByRecordId: row.id }, `Re-consented on version ${doc.versionLabel}`, 'resolve');
    }
    await sign(w, input.signature, 'consent_record', row.id, signedConsent(row));
    return row;
  });
}

function checkParts(input: NewWithdrawal, doc: ConsentDocument | null, parts: Record<string, boolean>): string[] {
  if (input.scope !== 'optional_parts') return [];
  if (!input.parts?.length) throw invalid('Name the optional parts the subject withdraws from.', 'consent.parts_required', 'body.parts', 'Name at least one part');
  const known = new Set(doc?.optionalParts.map((p) => p.code));
  input.parts.forEach((code, i) => {
    if (!known.has(code)) throw invalid(`The consent has no optional part ${code}.`, 'consent.optional_part_unknown', `body.parts.${i}`, 'Not a part of this consent', { code });
    if (!parts[code]) throw invalid(`The subject has not consented to ${code} (or already withdrew from it).`, 'consent.part_not_consented', `body.parts.${i}`, 'Not consented to', { code });
  });
  return [...new Set(input.parts)];
}

/** Records a withdrawal from the subject's current consent: completely, from treatment, or from optional parts. */
export async function withdrawConsent(db: Db, subjectId: string, input: NewWithdrawal): Promise<ConsentWithdrawal> {
  const actor = requireUserActor();
  const state = await consentState(db, subjectId);
  const subjectNumber = state.subject.subjectNumber ?? state.subject.screeningNumber;
  if (!state.current) throw conflict(`Subject ${subjectNumber} has no consent to withdraw from.`, { code: 'consent.none', params: { subjectNumber } });
  const already = state.status === 'withdrawn' || (input.scope === 'treatment' && state.status === 'withdrawn_from_treatment');
  if (already) {
    const scope = state.status === 'withdrawn' ? 'complete' : 'treatment';
    throw conflict(`Subject ${subjectNumber} has already withdrawn consent (${scope}).`, { code: 'consent.already_withdrawn', params: { subjectNumber, scope } });
  }
  const parts = checkParts(input, state.currentDocument, state.continues.optionalParts);
  const withdrawnAt = new Date(input.withdrawnAt);
  notInFuture(withdrawnAt, 'body.withdrawnAt');
  if (withdrawnAt < state.current.consentedAt) {
    const at = state.current.consentedAt.toISOString();
    throw invalid(`The withdrawal is dated before the consent it withdraws (${at}).`, 'consent.withdrawal_before_consent', 'body.withdrawnAt', `Must be after ${at}`, { consentedAt: at });
  }
  const consentRecordId = state.current.id;
  return write(db, async (w) => {
    const row = await w.insert(consentWithdrawals, 'consent_withdrawal', {
      subjectId,
      consentRecordId,
      scope: input.scope,
      parts,
      safetyFollowUp: input.scope === 'complete' ? (input.safetyFollowUp ?? false) : true,
      withdrawnAt,
      reason: input.reason,
      recordedBy: actor.username,
    });
    await sign(w, input.signature, 'consent_withdrawal', row.id, signedWithdrawal(row));
    return row;
  });
}
