/**
 * The batch review's audit trail on a large history: 500,000 synthetic audit events (TRAIL_EVENTS
 * overrides, at least 1000), shaped like years of production — about 20,000 batches, each with its
 * steps, step and result signatures, a QC sample and results, an OOS investigation naming only its
 * result, a deviation, and unrelated events (custody, logins, EM, training) between them; a couple of
 * hundred batches are in progress at any time, so one batch's events are spread over thousands of
 * others. The trail of one batch therefore follows links over hops: batch → steps and results (they
 * name batchId) → their signatures and the investigation (entityId, resultId) → its signature.
 *
 * The events are written straight into audit_events with INSERT … SELECT generate_series (the two
 * trail indexes of migration 0005 dropped during the load and rebuilt from their own definitions),
 * not through the write path: this measures reading. Their prev_hash/hash are placeholders, so the
 * hash chain of a bench database does not verify; nothing here reads it.
 *
 * Timed: batchTrail() (what GET the review record calls) for a batch in the middle of the history,
 * beside the same call with index scans forbidden and a full scan of the table; the plan of its
 * last query; and the cost the GIN index adds to an audited insert through the real write path.
 */
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Database, Db } from '../../apps/server/src/db/client';
import * as schema from '../../apps/server/src/db/schema';
import { materials } from '../../apps/server/src/modules/materials/materials.tables';
import { batchTrail } from '../../apps/server/src/modules/release/release.trail';
import { write } from '../../apps/server/src/platform/write';
import { asUser, seedUser, type BenchUser, type Suite } from './fixtures';
import { syntheticId, timed, withoutIndexScans, withSettings } from './sql-bench';

const TRAIL_RUNS = 15;
const SCAN_RUNS = 5;
/** Audited inserts per side of the write-cost comparison. */
const INSERTS = 300;
/** Events per INSERT statement, to bound the engine's memory. */
const CHUNK = 100_000;
/** What migration 0005 added for the trail; the GIN one is the one that costs writes. */
const TRAIL_INDEXES = ['audit_events_entity_id_idx', 'audit_events_after_links_idx'];
const GIN_INDEX = 'audit_events_after_links_idx';
const HISTORY_SECONDS = 3 * 365 * 86_400;

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const times = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(2));
const count = (n: number) => n.toLocaleString('en-US');

function targetEvents(): number {
  const raw = process.env.TRAIL_EVENTS;
  const n = raw ? Number(raw) : 500_000;
  if (!Number.isInteger(n) || n < 1000) throw new Error(`TRAIL_EVENTS must be an integer >= 1000 (got "${raw}")`);
  return n;
}

// ── The synthetic history ────────────────────────────────────────────────────────────────────
// Each batch b has one slot per kind of event below. Event g of the history belongs to batch b in
// slot s (see shapeFor); the SQL names b, s, g and `at`.

interface Slot {
  entityType: string;
  action: string;
  entityId: string;
  after: string | null;
  before?: string;
  reason?: string;
  /** Whether the event belongs to batch b's trail. */
  linked: boolean;
}

const ref = (prefix: string, n: string) => `${syntheticId(prefix, n)}::text`;
const json = (fields: Record<string, string>) =>
  `jsonb_build_object(${Object.entries(fields).map(([k, v]) => `'${k}', ${v}`).join(', ')})`;

const BATCH = ref('tb', 'b');
const step = (i: number) => ref('ts', `b * 3 + ${i}`);
const result = (i: number) => ref('tr', `b * 2 + ${i}`);
const SAMPLE = ref('tq', 'b');
const OOS = ref('to', 'b');
const OPERATOR = ref('tu', 'b % 40');

const batchRow = (status: string) =>
  json({ id: BATCH, batchNumber: `'B-TRAIL-' || b`, processId: ref('tp', '0'), roomId: ref('tm', 'b % 12'), status: `'${status}'`, startedAt: 'at' });
const stepRow = (i: number, status: string) =>
  json({ id: step(i), batchId: BATCH, index: String(i), name: `'Step ${i + 1}'`, status: `'${status}'`, performedBy: OPERATOR, updatedAt: 'at' });
