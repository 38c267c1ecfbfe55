/** Request and response schemas of protocol versions, registrations and ethics approvals. */
import { z } from 'zod';
import { reason, signatureInput, signatureView, text } from '../../../platform/schemas';

export const calendarDay = z.iso.date('Use a calendar date YYYY-MM-DD, e.g. 2026-03-14');

export const armInput = z.object({
  code: z.string().trim().regex(/^[A-Z0-9]{1,16}$/, 'Use 1–16 capital letters or digits, e.g. A'),
  name: text(1, 200),
  ratio: z.number('Ratio must be a whole number from 1 to 10').int('Ratio must be a whole number from 1 to 10').min(1, 'Ratio must be at least 1').max(10, 'Ratio must be at most 10'),
});

/** The rule is checked by the service (parseRule in @hepatica/core), which names the bad field with a 422. */
export const criterionInput = z.object({
  code: z.string().trim().regex(/^[A-Z0-9-]{1,16}$/, 'Use 1–16 capital letters, digits or dashes, e.g. I1 or E3'),
  kind: z.enum(['inclusion', 'exclusion'], 'Kind must be inclusion or exclusion'),
  text: text(1, 1000),
  rule: z.record(z.string(), z.unknown(), 'Give the rule as an object with a type, e.g. { "type": "age", "min": 18 }'),
});

export const randomizationInput = z.object({
  blockSizes: z
    .array(z.number().int('Block sizes are whole numbers').min(2, 'Block size must be at least 2').max(60, 'Block size must be at most 60'))
    .min(1, 'Give at least one block size')
    .max(5, 'Give at most 5 block sizes'),
  factors: z
    .array(
      z.object({
        name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'Use a name of letters, digits or underscores, e.g. region'),
        levels: z.array(z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use letters, digits, dashes or underscores')).min(2, 'A factor needs at least two levels').max(20),
      }),
    )
    .max(4, 'Stratify by at most 4 factors')
    .default([]),
});

const protocolFields = {
  title: text(1, 300).optional(),
  summary: text(0, 4000).optional(),
  arms: z.array(armInput).min(1, 'A protocol needs at least one arm').max(10, 'At most 10 arms').optional(),
  criteria: z.array(criterionInput).max(100, 'At most 100 criteria').optional(),
  randomization: randomizationInput.nullable().optional(),
};

export const createProtocolBody = z.object(protocolFields);
export const patchProtocolBody = z.object({ ...protocolFields, reason });
export const approveProtocolBody = z.object({ signature: signatureInput });
export const amendProtocolBody = z.object({ reason, title: text(1, 300).optional(), summary: text(0, 4000).optional() });

export const REGISTRATION_KINDS = ['nmpa_ind', 'nhc_iit_filing', 'chictr', 'clinicaltrials_gov'] as const;
export const createRegistrationBody = z.object({
  kind: z.enum(REGISTRATION_KINDS, `Kind must be one of: ${REGISTRATION_KINDS.join(', ')}`),
  number: z.string().trim().min(1, 'Must not be empty').max(60, 'Must be at most 60 characters'),
  filedOn: calendarDay.optional(),
});

export const createEthicsBody = z.object({
  committee: text(1, 300),
  approvalNumber: text(1, 80),
  approvedOn: calendarDay,
  expiresOn: calendarDay,
  protocolVersionId: z.uuid('Not a valid id'),
});

export const retireBody = z.object({ reason });

export const armView = z.object({ id: z.string(), code: z.string(), name: z.string(), ratio: z.number() });
export const criterionView = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(['inclusion', 'exclusion']),
  text: z.string(),
  rule: z.record(z.string(), z.unknown()),
});

export const protocolVersionView = z.object({
  id: z.string(),
  studyId: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'effective', 'superseded']),
  title: z.string(),
  summary: z.string().nullable(),
  arms: z.array(armView),
  criteria: z.array(criterionView),
  randomization: z.object({ blockSizes: z.array(z.number()), factors: z.array(z.object({ name: z.string(), levels: z.array(z.string()) })) }).nullable(),
  amendedFromId: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
  signatures: z.array(signatureView),
  createdAt: z.string(),
});

export const registrationView = z.object({
  id: z.string(),
  studyId: z.string(),
  kind: z.enum(REGISTRATION_KINDS),
  number: z.string(),
  filedOn: z.string().nullable(),
  status: z.enum(['active', 'retired']),
  createdAt: z.string(),
});

export const ethicsView = z.object({
  id: z.string(),
  studyId: z.string(),
  committee: z.string(),
  approvalNumber: z.string(),
  approvedOn: z.string(),
  expiresOn: z.string(),
  protocolVersionId: z.string(),
  protocolVersion: z.number().nullable(),
  status: z.enum(['active', 'retired']),
  expired: z.boolean(),
  createdAt: z.string(),
});
