/** A subject's panels as the API shows them, with the liver scores their current results allow. */
import { LIVER_SCORE_LABS, liverScores, type LiverScoreInput, type LiverScores } from '@hepatica/core';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { ageAt, labSubject, type LabSubject } from './labs.subject';
import { labPanels, labResults } from './labs.tables';
import { labLabel } from './labs.validate';

type Panel = typeof labPanels.$inferSelect;
export type LabResultRow = typeof labResults.$inferSelect;

export function labResultView(r: LabResultRow) {
  return {
    id: r.id,
    panelId: r.panelId,
    subjectId: r.subjectId,
    analyte: r.analyte,
    label: labLabel(r.analyte),
    loinc: r.loinc,
    value: r.value,
    unit: r.unit,
    canonicalValue: r.canonicalValue,
    canonicalUnit: r.canonicalUnit,
    reference: r.reference ?? null,
    flag: (r.flag as 'low' | 'high' | 'normal' | null) ?? null,
    collectedAt: r.collectedAt.toISOString(),
    status: r.status as 'final' | 'superseded',
    supersedesId: r.supersedesId,
    supersededById: r.supersededById,
    correctionReason: r.correctionReason,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The score input of a panel: its current results in SI (AST's ULN: the stored range's upper limit). */
export function scoreInput(panel: Panel, results: LabResultRow[], subject: LabSubject): LiverScoreInput {
  const labs: LiverScoreInput['labs'] = {};
  for (const r of results) {
    if (r.status !== 'final' || !(LIVER_SCORE_LABS as readonly string[]).includes(r.analyte)) continue;
    const uln = r.analyte === 'ast' || r.analyte === 'alt' ? (r.reference?.high ?? null) : null;
    labs[r.analyte as (typeof LIVER_SCORE_LABS)[number]] = { value: r.canonicalValue, unit: r.canonicalUnit, ...(uln !== null ? { uln } : {}) };
  }
  return {
    sex: subject.sex,
    ageYears: ageAt(subject.birthDate, panel.collectedAt),
    dialysis: panel.dialysis,
    ascites: panel.ascites as LiverScoreInput['ascites'],
    encephalopathy: panel.encephalopathy as LiverScoreInput['encephalopathy'],
    labs,
  };
}

export function panelScores(panel: Panel, results: LabResultRow[], subject: LabSubject): LiverScores {
  return liverScores(scoreInput(panel, results, subject));
}

const currentFirst = (a: LabResultRow, b: LabResultRow) => Number(a.status !== 'final') - Number(b.status !== 'final');

export function panelView(panel: Panel, results: LabResultRow[], subject: LabSubject) {
  return {
    id: panel.id,
    subjectId: panel.subjectId,
    visitCode: panel.visitCode,
    collectedAt: panel.collectedAt.toISOString(),
    source: panel.source as 'entry' | 'import',
    importId: panel.importId,
    observations: { ascites: panel.ascites, encephalopathy: panel.encephalopathy, dialysis: panel.dialysis },
    results: [...results].sort(currentFirst).map(labResultView),
    scores: panelScores(panel, results, subject),
    recordedBy: panel.recordedBy,
    createdAt: panel.createdAt.toISOString(),
  };
}

async function panelsWithResults(db: Executor, subjectId: string, order: 'asc' | 'desc') {
  const panels = await db.select().from(labPanels).where(eq(labPanels.subjectId, subjectId)).orderBy(order === 'asc' ? asc(labPanels.collectedAt) : desc(labPanels.collectedAt));
  const results = panels.length ? await db.select().from(labResults).where(inArray(labResults.panelId, panels.map((p) => p.id))).orderBy(asc(labResults.createdAt)) : [];
  const byPanel = new Map<string, LabResultRow[]>();
  for (const r of results) byPanel.set(r.panelId, [...(byPanel.get(r.panelId) ?? []), r]);
  return panels.map((p) => ({ panel: p, results: byPanel.get(p.id) ?? [] }));
}

export async function onePanelView(db: Executor, panelId: string) {
  const [panel] = await db.select().from(labPanels).where(eq(labPanels.id, panelId));
  const results = await db.select().from(labResults).where(eq(labResults.panelId, panelId)).orderBy(asc(labResults.createdAt));
  return panelView(panel!, results, await labSubject(db, panel!.subjectId));
}

/** Newest first. */
export async function subjectPanelsView(db: Executor, subjectId: string) {
  const subject = await labSubject(db, subjectId);
  return { items: (await panelsWithResults(db, subjectId, 'desc')).map(({ panel, results }) => panelView(panel, results, subject)) };
}

/** A chart's series, oldest first; panels allowing no score are left out. */
export async function subjectScoresView(db: Executor, subjectId: string) {
  const subject = await labSubject(db, subjectId);
  const items = [];
  for (const { panel, results } of await panelsWithResults(db, subjectId, 'asc')) {
    const { version: _version, ...scores } = panelScores(panel, results, subject);
    if (Object.keys(scores).length === 0) continue;
    items.push({ at: panel.collectedAt.toISOString(), panelId: panel.id, visitCode: panel.visitCode, ...scores });
  }
  return { items };
}
