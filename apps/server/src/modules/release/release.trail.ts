/**
 * The audit trail of one batch for its QA review: every audit event about the batch and about the
 * records that belong to it — its steps, its deviations, its QC samples, results and OOS
 * investigations, its genealogy, the lots it made, its review and release — and every signature on
 * any of them. A record belongs to the batch when its row names the batch (`batchId`) or names a
 * record that belongs to it (an OOS investigation names its result, a signature names what it signs);
 * following those links a few hops finds them all without this module knowing every table.
 */
import { asc, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditEvents } from '../../platform/audit.tables';
import { listDeviations } from '../quality/deviations.service';
import { peopleByIds, personOr } from './release.people';
import { batchRow, reviewOf } from './release.views';

/** Fields by which a row names the record it belongs to. */
const LINK_KEYS = ['batchId', 'resultId', 'sampleId', 'deviationId', 'releaseId', 'entityId', 'producedByBatchId', 'fromId', 'toId'] as const;
/** Enough for batch → result → investigation → signature. */
const MAX_HOPS = 4;
/** Bookkeeping columns that say nothing a reviewer needs. */
const QUIET_FIELDS = new Set(['id', 'createdAt', 'created_at']);

type AuditRow = typeof auditEvents.$inferSelect;

/**
 * Events of the records themselves (entity id) or naming one of them in a link field. The link test
 * is jsonb containment (`after @> '{"batchId": "…"}'`) against an array of patterns, which the GIN
 * index audit_events_after_links_idx answers without reading the whole trail.
 */
async function eventsLinkedTo(db: Executor, ids: string[]): Promise<AuditRow[]> {
  const patterns = ids.flatMap((id) => LINK_KEYS.map((key) => JSON.stringify({ [key]: id })));
  const linked: SQL = sql`${auditEvents.after} @> any(${sql.raw('ARRAY[')}${sql.join(
    patterns.map((p) => sql`${p}::jsonb`),
    sql`, `,
  )}${sql.raw(']')})`;
  return db.select().from(auditEvents).where(or(inArray(auditEvents.entityId, ids), linked)).orderBy(asc(auditEvents.seq));
}

/** Every audit event of the batch and of the records that belong to it, oldest first. */
export async function batchTrail(db: Executor, batchId: string): Promise<AuditRow[]> {
  const deviations = await listDeviations(db, { batchId });
  const known = new Set([batchId, ...deviations.map((d) => d.id)]);
  const events = new Map<number, AuditRow>();
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const found = await eventsLinkedTo(db, [...known]);
    const before = known.size;
    for (const e of found) {
      events.set(e.seq, e);
      known.add(e.entityId);
    }
    if (known.size === before) break;
  }
  return [...events.values()].sort((a, b) => a.seq - b.seq);
}

/** What changed in one event: every field of a created record, the differing fields of an update. */
export function changesOf(e: Pick<AuditRow, 'before' | 'after'>): { field: string; before: unknown; after: unknown }[] {
  const before = asObject(e.before);
  const after = asObject(e.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !QUIET_FIELDS.has(f));
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }));
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The review screen's record: the trail with its changes, every signature in it, and the review. */
export async function reviewRecord(db: Executor, batchId: string) {
  await batchRow(db, batchId);
  const trail = await batchTrail(db, batchId);
  const signed = trail.filter((e) => e.entityType === 'signature' && e.action === 'create').map((e) => asObject(e.after));
  // The signer is the signature's user, not the event's actor: a witness signs in the performer's request.
  const people = await peopleByIds(db, signed.map((s) => String(s.userId)));
  const signatures = signed
    .map((s) => {
      return {
        entityType: String(s.entityType),
        entityId: String(s.entityId),
        signer: personOr(people, String(s.userId)).username,
        printedName: String(s.printedName),
        meaning: String(s.meaning),
        at: new Date(String(s.signedAt)).toISOString(),
      };
    });
  return {
    trail: trail.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      reason: e.reason,
      changes: changesOf(e),
    })),
    signatures,
    review: await reviewOf(db, batchId),
  };
}