const resultRow = (i: number, testCode: string, conforms: boolean) =>
  json({ id: result(i), batchId: BATCH, sampleId: SAMPLE, testCode: `'${testCode}'`, value: `'${conforms ? 'conforms' : '2.9 copies/cell'}'`, conforms: String(conforms), enteredAt: 'at' });

/** A signature row as the write path audits it: it names what it signs by entityType/entityId. */
function signature(j: number, entityType: string, entityId: string, meaning: string): Slot {
  const id = ref('tg', `b * 8 + ${j}`);
  const after = json({ id, userId: OPERATOR, printedName: `'Operator ' || (b % 40)`, meaning: `'${meaning}'`, entityType: `'${entityType}'`, entityId, recordHash: `md5(${entityId}) || md5(${id})`, signedAt: 'at' });
  return { entityType: 'signature', action: 'create', entityId: id, after, linked: true };
}

function stepDone(i: number): Slot {
  return { entityType: 'batch_step', action: 'update', entityId: step(i), before: stepRow(i, 'pending'), after: stepRow(i, 'completed'), reason: 'Step performed', linked: true };
}

const NOISE = ref('tn', 'g');
const SLOTS: Slot[] = [
  { entityType: 'batch', action: 'create', entityId: BATCH, after: batchRow('in_progress'), linked: true },
  ...[0, 1, 2].map((i): Slot => ({ entityType: 'batch_step', action: 'create', entityId: step(i), after: stepRow(i, 'pending'), linked: true })),
  stepDone(0),
  signature(0, 'batch_step', step(0), 'performed'),
  signature(1, 'batch_step', step(0), 'witnessed'),
  stepDone(1),
  signature(2, 'batch_step', step(1), 'performed'),
  stepDone(2),
  signature(3, 'batch_step', step(2), 'performed'),
  { entityType: 'qc_sample', action: 'create', entityId: SAMPLE, after: json({ id: SAMPLE, batchId: BATCH, kind: `'release'`, drawnAt: 'at' }), linked: true },
  { entityType: 'qc_result', action: 'create', entityId: result(0), after: resultRow(0, 'STERILITY', true), linked: true },
  { entityType: 'qc_result', action: 'create', entityId: result(1), after: resultRow(1, 'VCN', false), linked: true },
  signature(4, 'qc_result', result(0), 'reviewed'),
  signature(5, 'qc_result', result(1), 'reviewed'),
  // Names only its result: found one hop after the result, and its signature one hop later.
  { entityType: 'oos_investigation', action: 'create', entityId: OOS, after: json({ id: OOS, resultId: result(1), phase: `'1'`, status: `'open'`, openedAt: 'at' }), linked: true },
  signature(6, 'oos_investigation', OOS, 'approved'),
  { entityType: 'deviation', action: 'create', entityId: ref('td', 'b'), after: json({ id: ref('td', 'b'), batchId: BATCH, number: `'DEV-T-' || b`, severity: `'minor'`, status: `'open'`, openedAt: 'at' }), linked: true },
  { entityType: 'batch', action: 'update', entityId: BATCH, before: batchRow('in_progress'), after: batchRow('completed'), reason: 'Batch completed', linked: true },
  // Unrelated work recorded between the batch's events.
  ...['receipt', 'storage'].map((type): Slot => ({ entityType: 'custody_event', action: 'create', entityId: NOISE, after: json({ id: NOISE, din: `'B9999' || lpad(g::text, 8, '0')`, type: `'${type}'`, location: `'Quarantine fridge'`, temperatureC: '4.2', occurredAt: 'at' }), linked: false })),
  { entityType: 'user', action: 'login', entityId: OPERATOR, after: null, linked: false },
  { entityType: 'em_sample', action: 'create', entityId: NOISE, after: json({ id: NOISE, roomId: ref('tm', 'b % 12'), particles05: '(g % 3000)', takenAt: 'at' }), linked: false },
  { entityType: 'training_enrollment', action: 'create', entityId: NOISE, after: json({ id: NOISE, learnerId: OPERATOR, courseId: ref('tc', 'g % 30'), status: `'enrolled'` }), linked: false },
];
const LINKED = SLOTS.flatMap((slot, s) => (slot.linked ? [s] : []));

interface Shape {
  events: number;
  /** Batches in progress at once: event g is in block g / (window × slots), batch window × block + g % window. */
  window: number;
  batches: number;
  /** A batch in the middle of the history whose every event is loaded. */
  middle: number;
}

