/**
 * A study's regulatory registrations (NMPA IND/CTA, NHC investigator-initiated trial filing, ChiCTR,
 * ClinicalTrials.gov) and its ethics committee approvals. The current ethics approval gates screening and
 * enrollment: none covering the effective protocol version, or an expired one, refuses them (409).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { conflict, notFound, unprocessable } from '../../../platform/errors';
import { write } from '../../../platform/write';
import { homeSite } from '../../sites/sites.service';
import { getStudy } from '../../studies/studies.service';
import { getProtocolVersion, type ProtocolVersion } from './protocols.service';
import { ethicsApprovals, protocolVersions, regulatoryRegistrations } from './protocols.tables';

export type Registration = typeof regulatoryRegistrations.$inferSelect;
export type EthicsApproval = typeof ethicsApprovals.$inferSelect;
export type RegistrationKind = 'nmpa_ind' | 'nhc_iit_filing' | 'chictr' | 'clinicaltrials_gov';

/** Number formats: ChiCTR registry ids (ChiCTR + 10 digits, or the older ChiCTR-XXX-8 digits), NCT + 8 digits. */
const NUMBER_FORMATS: Record<RegistrationKind, { pattern: RegExp; example: string }> = {
  nmpa_ind: { pattern: /^[A-Z0-9][A-Z0-9-]{3,39}$/, example: 'CXSL2400123' },
  nhc_iit_filing: { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{3,59}$/, example: 'MR-31-24-000123' },
  chictr: { pattern: /^ChiCTR(\d{10}|-[A-Z]{2,4}-\d{8})$/, example: 'ChiCTR2400081234' },
  clinicaltrials_gov: { pattern: /^NCT\d{8}$/, example: 'NCT05123456' },
};

export function registrationView(r: Registration) {
  return { id: r.id, studyId: r.studyId, kind: r.kind as RegistrationKind, number: r.number, filedOn: r.filedOn, status: r.status as 'active' | 'retired', createdAt: r.createdAt.toISOString() };
}

export async function listRegistrations(db: Executor, studyId: string): Promise<Registration[]> {
  await getStudy(db, studyId);
  return db.select().from(regulatoryRegistrations).where(eq(regulatoryRegistrations.studyId, studyId)).orderBy(asc(regulatoryRegistrations.createdAt));
}

export async function createRegistration(db: Db, studyId: string, input: { kind: RegistrationKind; number: string; filedOn?: string | undefined }): Promise<Registration> {
  await getStudy(db, studyId);
  const format = NUMBER_FORMATS[input.kind];
  if (!format.pattern.test(input.number)) {
    throw unprocessable(`${input.number} is not a valid ${input.kind} number (e.g. ${format.example}).`, {
      code: 'registration.bad_number',
      params: { kind: input.kind, number: input.number, example: format.example },
      errors: [{ path: 'body.number', message: `Use the format of ${format.example}` }],
    });
  }
  if (input.kind === 'nhc_iit_filing' && !input.filedOn) {
    throw unprocessable('An NHC filing needs its filing date.', { code: 'registration.filed_on_required', errors: [{ path: 'body.filedOn', message: 'Required for an NHC filing' }] });
  }
  return write(db, async (w) => {
    const [dup] = await w.tx
      .select({ id: regulatoryRegistrations.id })
      .from(regulatoryRegistrations)
      .where(and(eq(regulatoryRegistrations.studyId, studyId), eq(regulatoryRegistrations.kind, input.kind), eq(regulatoryRegistrations.number, input.number), eq(regulatoryRegistrations.status, 'active')));
    if (dup) throw conflict(`${input.number} is already registered for this study.`, { code: 'registration.duplicate', params: { number: input.number } });
    return w.insert(regulatoryRegistrations, 'regulatory_registration', { studyId, kind: input.kind, number: input.number, filedOn: input.filedOn ?? null, status: 'active' });
  });
}

export async function retireRegistration(db: Db, id: string, reason: string): Promise<Registration> {
  return write(db, async (w) => {
    const row = await w.lockById(regulatoryRegistrations, id, 'regulatory_registration');
    if (row.status === 'retired') throw conflict('This registration is already retired.', { code: 'registration.retired' });
    return w.update(regulatoryRegistrations, 'regulatory_registration', id, { status: 'retired' }, reason, 'retire');
  });
}

