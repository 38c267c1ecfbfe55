/**
 * Protocol versions: drafted by the coordinator, approved with the investigator's signature (which makes the
 * version effective and supersedes the one before), frozen once effective. Any change after that is an
 * amendment: a new draft version copied from the effective one.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { parseRule, schemeProblems, type EligibilityCriterion, type EligibilityRule } from '@hepatica/core';
import type { Db, Executor } from '../../../db/client';
import { conflict, notFound, unprocessable, type FieldError } from '../../../platform/errors';
import { requireUserActor } from '../../../platform/context';
import { sign, signaturesOf, type SignatureInput } from '../../../platform/signatures';
import { write, type Writer } from '../../../platform/write';
import { getStudy } from '../../studies/studies.service';
import { isKnownLabUnit } from './lab-units';
import { eligibilityCriteria, protocolArms, protocolVersions } from './protocols.tables';

export type ProtocolVersion = typeof protocolVersions.$inferSelect;
export type ProtocolArm = typeof protocolArms.$inferSelect;
export type CriterionRow = typeof eligibilityCriteria.$inferSelect;
export type ProtocolStatus = 'draft' | 'effective' | 'superseded';

export interface ArmInput {
  code: string;
  name: string;
  ratio: number;
}
export interface CriterionInput {
  code: string;
  kind: 'inclusion' | 'exclusion';
  text: string;
  rule: Record<string, unknown>;
}
export interface RandomizationSettings {
  blockSizes: number[];
  factors: { name: string; levels: string[] }[];
}
export interface ProtocolContentInput {
  title?: string;
  summary?: string;
  arms?: ArmInput[];
  criteria?: CriterionInput[];
  randomization?: RandomizationSettings | null;
}

export interface LoadedProtocol {
  version: ProtocolVersion;
  arms: ProtocolArm[];
  criteria: CriterionRow[];
}

/** Stratification factors whose value the screening data give; their levels are fixed. */
export const BUILT_IN_FACTORS: Record<string, readonly string[]> = {
  bclcStage: ['0', 'A', 'B', 'C', 'D'],
  childPughClass: ['A', 'B', 'C'],
  sex: ['female', 'male'],
};

const DEFAULT_ARMS: ArmInput[] = [{ code: 'A', name: 'Treatment', ratio: 1 }];

/** The study's effective protocol version, or null when none is approved yet. */
export async function effectiveProtocol(db: Executor, studyId: string): Promise<ProtocolVersion | null> {
  const [row] = await db
    .select()
    .from(protocolVersions)
    .where(and(eq(protocolVersions.studyId, studyId), eq(protocolVersions.status, 'effective')));
  return row ?? null;
}

export async function getProtocolVersion(db: Executor, id: string): Promise<ProtocolVersion> {
  const [row] = await db.select().from(protocolVersions).where(eq(protocolVersions.id, id));
  if (!row) throw notFound('Protocol version');
  return row;
}

/** A version with its current (not retired) arms and criteria, in protocol order. */
export async function loadProtocol(db: Executor, idOrRow: string | ProtocolVersion): Promise<LoadedProtocol> {
  const version = typeof idOrRow === 'string' ? await getProtocolVersion(db, idOrRow) : idOrRow;
  const [arms, criteria] = await Promise.all([
    db.select().from(protocolArms).where(and(eq(protocolArms.protocolVersionId, version.id), isNull(protocolArms.retiredAt))).orderBy(asc(protocolArms.position)),
    db
      .select()
      .from(eligibilityCriteria)
      .where(and(eq(eligibilityCriteria.protocolVersionId, version.id), isNull(eligibilityCriteria.retiredAt)))
      .orderBy(asc(eligibilityCriteria.position)),
  ]);
  return { version, arms, criteria };
}

/** The criteria as the eligibility rules read them. */
export function ruleCriteria(criteria: CriterionRow[]): EligibilityCriterion[] {
  return criteria.map((c) => ({ id: c.id, code: c.code, kind: c.kind as 'inclusion' | 'exclusion', rule: c.rule as unknown as EligibilityRule }));
}

/** What the approving signature is bound to: the content of the version, not its status. */
function signedContent({ version: v, arms, criteria }: LoadedProtocol) {
  return {
    id: v.id,
    studyId: v.studyId,
    version: v.version,
    title: v.title,
    summary: v.summary,
    randomization: v.randomization,
    arms: arms.map((a) => ({ code: a.code, name: a.name, ratio: a.ratio })),
    criteria: criteria.map((c) => ({ id: c.id, code: c.code, kind: c.kind, text: c.text, rule: c.rule })),
  };
}

export async function protocolView(db: Executor, loaded: LoadedProtocol) {
  const { version: v, arms, criteria } = loaded;
  return {
    id: v.id,
    studyId: v.studyId,
    version: v.version,
    status: v.status as ProtocolStatus,
    title: v.title,
    summary: v.summary,
    arms: arms.map((a) => ({ id: a.id, code: a.code, name: a.name, ratio: a.ratio })),
    criteria: criteria.map((c) => ({ id: c.id, code: c.code, kind: c.kind as 'inclusion' | 'exclusion', text: c.text, rule: c.rule })),
    randomization: v.randomization ?? null,
    amendedFromId: v.amendedFromId,
    approvedAt: v.approvedAt?.toISOString() ?? null,
    approvedBy: v.approvedBy,
    supersededAt: v.supersededAt?.toISOString() ?? null,
    signatures: await signaturesOf(db, 'protocol_version', v.id, signedContent(loaded)),
    createdAt: v.createdAt.toISOString(),
  };
}