function shapeFor(events: number): Shape {
  const window = Math.max(1, Math.min(200, Math.floor(events / SLOTS.length / 4)));
  const block = window * SLOTS.length;
  const fullBlocks = Math.floor(events / block);
  return { events, window, batches: fullBlocks * window + Math.min(events % block, window), middle: Math.floor(fullBlocks / 2) * window + Math.floor(window / 2) };
}

/** The seqs batchTrail must return for batch b: its linked slots, where the load put them. */
function expectedSeqs(s: Shape, base: number, b: number): number[] {
  const block = s.window * SLOTS.length;
  return LINKED.map((slot) => base + Math.floor(b / s.window) * block + slot * s.window + (b % s.window) + 1);
}

const caseOf = (pick: (slot: Slot) => string) => `CASE s ${SLOTS.map((slot, i) => `WHEN ${i} THEN ${pick(slot)}`).join(' ')} END`;

async function loadEvents(database: Database, s: Shape, base: number): Promise<void> {
  const block = s.window * SLOTS.length;
  const start = new Date(Date.now() - HISTORY_SECONDS * 1000).toISOString();
  for (let lo = 0; lo < s.events; lo += CHUNK) {
    const hi = Math.min(s.events, lo + CHUNK) - 1;
    await database.query(`
      INSERT INTO audit_events (seq, at, actor_id, actor, action, entity_type, entity_id, before, after, reason, request_id, prev_hash, hash)
      SELECT ${base} + g + 1, at, ${OPERATOR}::uuid, 'operator' || (b % 40), ${caseOf((x) => `'${x.action}'`)}, ${caseOf((x) => `'${x.entityType}'`)},
             ${caseOf((x) => x.entityId)}, ${caseOf((x) => x.before ?? 'NULL::jsonb')}, ${caseOf((x) => x.after ?? 'NULL::jsonb')},
             ${caseOf((x) => (x.reason ? `'${x.reason}'` : 'NULL'))}, 'bench-trail-' || g, md5('h' || (g - 1)) || md5('i' || (g - 1)), md5('h' || g) || md5('i' || g)
      FROM (SELECT g, (g / ${block}) * ${s.window} + (g % ${block}) % ${s.window} AS b, (g % ${block}) / ${s.window} AS s,
                   '${start}'::timestamptz + make_interval(secs => g * ${HISTORY_SECONDS / s.events}) AS at
            FROM generate_series(${lo}::bigint, ${hi}) g) x`);
  }
}

/** Appends the synthetic events after the current last seq, the trail indexes dropped meanwhile. */
async function loadHistory(database: Database, shape: Shape): Promise<{ base: number; total: number; loadSeconds: number }> {
  const started = performance.now();
  const [{ base } = { base: 0 }] = await database.query<{ base: number }>('SELECT coalesce(max(seq), 0)::int AS base FROM audit_events');
  await withoutIndexes(database, await indexDefinitions(database, TRAIL_INDEXES), () => loadEvents(database, shape, base));
  await database.query('ANALYZE audit_events');
  const [{ total } = { total: 0 }] = await database.query<{ total: number }>('SELECT count(*)::int AS total FROM audit_events');
  if (total < base + shape.events) throw new Error(`trail: expected at least ${base + shape.events} audit events, found ${total}`);
  return { base, total, loadSeconds: (performance.now() - started) / 1000 };
}

// ── Indexes ──────────────────────────────────────────────────────────────────────────────────

interface IndexDef {
  indexname: string;
  indexdef: string;
}