/** Today's calendar day in the site's time zone (approvals are valid through their expiry day). */
export async function siteToday(db: Executor, at = new Date()): Promise<string> {
  const site = await homeSite(db);
  return new Intl.DateTimeFormat('en-CA', { timeZone: site.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export async function ethicsView(db: Executor, e: EthicsApproval, today?: string) {
  const day = today ?? (await siteToday(db));
  const [pv] = await db.select({ version: protocolVersions.version }).from(protocolVersions).where(eq(protocolVersions.id, e.protocolVersionId));
  return {
    id: e.id,
    studyId: e.studyId,
    committee: e.committee,
    approvalNumber: e.approvalNumber,
    approvedOn: e.approvedOn,
    expiresOn: e.expiresOn,
    protocolVersionId: e.protocolVersionId,
    protocolVersion: pv?.version ?? null,
    status: e.status as 'active' | 'retired',
    expired: e.expiresOn < day,
    createdAt: e.createdAt.toISOString(),
  };
}

export async function listEthics(db: Executor, studyId: string): Promise<EthicsApproval[]> {
  await getStudy(db, studyId);
  return db.select().from(ethicsApprovals).where(eq(ethicsApprovals.studyId, studyId)).orderBy(desc(ethicsApprovals.approvedOn));
}

export async function createEthics(
  db: Db,
  studyId: string,
  input: { committee: string; approvalNumber: string; approvedOn: string; expiresOn: string; protocolVersionId: string },
): Promise<EthicsApproval> {
  await getStudy(db, studyId);
  if (input.expiresOn < input.approvedOn) {
    throw unprocessable('The approval cannot expire before it was given.', {
      code: 'ethics.expiry_before_approval',
      errors: [{ path: 'body.expiresOn', message: 'Must be on or after the approval date' }],
    });
  }
  const pv = await getProtocolVersion(db, input.protocolVersionId).catch(() => null);
  if (!pv || pv.studyId !== studyId) {
    throw unprocessable('The protocol version is not one of this study.', {
      code: 'ethics.protocol_other_study',
      errors: [{ path: 'body.protocolVersionId', message: 'Choose a protocol version of this study' }],
    });
  }
  return write(db, (w) => w.insert(ethicsApprovals, 'ethics_approval', { studyId, ...input, status: 'active' }));
}

export async function retireEthics(db: Db, id: string, reason: string): Promise<EthicsApproval> {
  return write(db, async (w) => {
    const row = await w.lockById(ethicsApprovals, id, 'ethics_approval');
    if (row.status === 'retired') throw conflict('This ethics approval is already retired.', { code: 'ethics.retired' });
    return w.update(ethicsApprovals, 'ethics_approval', id, { status: 'retired' }, reason, 'retire');
  });
}

export async function getEthics(db: Executor, id: string): Promise<EthicsApproval> {
  const [row] = await db.select().from(ethicsApprovals).where(eq(ethicsApprovals.id, id));
  if (!row) throw notFound('Ethics approval');
  return row;
}

/**
 * The current ethics approval of the effective protocol version, refusing (409) when there is none or it
 * has expired (`ethics.missing`, `ethics.expired` naming the approval number and expiry).
 */
export async function requireCurrentEthics(db: Executor, protocol: ProtocolVersion, at = new Date()): Promise<EthicsApproval> {
  const rows = await db
    .select()
    .from(ethicsApprovals)
    .where(and(eq(ethicsApprovals.protocolVersionId, protocol.id), eq(ethicsApprovals.status, 'active')))
    .orderBy(desc(ethicsApprovals.expiresOn));
  const current = rows[0];
  if (!current) {
    throw conflict(`No ethics approval covers protocol version ${protocol.version}; file the committee's approval first.`, {
      code: 'ethics.missing',
      params: { protocolVersion: protocol.version },
    });
  }
  const today = await siteToday(db, at);
  if (current.expiresOn < today) {
    throw conflict(`Ethics approval ${current.approvalNumber} (${current.committee}) expired on ${current.expiresOn}; no new screening or enrollment until it is renewed.`, {
      code: 'ethics.expired',
      params: { approvalNumber: current.approvalNumber, expiresOn: current.expiresOn, committee: current.committee },
    });
  }
  return current;
}