export async function listProtocols(db: Executor, studyId: string): Promise<LoadedProtocol[]> {
  await getStudy(db, studyId);
  const rows = await db.select().from(protocolVersions).where(eq(protocolVersions.studyId, studyId)).orderBy(desc(protocolVersions.version));
  return Promise.all(rows.map((r) => loadProtocol(db, r)));
}

/** Checks arms, criteria and randomization together; throws one 422 naming every bad field. */
function checkContent(arms: ArmInput[] | undefined, criteria: CriterionInput[] | undefined, randomization: RandomizationSettings | null | undefined) {
  const errors: (FieldError & { code?: string })[] = [];
  const seenArms = new Set<string>();
  arms?.forEach((a, i) => {
    if (seenArms.has(a.code)) errors.push({ path: `body.arms.${i}.code`, message: `Arm code ${a.code} is used twice`, code: 'protocol.duplicate_arm' });
    seenArms.add(a.code);
  });
  const seenCriteria = new Set<string>();
  const parsed = criteria?.map((c, i) => {
    if (seenCriteria.has(c.code)) errors.push({ path: `body.criteria.${i}.code`, message: `Criterion code ${c.code} is used twice`, code: 'protocol.duplicate_criterion' });
    seenCriteria.add(c.code);
    const result = parseRule(c.rule, isKnownLabUnit);
    for (const p of result.problems ?? []) errors.push({ path: `body.criteria.${i}.rule.${p.path}`, message: p.message, code: p.code });
    return result.rule;
  });
  if (randomization && arms && arms.length > 1) {
    for (const p of schemeProblems({ arms, blockSizes: randomization.blockSizes })) errors.push({ path: `body.${p.path}`, message: p.message });
  }
  randomization?.factors.forEach((f, i) => {
    const allowed = BUILT_IN_FACTORS[f.name];
    const bad = allowed ? f.levels.find((l) => !allowed.includes(l)) : undefined;
    if (bad !== undefined) errors.push({ path: `body.randomization.factors.${i}.levels`, message: `${bad} is not a level of ${f.name} (use ${allowed!.join(', ')})` });
  });
  if (errors.length) {
    const first = errors[0]!;
    throw unprocessable(`${first.path.replace(/^body\./, '')}: ${first.message}`, {
      code: first.code ?? 'protocol.invalid',
      params: { path: first.path },
      errors: errors.map(({ path, message, code }) => ({ path, message, ...(code ? { code } : {}) })),
    });
  }
  return parsed;
}

async function insertArms(w: Writer, versionId: string, arms: ArmInput[]) {
  for (const [position, a] of arms.entries()) await w.insert(protocolArms, 'protocol_arm', { protocolVersionId: versionId, ...a, position });
}

async function insertCriteria(w: Writer, versionId: string, criteria: CriterionInput[], rules: (EligibilityRule | undefined)[]) {
  for (const [position, c] of criteria.entries()) {
    await w.insert(eligibilityCriteria, 'eligibility_criterion', {
      protocolVersionId: versionId,
      code: c.code,
      kind: c.kind,
      text: c.text,
      rule: rules[position] as unknown as Record<string, unknown>,
      position,
    });
  }
}

const newSeed = () => randomBytes(32).toString('hex');

/** Version 1 of a study's protocol, drafted from the study (title) unless given. */
export async function createProtocol(db: Db, studyId: string, input: ProtocolContentInput): Promise<LoadedProtocol> {
  const study = await getStudy(db, studyId);
  const arms = input.arms ?? DEFAULT_ARMS;
  const criteria = input.criteria ?? [];
  const rules = checkContent(arms, criteria, input.randomization) ?? [];
  const id = await write(db, async (w) => {
    const [existing] = await w.tx.select({ id: protocolVersions.id }).from(protocolVersions).where(eq(protocolVersions.studyId, studyId)).limit(1);
    if (existing) {
      throw conflict(`Study ${study.code} already has a protocol; amend its effective version instead.`, { code: 'protocol.exists', params: { study: study.code } });
    }
    const v = await w.insert(protocolVersions, 'protocol_version', {
      studyId,
      version: 1,
      status: 'draft',
      title: input.title ?? study.title,
      summary: input.summary ?? null,
      randomization: input.randomization ?? null,
      randomizationSeed: newSeed(),
    });
    await insertArms(w, v.id, arms);
    await insertCriteria(w, v.id, criteria, rules);
    return v.id;
  });
  return loadProtocol(db, id);
}