/** The definitions as migration 0005 created them, read back from the catalog. */
async function indexDefinitions(database: Database, names: string[]): Promise<IndexDef[]> {
  const rows = await database.query<IndexDef>(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_events' AND indexname = ANY($1)`, [names]);
  if (rows.length !== names.length) throw new Error(`trail: audit_events should have ${names.join(', ')}; found ${rows.map((r) => r.indexname).join(', ') || 'none'}`);
  return rows;
}

/** fn with the indexes dropped; they are rebuilt from their definitions afterwards, also when fn fails. */
async function withoutIndexes<T>(database: Database, indexes: IndexDef[], fn: () => Promise<T>): Promise<T> {
  for (const index of indexes) await database.query(`DROP INDEX ${index.indexname}`);
  try {
    return await fn();
  } finally {
    for (const index of indexes) await database.query(index.indexdef);
  }
}

interface TrailPlan {
  queries: number;
  ids: number;
  patterns: number;
  /** The plan's nodes, outermost first, without costs. */
  nodes: string[];
  /** Rows the planner expected from the GIN index, and rows it returned. */
  ginRows?: { estimated: number; actual: number };
}

/**
 * The plan of the trail's last (widest) query, as batchTrail sends it: a second Drizzle instance on
 * the same client, with a logger, records the SQL and parameters, which are then EXPLAIN ANALYZEd.
 */
async function trailPlan(database: Database, batchId: string): Promise<TrailPlan> {
  const captured: { query: string; params: unknown[] }[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void captured.push({ query, params }) };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const logged = database.engine === 'embedded' ? drizzlePglite(client as PGlite, { schema, logger }) : drizzlePg(client as pg.Pool, { schema, logger });
  await batchTrail(logged as unknown as Db, batchId);
  const queries = captured.filter((c) => c.query.includes('from "audit_events"'));
  const last = queries.at(-1);
  if (!last) throw new Error('trail: batchTrail sent no query on audit_events');
  const plan = await database.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${last.query}`, last.params);
  const nodeLines = plan.map((row) => row['QUERY PLAN']).filter((line) => line.includes('(cost='));
  const gin = nodeLines.find((line) => line.includes(GIN_INDEX))?.match(/rows=(\d+) width=\d+\) \(actual time=\S+ rows=(\d+)/);
  const patterns = last.params.filter((p) => typeof p === 'string' && p.startsWith('{')).length;
  return {
    queries: queries.length,
    ids: last.params.length - patterns,
    patterns,
    nodes: nodeLines.map((line) => line.replace(/^\s*(->\s*)?/, '').replace(/\s+\(cost=.*$/, '')),
    ...(gin ? { ginRows: { estimated: Number(gin[1]), actual: Number(gin[2]) } } : {}),
  };
}

/** One line saying which indexes the plan uses, plainly when it does not use them. */
function planNote(plan: TrailPlan): string {
  const usesIndexes = TRAIL_INDEXES.every((name) => plan.nodes.some((node) => node.includes(name)));
  const seqScan = plan.nodes.some((node) => node.startsWith('Seq Scan on audit_events') || node.startsWith('Parallel Seq Scan on audit_events'));
  const verdict = usesIndexes ? '' : seqScan ? '  ← NOT using the trail indexes: sequential scan' : '  ← NOT using both trail indexes';
  const estimate = plan.ginRows ? `; the planner expected ${count(plan.ginRows.estimated)} rows from ${GIN_INDEX}, it returned ${count(plan.ginRows.actual)}` : '';
  return `plan of its last query (entity_id IN ${plan.ids} ids OR after @> any of ${plan.patterns} patterns): ${plan.nodes.join(' → ')}${verdict}${estimate}`;
}

// ── Write cost ───────────────────────────────────────────────────────────────────────────────

/** Total ms of n audited inserts through write(): one small materials row and its audit event each. */
function auditedInserts(db: Db, user: BenchUser, label: string, n: number): Promise<number> {
  return asUser(db, user, async () => {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      await write(db, (w) =>
        w.insert(materials, 'material', { code: `BENCH-TRAIL-${label}-${i}`, name: 'Bench trail reagent', kind: 'reagent', storageCondition: '2–8 °C', supplier: 'Bench', unit: 'mL' }),
      );
    }
    return performance.now() - start;
  });
}

/**
 * Mean ms per audited insert with the GIN index and without it, measured with, without, with (half of
 * the "with" inserts on each side), so a drift of the shared machine falls on both. The GIN index
 * keeps fastupdate (the migration's default): a few hundred inserts go to its pending list and are
 * not merged into the index here; that merge is paid later by (auto)vacuum or by the insert that
 * fills the list (gin_pending_list_limit), so this is the cost a user waits for, not all upkeep.
 */
async function writeCost(database: Database, user: BenchUser): Promise<{ withGin: number; withoutGin: number }> {
  const { db } = database;
  await auditedInserts(db, user, 'warm', 20);
  const gin = await indexDefinitions(database, [GIN_INDEX]);
  const before = await auditedInserts(db, user, 'with-a', INSERTS / 2);
  const without = await withoutIndexes(database, gin, () => auditedInserts(db, user, 'without', INSERTS));
  const after = await auditedInserts(db, user, 'with-b', INSERTS / 2);
  const [{ n } = { n: 0 }] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM materials WHERE code LIKE 'BENCH-TRAIL-%'`);
  if (n !== 20 + 2 * INSERTS) throw new Error(`trail: ${20 + 2 * INSERTS} audited inserts were timed but ${n} materials rows were stored`);
  return { withGin: (before + after) / INSERTS, withoutGin: without / INSERTS };
}

