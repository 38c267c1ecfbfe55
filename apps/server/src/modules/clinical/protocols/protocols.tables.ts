/**
 * Study protocols: each study carries numbered protocol versions. A version is drafted, then approved
 * with the investigator's signature, which makes it effective and frozen; an amendment is a new version.
 * A version holds its arms and eligibility criteria (visit schedules and consent documents reference it from
 * their own modules). Study-level: regulatory registrations and ethics approvals.
 */
import { date, integer, jsonb, pgTable, text, timestamp, unique, uuid, index } from 'drizzle-orm/pg-core';
import { studies } from '../../studies/studies.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const protocolVersions = pgTable(
  'protocol_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id),
    version: integer('version').notNull(),
    /** draft | effective | superseded */
    status: text('status').notNull(),
    title: text('title').notNull(),
    approvedAt: at('approved_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    summary: text('summary'),
    /** `{ blockSizes: number[], factors: { name, levels }[] }` or null (a single arm needs none). */
    randomization: jsonb('randomization').$type<{ blockSizes: number[]; factors: { name: string; levels: string[] }[] } | null>(),
    /** Secret seed of the allocation lists; never leaves the server. */
    randomizationSeed: text('randomization_seed'),
    approvedBy: uuid('approved_by'),
    supersededAt: at('superseded_at'),
    amendedFromId: uuid('amended_from_id'),
  },
  (t) => [unique('protocol_versions_study_version_uq').on(t.studyId, t.version)],
);

/** Treatment arms of a protocol version with their allocation ratio. Retired rows were replaced in a draft. */
export const protocolArms = pgTable(
  'protocol_arms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocolVersionId: uuid('protocol_version_id')
      .notNull()
      .references(() => protocolVersions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ratio: integer('ratio').notNull(),
    position: integer('position').notNull(),
    retiredAt: at('retired_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('protocol_arms_version_idx').on(t.protocolVersionId)],
);

/** Eligibility criteria: inclusion or exclusion, with a rule (packages/core eligibility.ts) in `rule`. */
export const eligibilityCriteria = pgTable(
  'eligibility_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocolVersionId: uuid('protocol_version_id')
      .notNull()
      .references(() => protocolVersions.id),
    code: text('code').notNull(),
    /** inclusion | exclusion */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    rule: jsonb('rule').notNull().$type<Record<string, unknown>>(),
    position: integer('position').notNull(),
    retiredAt: at('retired_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('eligibility_criteria_version_idx').on(t.protocolVersionId)],
);

/** Regulatory registrations of a study: NMPA IND/CTA, NHC IIT filing, ChiCTR, ClinicalTrials.gov. */
export const regulatoryRegistrations = pgTable(
  'regulatory_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id),
    /** nmpa_ind | nhc_iit_filing | chictr | clinicaltrials_gov */
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    filedOn: date('filed_on', { mode: 'string' }),
    /** active | retired */
    status: text('status').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('regulatory_registrations_study_idx').on(t.studyId)],
);

/** Ethics committee approvals of a study, each covering a protocol version, valid through `expiresOn`. */
export const ethicsApprovals = pgTable(
  'ethics_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id),
    committee: text('committee').notNull(),
    approvalNumber: text('approval_number').notNull(),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    protocolVersionId: uuid('protocol_version_id')
      .notNull()
      .references(() => protocolVersions.id),
    /** active | retired */
    status: text('status').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('ethics_approvals_study_idx').on(t.studyId)],
);
