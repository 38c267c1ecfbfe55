/** Consent documents, records, withdrawals and a subject's consent status as the API shows them. */
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { signaturesByRecord } from '../safety/signed';
import { protocolVersions } from '../protocols/protocols.tables';
import { signedDocument } from './consent.documents';
import { signedConsent, signedWithdrawal } from './consent.service';
import { consentState, type ConsentDocument, type ConsentRecord, type ConsentWithdrawal } from './consent.status';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function documentViews(db: Executor, docs: ConsentDocument[]) {
  const versionIds = [...new Set(docs.map((d) => d.protocolVersionId))];
  const versions = versionIds.length ? await db.select({ id: protocolVersions.id, version: protocolVersions.version }).from(protocolVersions).where(inArray(protocolVersions.id, versionIds)) : [];
  const numbers = new Map(versions.map((v) => [v.id, v.version]));
  const sigs = await signaturesByRecord(db, 'consent_document', docs.map((d) => ({ id: d.id, content: signedDocument(d) })));
  return docs.map((d) => ({
    id: d.id,
    studyId: d.studyId,
    protocolVersionId: d.protocolVersionId,
    protocolVersion: numbers.get(d.protocolVersionId) ?? null,
    language: d.language as 'zh-CN' | 'en',
    versionLabel: d.versionLabel,
    title: d.title,
    status: d.status as 'draft' | 'approved' | 'superseded',
    approvedOn: d.approvedOn,
    effectiveFrom: d.effectiveFrom,
    optionalParts: d.optionalParts,
    approvedBy: d.approvedBy,
    approvedAt: iso(d.approvedAt),
    supersededAt: iso(d.supersededAt),
    supersededById: d.supersededById,
    signatures: sigs.get(d.id) ?? [],
    createdAt: d.createdAt.toISOString(),
  }));
}

export async function documentView(db: Executor, doc: ConsentDocument) {
  return (await documentViews(db, [doc]))[0]!;
}

async function recordViews(db: Executor, records: ConsentRecord[], documents: Map<string, ConsentDocument>) {
  const sigs = await signaturesByRecord(db, 'consent_record', records.map((r) => ({ id: r.id, content: signedConsent(r) })));
  return records.map((r) => {
    const d = documents.get(r.documentId)!;
    return {
      id: r.id,
      subjectId: r.subjectId,
      document: { id: d.id, versionLabel: d.versionLabel, language: d.language, title: d.title, protocolVersionId: d.protocolVersionId },
      consentedAt: r.consentedAt.toISOString(),
      consentedBy: r.consentedBy as 'subject' | 'lar',
      lar: r.larName ? { name: r.larName, relationship: r.larRelationship ?? '' } : null,
      subjectCanRead: r.subjectCanRead,
      witness: r.witnessName ? { name: r.witnessName } : null,
      investigator: { id: r.investigatorId, name: r.investigatorName },
      optionalParts: r.optionalParts,
      recordedBy: r.recordedBy,
      signatures: sigs.get(r.id) ?? [],
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function withdrawalViews(db: Executor, rows: ConsentWithdrawal[]) {
  const sigs = await signaturesByRecord(db, 'consent_withdrawal', rows.map((w) => ({ id: w.id, content: signedWithdrawal(w) })));
  return rows.map((w) => ({
    id: w.id,
    subjectId: w.subjectId,
    consentRecordId: w.consentRecordId,
    scope: w.scope as 'complete' | 'treatment' | 'optional_parts',
    parts: w.parts,
    safetyFollowUp: w.safetyFollowUp,
    withdrawnAt: w.withdrawnAt.toISOString(),
    reason: w.reason,
    recordedBy: w.recordedBy,
    signatures: sigs.get(w.id) ?? [],
    createdAt: w.createdAt.toISOString(),
  }));
}

const SCOPE_WORDS = { complete: 'completely', treatment: 'from treatment', optional_parts: 'from optional parts' } as const;

/** GET /clinical/subjects/{id}/consent. */
export async function consentStatusView(db: Executor, subjectId: string) {
  const s = await consentState(db, subjectId);
  const records = await recordViews(db, s.records, s.documents);
  const withdrawals = await withdrawalViews(db, s.allWithdrawals);
  type Entry = { at: string; kind: 'consented' | 'withdrawn' | 'reconsent_required' | 'reconsent_resolved'; id: string; summary: string };
  const history: Entry[] = [
    ...records.map((r): Entry => ({ at: r.consentedAt, kind: 'consented', id: r.id, summary: `Consented on ${r.document.language} version ${r.document.versionLabel}${r.lar ? ` by ${r.lar.name} (${r.lar.relationship})` : ''}, taken by ${r.investigator.name}` })),
    ...withdrawals.map((w): Entry => ({ at: w.withdrawnAt, kind: 'withdrawn', id: w.id, summary: `Withdrew ${SCOPE_WORDS[w.scope]}${w.parts.length ? ` (${w.parts.join(', ')})` : ''}: ${w.reason}` })),
    ...s.flags.map((f): Entry => ({ at: f.raisedAt.toISOString(), kind: 'reconsent_required', id: f.id, summary: f.reason })),
    ...s.flags.filter((f) => f.resolvedAt).map((f): Entry => ({ at: f.resolvedAt!.toISOString(), kind: 'reconsent_resolved', id: f.id, summary: `Re-consented (${s.documents.get(f.documentId)?.versionLabel ?? ''})` })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const r = s.reconsent;
  return {
    subjectId: s.subject.id,
    subjectNumber: s.subject.subjectNumber ?? null,
    screeningNumber: s.subject.screeningNumber,
    status: s.status,
    current: records.find((x) => x.id === s.current?.id) ?? null,
    reconsent: r ? { reason: r.reason, documentId: r.documentId, versionLabel: r.document.versionLabel, language: r.document.language, raisedAt: r.raisedAt.toISOString() } : null,
    continues: s.continues,
    records,
    withdrawals,
    history,
  };
}