// ── The suite ────────────────────────────────────────────────────────────────────────────────

export const trailSuite: Suite = {
  name: 'trail',
  async run({ engine, database, notes }) {
    const { db } = database;
    const shape = shapeFor(targetEvents());
    const { base, total, loadSeconds } = await loadHistory(database, shape);

    const [{ batchId } = { batchId: '' }] = await database.query<{ batchId: string }>(`SELECT ${ref('tb', String(shape.middle))} AS "batchId"`);
    const scan = await timed(SCAN_RUNS, () => database.query('SELECT count(*) FROM audit_events'));
    const trail = await timed(TRAIL_RUNS, () => batchTrail(db, batchId));
    // A wrong trail must never be reported as a fast one: exactly the events loaded for the batch.
    const expected = expectedSeqs(shape, base, shape.middle);
    const found = trail.result.map((e) => e.seq);
    if (found.join() !== expected.join()) {
      throw new Error(`trail: batch B-TRAIL-${shape.middle} should have ${expected.length} events (seq ${expected.join(', ')}), batchTrail found ${found.length} (seq ${found.join(', ')})`);
    }
    // Seconds on a large trail: one run tells the order of magnitude.
    const slow = await timed(0, () => withoutIndexScans(db, (tx) => batchTrail(tx, batchId)));
    if (slow.result.length !== expected.length) throw new Error(`trail: without index scans batchTrail found ${slow.result.length} events, not ${expected.length}`);
    const plan = await trailPlan(database, batchId);
    // A parallel plan for a 20-row answer: how much of the time is starting the workers.
    const serial = plan.nodes.some((node) => node.startsWith('Gather'))
      ? await timed(TRAIL_RUNS, () => withSettings(db, { max_parallel_workers_per_gather: '0' }, (tx) => batchTrail(tx, batchId)))
      : undefined;
    if (serial && serial.result.length !== expected.length) throw new Error(`trail: without parallel workers batchTrail found ${serial.result.length} events, not ${expected.length}`);

    const writer = await seedUser(db, 'bench-trail-writer', ['qa']);
    const cost = await writeCost(database, writer);

    notes.push(
      `trail — ${count(total)} audit events (${count(shape.events)} synthetic: ${count(shape.batches)} batches, ${shape.window} in progress at a time, ${LINKED.length} events each, plus ${SLOTS.length - LINKED.length} unrelated events per batch), loaded in ${loadSeconds.toFixed(1)} s`,
      `trail of batch B-TRAIL-${shape.middle} (middle of the history): ${found.length} events in ${plan.queries} queries; indexed ${ms(trail.ms)} ms (median of ${TRAIL_RUNS}), without index scans ${ms(slow.ms)} ms (×${times(slow.ms / trail.ms)}, one run); full scan SELECT count(*) FROM audit_events ${ms(scan.ms)} ms (median of ${SCAN_RUNS})`,
      planNote(plan),
      ...(serial ? [`the plan is parallel: the same trail with max_parallel_workers_per_gather = 0 (SET LOCAL in a transaction) ${ms(serial.ms)} ms (median of ${TRAIL_RUNS}) vs ${ms(trail.ms)} ms`] : []),
      `audited insert through write() (a materials row and its audit event), mean of ${INSERTS} each: with the GIN index ${ms(cost.withGin)} ms vs without ${ms(cost.withoutGin)} ms (×${(cost.withGin / cost.withoutGin).toFixed(2)})`,
    );
    if (engine === 'PGlite' && shape.events < 500_000) notes.push(`(trail used ${count(shape.events)} synthetic events: TRAIL_EVENTS was set lower.)`);
    return [];
  },
};
