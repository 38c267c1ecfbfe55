/**
 * A protocol version's visit schedule: its current (not retired) definitions and its long-term follow-up setting.
 * A draft's schedule is replaced as a whole (the old definitions are retired, never deleted); an effective or
 * superseded version is frozen (amend it). Loaders take many versions at once so the due list stays set-based.
 */
import { scheduleProblems, type VisitDefinitionRule } from '@hepatica/core';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { conflict, unprocessable } from '../../../platform/errors';
import { write } from '../../../platform/write';
import { getProtocolVersion, type ProtocolVersion } from '../protocols/protocols.service';
import { protocolVersions } from '../protocols/protocols.tables';
import type { VisitScheduleBody } from './visits.schema';
import { visitDefinitions, visitScheduleSettings } from './visits.tables';

export type VisitDefinitionRow = typeof visitDefinitions.$inferSelect;
export type ScheduleSetting = typeof visitScheduleSettings.$inferSelect;

export interface LoadedSchedule {
  rows: VisitDefinitionRow[];
  rules: VisitDefinitionRule[];
  setting: ScheduleSetting | null;
}

export function ruleOf(d: VisitDefinitionRow): VisitDefinitionRule {
  return {
    id: d.id, code: d.code, name: { en: d.nameEn, zh: d.nameZh }, phase: d.phase as VisitDefinitionRule['phase'],
    anchor: d.anchor as VisitDefinitionRule['anchor'], dayOffset: d.dayOffset, windowBefore: d.windowBefore,
    windowAfter: d.windowAfter, assessments: d.assessments, repeat: d.repeat ?? null,
  };
}

/** The schedules of many protocol versions in two queries, by version id. */
export async function loadSchedules(db: Executor, versionIds: readonly string[]): Promise<Map<string, LoadedSchedule>> {
  const ids = [...new Set(versionIds)];
  const out = new Map<string, LoadedSchedule>(ids.map((id) => [id, { rows: [], rules: [], setting: null }]));
  if (!ids.length) return out;
  const [defs, settings] = await Promise.all([
    db.select().from(visitDefinitions).where(and(inArray(visitDefinitions.protocolVersionId, ids), isNull(visitDefinitions.retiredAt))).orderBy(asc(visitDefinitions.position)),
    db.select().from(visitScheduleSettings).where(inArray(visitScheduleSettings.protocolVersionId, ids)),
  ]);
  for (const d of defs) {
    const s = out.get(d.protocolVersionId)!;
    s.rows.push(d);
    s.rules.push(ruleOf(d));
  }
  for (const s of settings) out.get(s.protocolVersionId)!.setting = s;
  return out;
}

export const loadSchedule = async (db: Executor, versionId: string): Promise<LoadedSchedule> => (await loadSchedules(db, [versionId])).get(versionId)!;

export function scheduleView(version: ProtocolVersion, s: LoadedSchedule) {
  const years = s.setting?.ltfuYears ?? null;
  const times = [...s.rows.map((r) => r.createdAt.getTime()), s.setting?.updatedAt.getTime() ?? 0].filter((t) => t > 0);
  return {
    protocolVersionId: version.id,
    protocolStatus: version.status,
    editable: version.status === 'draft',
    ltfu: years ? { years, basis: s.setting?.ltfuBasis ?? null } : null,
    visits: s.rows.map((r) => ({ ...ruleOf(r), assessments: [...r.assessments], repeat: r.repeat ?? null, position: r.position })),
    updatedAt: times.length ? new Date(Math.max(...times)).toISOString() : null,
  };
}

export async function getSchedule(db: Executor, versionId: string) {
  const version = await getProtocolVersion(db, versionId);
  return scheduleView(version, await loadSchedule(db, versionId));
}

function requireDraft(v: ProtocolVersion) {
  if (v.status !== 'draft') {
    throw conflict(`Protocol version ${v.version} is ${v.status} and frozen; amend it to change its visit schedule.`, { code: 'protocol.frozen', params: { version: v.version, status: v.status } });
  }
}

function checkBody(body: VisitScheduleBody) {
  const defs = body.visits.map((v) => ({ ...v, repeat: v.repeat ?? null }));
  const problems = scheduleProblems(defs, body.ltfu?.years ?? null);
  if (problems.length) {
    const first = problems[0]!;
    throw unprocessable(first.message, { code: first.code, params: first.params, errors: problems.map((p) => ({ path: `body.${p.path}`, message: p.message })) });
  }
}

/** Replaces a draft's visit schedule; `reason` is required once the version has a schedule. */
export async function putSchedule(db: Db, versionId: string, body: VisitScheduleBody) {
  requireDraft(await getProtocolVersion(db, versionId));
  checkBody(body);
  const current = await loadSchedule(db, versionId);
  const hasSchedule = current.rows.length > 0 || current.setting !== null;
  const reason = body.reason?.trim();
  if (hasSchedule && !reason) {
    throw unprocessable('A reason is required to change a visit schedule.', { code: 'gmp.reason_required', errors: [{ path: 'body.reason', message: 'Required' }] });
  }
  await write(db, async (w) => {
    requireDraft(await w.lockById(protocolVersions, versionId, 'protocol_version'));
    const now = new Date();
    for (const r of current.rows) await w.update(visitDefinitions, 'visit_definition', r.id, { retiredAt: now }, reason ?? null, 'retire');
    for (const [position, v] of body.visits.entries()) {
      await w.insert(visitDefinitions, 'visit_definition', {
        protocolVersionId: versionId, code: v.code, nameEn: v.name.en, nameZh: v.name.zh, phase: v.phase, anchor: v.anchor,
        dayOffset: v.dayOffset, windowBefore: v.windowBefore, windowAfter: v.windowAfter, assessments: v.assessments,
        repeat: v.repeat ?? null, position,
      });
    }
    const ltfu = { ltfuYears: body.ltfu?.years ?? null, ltfuBasis: body.ltfu?.basis ?? null };
    if (current.setting) await w.update(visitScheduleSettings, 'visit_schedule_setting', current.setting.id, { ...ltfu, updatedAt: now }, reason ?? null);
    else await w.insert(visitScheduleSettings, 'visit_schedule_setting', { protocolVersionId: versionId, ...ltfu });
  });
  return getSchedule(db, versionId);
}

/** The effective version of each study (for subjects: amendments apply to subjects on study). */
export async function effectiveVersionsOf(db: Executor, studyIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(studyIds)];
  if (!ids.length) return new Map();
  const rows = await db.select({ id: protocolVersions.id, studyId: protocolVersions.studyId }).from(protocolVersions).where(and(inArray(protocolVersions.studyId, ids), eq(protocolVersions.status, 'effective')));
  return new Map(rows.map((r) => [r.studyId, r.id]));
}
