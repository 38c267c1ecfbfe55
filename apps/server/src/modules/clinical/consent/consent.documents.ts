/**
 * Consent documents: drafted per protocol version and language, approved when the ethics committee has
 * approved them (recorded with the recording person's signature). Approving a newer document supersedes the
 * earlier approved ones of the study in that language and flags each subject consented on them for
 * re-consent (ICH E6(R2) 4.8.2: revised information is given to subjects and their consent documented).
 */
import { localDate } from '@hepatica/core';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { requireUserActor } from '../../../platform/context';
import { conflict, notFound, unprocessable } from '../../../platform/errors';
import { sign } from '../../../platform/signatures';
import { write, type Writer } from '../../../platform/write';
import { homeSite } from '../../sites/sites.service';
import { protocolVersions } from '../protocols/protocols.tables';
import { studySubjects } from '../subjects/subjects.tables';
import type { ApproveConsentDocument, NewConsentDocument } from './consent.schema';
import type { ConsentDocument } from './consent.status';
import { consentDocuments, consentRecords, consentWithdrawals, reconsentFlags } from './consent.tables';

/** What the approval signature vouches for: the document's identity, approval and optional parts. */
export function signedDocument(d: ConsentDocument) {
  return { id: d.id, protocolVersionId: d.protocolVersionId, language: d.language, versionLabel: d.versionLabel, title: d.title, approvedOn: d.approvedOn, effectiveFrom: d.effectiveFrom, optionalParts: d.optionalParts };
}

export async function getConsentDocument(db: Executor, id: string): Promise<ConsentDocument> {
  const [row] = await db.select().from(consentDocuments).where(eq(consentDocuments.id, id));
  if (!row) throw notFound('Consent document');
  return row;
}

export async function listConsentDocuments(db: Executor, studyId: string): Promise<ConsentDocument[]> {
  return db.select().from(consentDocuments).where(eq(consentDocuments.studyId, studyId)).orderBy(desc(consentDocuments.createdAt));
}

function duplicateParts(parts: NewConsentDocument['optionalParts']) {
  const seen = new Set<string>();
  parts.forEach((p, i) => {
    if (seen.has(p.code)) {
      throw unprocessable(`The optional part ${p.code} is listed twice.`, {
        code: 'consent_document.duplicate_part',
        params: { code: p.code },
        errors: [{ path: `body.optionalParts.${i}.code`, message: 'Already listed' }],
      });
    }
    seen.add(p.code);
  });
}

/** A draft document for the protocol version; 409 when the study already has that label in that language. */
export async function createConsentDocument(db: Db, protocolVersionId: string, input: NewConsentDocument): Promise<ConsentDocument> {
  const [protocol] = await db.select().from(protocolVersions).where(eq(protocolVersions.id, protocolVersionId));
  if (!protocol) throw notFound('Protocol version');
  duplicateParts(input.optionalParts);
  return write(db, async (w) => {
    const [same] = await w.tx
      .select({ id: consentDocuments.id })
      .from(consentDocuments)
      .where(and(eq(consentDocuments.studyId, protocol.studyId), eq(consentDocuments.language, input.language), eq(consentDocuments.versionLabel, input.versionLabel)));
    if (same) {
      throw conflict(`The study already has a ${input.language} consent document version ${input.versionLabel}.`, {
        code: 'consent_document.version_exists',
        params: { versionLabel: input.versionLabel, language: input.language },
      });
    }
    return w.insert(consentDocuments, 'consent_document', {
      studyId: protocol.studyId,
      protocolVersionId,
      language: input.language,
      versionLabel: input.versionLabel,
      title: input.title,
      status: 'draft',
      effectiveFrom: input.effectiveFrom ?? null,
      optionalParts: input.optionalParts,
    });
  });
}

