/** Reading adverse events: a subject's list (one query per part, never one per event) and one event in full. */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { assessmentContent, judgement, type AdverseEvent } from './adverse-events.service';
import { adverseEventVersions, adverseEvents } from './safety.tables';
import { listClocks } from './sae-clocks.service';
import { signaturesByRecord } from './signed';
import { loadSubject } from './subject-context';

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function views(db: Executor, rows: AdverseEvent[], full: boolean) {
  const ids = rows.map((r) => r.id);
  const [assessed, voided] = await Promise.all([
    signaturesByRecord(db, 'adverse_event', rows.map((r) => ({ id: r.id, content: assessmentContent(r) }))),
    signaturesByRecord(db, 'adverse_event_void', rows.filter((r) => r.status === 'voided').map((r) => ({ id: r.id, content: { id: r.id, status: 'voided', voidReason: r.voidReason } }))),
  ]);
  const versions = full && ids.length ? await db.select().from(adverseEventVersions).where(inArray(adverseEventVersions.adverseEventId, ids)).orderBy(asc(adverseEventVersions.version)) : [];
  const clocks = full ? await listClocks(db, { adverseEventIds: ids }) : [];
  return rows.map((ae) => ({
    id: ae.id,
    subjectId: ae.subjectId,
    number: ae.number,
    status: ae.status as 'open' | 'resolved' | 'voided',
    verbatimTerm: ae.verbatimTerm,
    ctcaeTerm: ae.ctcaeTerm,
    ctcaeVersion: ae.ctcaeVersion,
    grade: ae.grade,
    onsetAt: ae.onsetAt.toISOString(),
    resolvedAt: iso(ae.resolvedAt),
    awareAt: ae.awareAt.toISOString(),
    description: ae.description,
    actionTaken: ae.actionTaken,
    outcome: ae.outcome,
    productDin: ae.productDin,
    seriousness: ae.seriousness,
    relatedness: ae.relatedness,
    expectedness: ae.expectedness,
    rsiReference: ae.rsiReference,
    ...judgement(ae),
    assessedBy: ae.assessedBy,
    assessedAt: iso(ae.assessedAt),
    source: ae.source,
    version: ae.version,
    recordedBy: ae.recordedBy,
    voidReason: ae.voidReason,
    createdAt: ae.createdAt.toISOString(),
    updatedAt: ae.updatedAt.toISOString(),
    signatures: [...(assessed.get(ae.id) ?? []), ...(voided.get(ae.id) ?? [])],
    ...(full
      ? {
          versions: versions
            .filter((v) => v.adverseEventId === ae.id)
            .map((v) => ({ version: v.version, kind: v.kind, reason: v.reason, changedBy: v.changedBy, changedAt: v.changedAt.toISOString(), snapshot: v.snapshot as Record<string, unknown> })),
          clocks: clocks.filter((c) => c.adverseEventId === ae.id),
        }
      : {}),
  }));
}
export type AdverseEventView = Awaited<ReturnType<typeof views>>[number];

/** A subject's adverse events, newest onset first, voided ones included (they say so). */
export async function listSubjectAdverseEvents(db: Executor, subjectId: string) {
  await loadSubject(db, subjectId);
  return adverseEventsOfSubject(db, subjectId);
}

/** Without the subject check: for the casebook, which has loaded the subject already. */
export async function adverseEventsOfSubject(db: Executor, subjectId: string) {
  const rows = await db.select().from(adverseEvents).where(eq(adverseEvents.subjectId, subjectId)).orderBy(desc(adverseEvents.onsetAt));
  return views(db, rows, false);
}

export async function getAdverseEvent(db: Executor, id: string) {
  const [row] = await db.select().from(adverseEvents).where(eq(adverseEvents.id, id));
  if (!row) throw notFound('Adverse event');
  return (await views(db, [row], true))[0]!;
}
