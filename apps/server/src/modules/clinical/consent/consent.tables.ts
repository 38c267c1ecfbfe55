/**
 * Informed consent (ICH E6(R2) 4.8, China GCP 2020 Art. 23-24): the consent documents the ethics committee
 * approved for a protocol version, one per language; each subject's signed consent records; withdrawals with
 * what may continue; and the re-consent flags a newer approved document raises. Nothing is deleted: a
 * document is superseded, a flag is resolved by the next consent, a withdrawal is a record of its own.
 */
import { boolean, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { studies } from '../../studies/studies.tables';
import { protocolVersions } from '../protocols/protocols.tables';
import { studySubjects } from '../subjects/subjects.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** An optional part of a consent document the subject may accept or refuse on its own. */
export interface ConsentOptionalPart {
  code: string;
  label: string;
}

export const consentDocuments = pgTable(
  'consent_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id),
    protocolVersionId: uuid('protocol_version_id')
      .notNull()
      .references(() => protocolVersions.id),
    /** zh-CN | en */
    language: text('language').notNull(),
    /** The document's own version, e.g. "2.0, 2026-05-12". */
    versionLabel: text('version_label').notNull(),
    title: text('title').notNull(),
    /** draft | approved | superseded */
    status: text('status').notNull(),
    /** The ethics committee's approval date (calendar day). */
    approvedOn: date('approved_on', { mode: 'string' }),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    optionalParts: jsonb('optional_parts').notNull().$type<ConsentOptionalPart[]>(),
    approvedBy: uuid('approved_by'),
    approvedAt: at('approved_at'),
    supersededAt: at('superseded_at'),
    supersededById: uuid('superseded_by_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('consent_documents_study_idx').on(t.studyId, t.language, t.status)],
);

export const consentRecords = pgTable(
  'consent_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => consentDocuments.id),
    consentedAt: at('consented_at').notNull(),
    /** subject | lar (legally authorized representative) */
    consentedBy: text('consented_by').notNull(),
    larName: text('lar_name'),
    larRelationship: text('lar_relationship'),
    subjectCanRead: boolean('subject_can_read').notNull(),
    witnessName: text('witness_name'),
    investigatorId: uuid('investigator_id').notNull(),
    investigatorName: text('investigator_name').notNull(),
    /** The subject's answer to each optional part of the document, by part code. */
    optionalParts: jsonb('optional_parts').notNull().$type<Record<string, boolean>>(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('consent_records_subject_idx').on(t.subjectId, t.consentedAt)],
);

export const consentWithdrawals = pgTable(
  'consent_withdrawals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    /** The consent withdrawn from (the subject's current record then). */
    consentRecordId: uuid('consent_record_id')
      .notNull()
      .references(() => consentRecords.id),
    /** complete | treatment | optional_parts */
    scope: text('scope').notNull(),
    /** The optional parts withdrawn (scope optional_parts). */
    parts: jsonb('parts').notNull().$type<string[]>(),
    /** Complete withdrawal: whether the subject agrees to safety follow-up nevertheless. */
    safetyFollowUp: boolean('safety_follow_up').notNull(),
    withdrawnAt: at('withdrawn_at').notNull(),
    reason: text('reason').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('consent_withdrawals_subject_idx').on(t.subjectId)],
);

/** Raised when a newer document is approved; resolved by the subject's consent on a current document. */
export const reconsentFlags = pgTable(
  'consent_reconsent_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    /** The consent that is out of date. */
    consentRecordId: uuid('consent_record_id')
      .notNull()
      .references(() => consentRecords.id),
    /** The newly approved document the subject is to be consented on. */
    documentId: uuid('document_id')
      .notNull()
      .references(() => consentDocuments.id),
    reason: text('reason').notNull(),
    raisedAt: at('raised_at').notNull(),
    resolvedAt: at('resolved_at'),
    resolvedByRecordId: uuid('resolved_by_record_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('consent_reconsent_flags_subject_idx').on(t.subjectId)],
);