/** Approves a draft, supersedes the earlier approved documents (same study and language) and flags their subjects. */
export async function approveConsentDocument(db: Db, id: string, input: ApproveConsentDocument): Promise<{ document: ConsentDocument; reconsentMarked: number }> {
  const actor = requireUserActor();
  const site = await homeSite(db);
  if (input.approvedOn > localDate(new Date(), site.timeZone)) {
    throw unprocessable('The ethics approval date is in the future.', {
      code: 'consent_document.approved_in_future',
      errors: [{ path: 'body.approvedOn', message: 'Must not be in the future' }],
    });
  }
  const effectiveFrom = input.effectiveFrom ?? input.approvedOn;
  if (effectiveFrom < input.approvedOn) {
    throw unprocessable('A consent document cannot take effect before its ethics approval.', {
      code: 'consent_document.effective_before_approval',
      params: { approvedOn: input.approvedOn },
      errors: [{ path: 'body.effectiveFrom', message: `Must be on or after ${input.approvedOn}` }],
    });
  }
  return write(db, async (w) => {
    const draft = await w.lockById(consentDocuments, id, 'Consent document');
    if (draft.status !== 'draft') {
      throw conflict(`Consent document version ${draft.versionLabel} is ${draft.status}; only a draft is approved.`, {
        code: 'consent_document.not_draft',
        params: { versionLabel: draft.versionLabel, status: draft.status },
      });
    }
    const now = new Date();
    const document = await w.update(
      consentDocuments,
      'consent_document',
      id,
      { status: 'approved', approvedOn: input.approvedOn, effectiveFrom, approvedBy: actor.id, approvedAt: now },
      `Ethics approval of ${input.approvedOn} recorded`,
      'approve',
    );
    await sign(w, input.signature, 'consent_document', id, signedDocument(document));
    const reconsentMarked = await supersedeEarlier(w, document, now);
    return { document, reconsentMarked };
  });
}

/** Supersedes the study's other approved documents in the language; flags the subjects consented on them. */
async function supersedeEarlier(w: Writer, document: ConsentDocument, now: Date): Promise<number> {
  const earlier = await w.tx
    .select()
    .from(consentDocuments)
    .where(and(eq(consentDocuments.studyId, document.studyId), eq(consentDocuments.language, document.language), eq(consentDocuments.status, 'approved'), ne(consentDocuments.id, document.id)));
  if (!earlier.length) return 0;
  const labels = new Map(earlier.map((d) => [d.id, d.versionLabel]));
  for (const d of earlier) {
    await w.update(consentDocuments, 'consent_document', d.id, { status: 'superseded', supersededAt: now, supersededById: document.id }, `Superseded by version ${document.versionLabel}`, 'supersede');
  }
  let marked = 0;
  for (const current of await currentConsentsOn(w, [...labels.keys()])) {
    const reason = `Consent document ${document.language} version ${document.versionLabel} (ethics approval ${document.approvedOn}) supersedes version ${labels.get(current.documentId)}, on which the subject consented.`;
    await w.insert(reconsentFlags, 'consent_reconsent_flag', { subjectId: current.subjectId, consentRecordId: current.id, documentId: document.id, reason, raisedAt: now });
    marked += 1;
  }
  return marked;
}

/** Each screening or enrolled subject's current consent that is on one of the documents and not completely withdrawn. */
async function currentConsentsOn(w: Writer, documentIds: string[]) {
  const onDocs = await w.tx
    .select({ record: consentRecords })
    .from(consentRecords)
    .innerJoin(studySubjects, eq(studySubjects.id, consentRecords.subjectId))
    .where(and(inArray(consentRecords.documentId, documentIds), inArray(studySubjects.status, ['screening', 'enrolled'])));
  if (!onDocs.length) return [];
  const subjectIds = [...new Set(onDocs.map((r) => r.record.subjectId))];
  const all = await w.tx.select().from(consentRecords).where(inArray(consentRecords.subjectId, subjectIds));
  const latest = new Map<string, typeof consentRecords.$inferSelect>();
  for (const r of all) {
    const seen = latest.get(r.subjectId);
    if (!seen || r.consentedAt > seen.consentedAt || (+r.consentedAt === +seen.consentedAt && r.createdAt > seen.createdAt)) latest.set(r.subjectId, r);
  }
  const withdrawn = await w.tx
    .select({ consentRecordId: consentWithdrawals.consentRecordId })
    .from(consentWithdrawals)
    .where(and(inArray(consentWithdrawals.subjectId, subjectIds), eq(consentWithdrawals.scope, 'complete')));
  const gone = new Set(withdrawn.map((x) => x.consentRecordId));
  const docs = new Set(documentIds);
  return [...latest.values()].filter((r) => docs.has(r.documentId) && !gone.has(r.id));
}