/** An edit of a non-draft is `protocol.frozen`; an approval of one is `protocol.not_draft`. */
function requireDraft(v: ProtocolVersion, code: 'protocol.frozen' | 'protocol.not_draft' = 'protocol.frozen') {
  if (v.status !== 'draft') {
    throw conflict(`Protocol version ${v.version} is ${v.status} and frozen; amend it to make a new draft version.`, {
      code,
      params: { version: v.version, status: v.status },
    });
  }
}

/** Edits a draft. A given list of arms or criteria replaces the draft's (the old rows are retired). */
export async function patchProtocol(db: Db, id: string, input: ProtocolContentInput & { reason: string }): Promise<LoadedProtocol> {
  const current = await loadProtocol(db, id);
  requireDraft(current.version);
  const arms = input.arms ?? current.arms;
  const rules = checkContent(arms, input.criteria, input.randomization === undefined ? current.version.randomization : input.randomization);
  await write(db, async (w) => {
    const locked = await w.lockById(protocolVersions, id, 'protocol_version');
    requireDraft(locked);
    const now = new Date();
    const patch: Partial<ProtocolVersion> = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.summary !== undefined) patch.summary = input.summary;
    if (input.randomization !== undefined) patch.randomization = input.randomization;
    if (Object.keys(patch).length) await w.update(protocolVersions, 'protocol_version', id, patch, input.reason);
    if (input.arms) {
      for (const a of current.arms) await w.update(protocolArms, 'protocol_arm', a.id, { retiredAt: now }, input.reason, 'retire');
      await insertArms(w, id, input.arms);
    }
    if (input.criteria) {
      for (const c of current.criteria) await w.update(eligibilityCriteria, 'eligibility_criterion', c.id, { retiredAt: now }, input.reason, 'retire');
      await insertCriteria(w, id, input.criteria, rules ?? []);
    }
  });
  return loadProtocol(db, id);
}

/**
 * The investigator signs the draft: it becomes effective, and the version effective before is superseded.
 * `approvedAt` (default now) is given only by the demo seed, whose protocols were approved before go-live;
 * the route never passes it. The signature itself is stamped with the time it is made.
 */
export async function approveProtocol(db: Db, id: string, signature: SignatureInput, approvedAt = new Date()): Promise<LoadedProtocol> {
  const loaded = await loadProtocol(db, id);
  requireDraft(loaded.version, 'protocol.not_draft');
  if (loaded.arms.length > 1 && !loaded.version.randomization) {
    throw unprocessable('A protocol with more than one arm needs a randomization scheme (block sizes, strata) before approval.', {
      code: 'protocol.randomization_required',
      errors: [{ path: 'body.randomization', message: 'Required for more than one arm' }],
    });
  }
  await write(db, async (w) => {
    const locked = await w.lockById(protocolVersions, id, 'protocol_version');
    requireDraft(locked, 'protocol.not_draft');
    await sign(w, signature, 'protocol_version', id, signedContent(loaded));
    const now = approvedAt;
    const previous = await effectiveProtocol(w.tx, locked.studyId);
    if (previous) {
      await w.update(protocolVersions, 'protocol_version', previous.id, { status: 'superseded', supersededAt: now }, `Superseded by version ${locked.version}`, 'supersede');
    }
    await w.update(protocolVersions, 'protocol_version', id, { status: 'effective', approvedAt: now, approvedBy: requireUserActor().id }, `Approved: ${signature.meaning}`, 'approve');
  });
  return loadProtocol(db, id);
}

/** A new draft version copied from this one (arms, criteria, randomization settings; a new seed). */
export async function amendProtocol(db: Db, id: string, input: { reason: string; title?: string; summary?: string }): Promise<LoadedProtocol> {
  const source = await loadProtocol(db, id);
  const newId = await write(db, async (w) => {
    const all = await w.tx.select().from(protocolVersions).where(eq(protocolVersions.studyId, source.version.studyId)).for('update');
    const draft = all.find((v) => v.status === 'draft');
    if (draft) {
      throw conflict(`Version ${draft.version} is already a draft; edit it instead of starting another amendment.`, {
        code: 'protocol.draft_exists',
        params: { version: draft.version, id: draft.id },
      });
    }
    const v = await w.insert(protocolVersions, 'protocol_version', {
      studyId: source.version.studyId,
      version: Math.max(...all.map((x) => x.version)) + 1,
      status: 'draft',
      title: input.title ?? source.version.title,
      summary: input.summary ?? source.version.summary,
      randomization: source.version.randomization,
      randomizationSeed: newSeed(),
      amendedFromId: source.version.id,
    });
    await w.event({ action: 'amend', entityType: 'protocol_version', entityId: source.version.id, reason: input.reason, after: { amendmentId: v.id, version: v.version } });
    // Only the arm's fields: the source rows carry their own ids (and version, position).
    await insertArms(w, v.id, source.arms.map((a) => ({ code: a.code, name: a.name, ratio: a.ratio })));
    await insertCriteria(
      w,
      v.id,
      source.criteria.map((c) => ({ code: c.code, kind: c.kind as 'inclusion' | 'exclusion', text: c.text, rule: c.rule })),
      source.criteria.map((c) => c.rule as unknown as EligibilityRule),
    );
    return v.id;
  });
  return loadProtocol(db, newId);
}
