/**
 * A subject's consent status, computed from the records (never stored, so it cannot drift from them): the
 * latest consent, the withdrawals from it and any open re-consent flag decide what may continue.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { getSubject, type StudySubject } from '../subjects/subjects.service';
import { consentDocuments, consentRecords, consentWithdrawals, reconsentFlags } from './consent.tables';

export type ConsentDocument = typeof consentDocuments.$inferSelect;
export type ConsentRecord = typeof consentRecords.$inferSelect;
export type ConsentWithdrawal = typeof consentWithdrawals.$inferSelect;
export type ReconsentFlag = typeof reconsentFlags.$inferSelect;
export type ConsentStatus = 'valid' | 'none' | 'reconsent_required' | 'withdrawn' | 'withdrawn_from_treatment';

/** What the subject's consent allows now. Data already collected is always kept (ICH E6(R2) 4.8.10, 4.3.4). */
export interface Continues {
  /** Protocol treatment: orders, collection, infusion. */
  treatment: boolean;
  /** Protocol visits and the data collected at them. */
  visits: boolean;
  /** Safety follow-up (adverse events, long-term follow-up contacts). */
  safetyFollowUp: boolean;
  /** Data collected before a withdrawal stays in the record and may be analysed. */
  collectedDataKept: true;
  /** Each optional part of the document: still consented to or not. */
  optionalParts: Record<string, boolean>;
}

export interface ConsentState {
  subject: StudySubject;
  status: ConsentStatus;
  current: ConsentRecord | null;
  currentDocument: ConsentDocument | null;
  /** The open re-consent flag on the current consent, with the document it asks for. */
  reconsent: (ReconsentFlag & { document: ConsentDocument }) | null;
  /** The withdrawals from the current consent, oldest first. */
  withdrawals: ConsentWithdrawal[];
  continues: Continues;
  records: ConsentRecord[];
  allWithdrawals: ConsentWithdrawal[];
  flags: ReconsentFlag[];
  documents: Map<string, ConsentDocument>;
}

const NOTHING: Omit<Continues, 'optionalParts'> = { treatment: false, visits: false, safetyFollowUp: false, collectedDataKept: true };

/** The status and what may continue, from the current record and the withdrawals from it. */
export function statusOf(current: ConsentRecord | null, withdrawals: ConsentWithdrawal[], openFlag: boolean): { status: ConsentStatus; continues: Continues } {
  if (!current) return { status: 'none', continues: { ...NOTHING, optionalParts: {} } };
  const parts = { ...current.optionalParts };
  for (const w of withdrawals) for (const p of w.parts) parts[p] = false;
  const complete = withdrawals.find((w) => w.scope === 'complete');
  if (complete) {
    for (const p of Object.keys(parts)) parts[p] = false;
    return { status: 'withdrawn', continues: { ...NOTHING, safetyFollowUp: complete.safetyFollowUp, optionalParts: parts } };
  }
  if (withdrawals.some((w) => w.scope === 'treatment')) {
    return { status: 'withdrawn_from_treatment', continues: { treatment: false, visits: true, safetyFollowUp: true, collectedDataKept: true, optionalParts: parts } };
  }
  // An outdated consent still covers the visits and follow-up it was given for; new treatment waits for re-consent.
  if (openFlag) return { status: 'reconsent_required', continues: { treatment: false, visits: true, safetyFollowUp: true, collectedDataKept: true, optionalParts: parts } };
  return { status: 'valid', continues: { treatment: true, visits: true, safetyFollowUp: true, collectedDataKept: true, optionalParts: parts } };
}

/** Everything about a subject's consent in four queries. 404 for an unknown subject. */
export async function consentState(db: Executor, subjectId: string): Promise<ConsentState> {
  const subject = await getSubject(db, subjectId);
  const [records, allWithdrawals, flags] = await Promise.all([
    db.select().from(consentRecords).where(eq(consentRecords.subjectId, subjectId)).orderBy(asc(consentRecords.consentedAt), asc(consentRecords.createdAt)),
    db.select().from(consentWithdrawals).where(eq(consentWithdrawals.subjectId, subjectId)).orderBy(asc(consentWithdrawals.withdrawnAt), asc(consentWithdrawals.createdAt)),
    db.select().from(reconsentFlags).where(eq(reconsentFlags.subjectId, subjectId)).orderBy(asc(reconsentFlags.raisedAt)),
  ]);
  const docIds = [...new Set([...records.map((r) => r.documentId), ...flags.map((f) => f.documentId)])];
  const docs = docIds.length ? await db.select().from(consentDocuments).where(inArray(consentDocuments.id, docIds)) : [];
  const documents = new Map(docs.map((d) => [d.id, d]));
  const current = records.at(-1) ?? null;
  const withdrawals = current ? allWithdrawals.filter((w) => w.consentRecordId === current.id) : [];
  const open = current ? flags.find((f) => f.consentRecordId === current.id && !f.resolvedAt) : undefined;
  const { status, continues } = statusOf(current, withdrawals, Boolean(open));
  return {
    subject,
    status,
    current,
    currentDocument: current ? documents.get(current.documentId) ?? null : null,
    reconsent: open ? { ...open, document: documents.get(open.documentId)! } : null,
    withdrawals,
    continues,
    records,
    allWithdrawals,
    flags,
    documents,
  };
}
