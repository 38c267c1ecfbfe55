/**
 * Genealogy on a large history: about 1,000,000 synthetic edges (GENEALOGY_EDGES overrides), shaped
 * like years of production — autologous CAR-T batches each taking a collection, five reagent lots and
 * a vector lot and going to a patient's order; vector batches taking three plasmid lots and making the
 * vector lots. They are written with a few INSERT … SELECT generate_series statements (secondary
 * indexes and the primary key dropped during the load and rebuilt with the migration's definitions),
 * not a million round trips and not through the audited write path: this measures reading.
 *
 * Then the forward and backward trace of one vector lot, and the forward trace of a plasmid lot (a
 * recall: every patient it reached), are timed through the service function the API calls, beside a
 * full sequential scan of the edges and beside the same traces with index scans disabled. The forward
 * trace route is also measured under load, for the engine's table.
 */
import type { Database } from '../../apps/server/src/db/client';
import { traceGenealogy, traceLot } from '../../apps/server/src/modules/materials/genealogy.service';
import { createMaterial } from '../../apps/server/src/modules/materials/materials.service';
import { asUser, seedUser, type Suite } from './fixtures';
import { measure } from './measure';
import { syntheticId as id, timed, withoutIndexScans } from './sql-bench';

/** Edges per CAR-T batch (collection, 5 reagents, 1 vector lot, order) plus its share of a vector batch (4 edges per 12 CAR-T batches). */
const EDGES_PER_BATCH = 8 + 4 / 12;
const TRACE_RUNS = 15;
const SCAN_RUNS = 5;

interface Shape {
  batches: number;
  vectorBatches: number;
  reagentLots: number;
  plasmidLots: number;
  edges: number;
}

function shapeFor(targetEdges: number): Shape {
  const vectorBatches = Math.max(1, Math.round(targetEdges / EDGES_PER_BATCH / 12));
  const batches = vectorBatches * 12;
  return { batches, vectorBatches, reagentLots: batches / 2, plasmidLots: Math.max(1, Math.round(vectorBatches / 5)), edges: batches * 8 + vectorBatches * 4 };
}

function targetEdges(): number {
  const raw = process.env.GENEALOGY_EDGES;
  const n = raw ? Number(raw) : 1_000_000;
  // Below about 4,300 edges the lots the suite traces (vector lot 42, plasmid lot 7) do not exist.
  if (!Number.isInteger(n) || n < 10_000) throw new Error(`GENEALOGY_EDGES must be an integer >= 10000 (got "${raw}")`);
  return n;
}

/** Lots and batches exist as rows (the trace labels them by join); orders and collections are only ids. */
async function loadRows(database: Database, s: Shape, materialIds: Record<'reagent' | 'vector' | 'plasmid', string>): Promise<void> {
  const q = (text: string) => database.query(text);
  const lots = (prefix: string, materialId: string, count: number, label: string) =>
    q(`INSERT INTO material_lots (id, material_id, lot_number, expires_at, quantity_received, quantity_on_hand, status, received_at)
       SELECT ${id(prefix, 'k')}, '${materialId}', '${label}-' || k, now() + interval '1 year', 1000, 500, 'released', now() - interval '1 month'
       FROM generate_series(0, ${count - 1}) k`);
  await lots('rl', materialIds.reagent, s.reagentLots, 'TM');
  await lots('vl', materialIds.vector, s.vectorBatches, 'LVV-B');
  await lots('pl', materialIds.plasmid, s.plasmidLots, 'PL');
  const [process] = await database.query<{ id: string }>(
    `INSERT INTO processes (code, version, name, product, product_type, status, steps) VALUES ('BENCH-GENEALOGY', 1, 'Bench', 'Bench', 'autologous', 'effective', '[]') RETURNING id`,
  );
  const batches = (prefix: string, count: number, label: string) =>
    q(`INSERT INTO batches (id, batch_number, process_id, room_id, status, started_at)
       SELECT ${id(prefix, 'i')}, '${label}-' || i, '${process!.id}', '00000000-0000-4000-8000-000000000001', 'completed', now() - interval '1 day'
       FROM generate_series(0, ${count - 1}) i`);
  await batches('cart', s.batches, 'B-BENCH');
  await batches('vb', s.vectorBatches, 'VB-BENCH');
}

async function loadEdges(database: Database, s: Shape): Promise<void> {
  const q = (text: string) => database.query(text);
  const insert = (select: string) => q(`INSERT INTO genealogy_edges (id, from_kind, from_id, to_kind, to_id, quantity) ${select}`);
  // Each CAR-T batch i: its collection, five reagent lots (each lot shared by ten batches), one vector lot (shared by twelve), its order.
  await insert(`SELECT ${id('ec', 'i')}, 'collection', ${id('col', 'i')}, 'batch', ${id('cart', 'i')}, NULL FROM generate_series(0, ${s.batches - 1}) i`);
  await insert(`SELECT ${id('er', 'i * 5 + j')}, 'lot', ${id('rl', `(i * 5 + j) % ${s.reagentLots}`)}, 'batch', ${id('cart', 'i')}, 10 FROM generate_series(0, ${s.batches - 1}) i, generate_series(0, 4) j`);
  await insert(`SELECT ${id('ev', 'i')}, 'lot', ${id('vl', `i % ${s.vectorBatches}`)}, 'batch', ${id('cart', 'i')}, 1 FROM generate_series(0, ${s.batches - 1}) i`);
  await insert(`SELECT ${id('eo', 'i')}, 'batch', ${id('cart', 'i')}, 'order', ${id('ord', 'i')}, NULL FROM generate_series(0, ${s.batches - 1}) i`);
  // Each vector batch k: three plasmid lots (each shared by about fifteen vector batches), and the vector lot it made.
  await insert(`SELECT ${id('ep', 'k * 3 + j')}, 'lot', ${id('pl', `(k * 3 + j) % ${s.plasmidLots}`)}, 'batch', ${id('vb', 'k')}, 2 FROM generate_series(0, ${s.vectorBatches - 1}) k, generate_series(0, 2) j`);
  await insert(`SELECT ${id('em', 'k')}, 'batch', ${id('vb', 'k')}, 'lot', ${id('vl', 'k')}, NULL FROM generate_series(0, ${s.vectorBatches - 1}) k`);
}

/**
 * Loads with the edge indexes dropped and rebuilds them afterwards with the migration's own
 * definitions (one sorted build instead of a million random B-tree inserts).
 */
async function bulkLoad(database: Database, s: Shape, materialIds: Record<'reagent' | 'vector' | 'plasmid', string>): Promise<void> {
  const indexes = await database.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'genealogy_edges' AND indexname <> 'genealogy_edges_pkey'`,
  );
  if (indexes.length !== 2) throw new Error(`genealogy_edges should have 2 secondary indexes (from_id, to_id), found ${indexes.length}`);
  for (const index of indexes) await database.query(`DROP INDEX ${index.indexname}`);
  await database.query('ALTER TABLE genealogy_edges DROP CONSTRAINT genealogy_edges_pkey');
  await loadRows(database, s, materialIds);
  await loadEdges(database, s);
  await database.query('ALTER TABLE genealogy_edges ADD CONSTRAINT genealogy_edges_pkey PRIMARY KEY (id)');
  for (const index of indexes) await database.query(index.indexdef);
  await database.query('ANALYZE');
}

function table(rows: [string, string, string, string][]): string[] {
  const head: [string, string, string, string] = ['query', 'nodes', `median ms`, 'full scan ÷ query'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export const genealogySuite: Suite = {
  name: 'genealogy',
  async run({ engine, database, server, load, notes }) {
    const { db } = database;
    const started = performance.now();
    const shape = shapeFor(targetEdges());
    const qa = await seedUser(db, 'bench-genealogy-qa', ['qa']);
    const materials = await asUser(db, qa, async () => ({
      reagent: (await createMaterial(db, { code: 'MAT-TCELL-MEDIUM', name: 'TexMACS GMP Medium', kind: 'reagent', storageCondition: '2–8 °C', supplier: 'Miltenyi Biotec', unit: 'mL' })).id,
      vector: (await createMaterial(db, { code: 'MAT-LVV-GPC3', name: 'GPC3-CAR lentiviral vector', kind: 'vector', storageCondition: '≤ −65 °C', supplier: 'In-house', unit: 'mL' })).id,
      plasmid: (await createMaterial(db, { code: 'MAT-PLASMID-GPC3', name: 'pLV-GPC3-CAR plasmid', kind: 'reagent', storageCondition: '≤ −65 °C', supplier: 'Aldevron', unit: 'mg' })).id,
    }));
    await bulkLoad(database, shape, materials);
    const [{ n: edges } = { n: 0 }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM genealogy_edges');
    if (edges < shape.edges) throw new Error(`genealogy: expected at least ${shape.edges} edges, found ${edges}`);
    const loadSeconds = (performance.now() - started) / 1000;

    const [{ vector, plasmid } = { vector: '', plasmid: '' }] = await database.query<{ vector: string; plasmid: string }>(`SELECT ${id('vl', "'42'")} AS vector, ${id('pl', "'7'")} AS plasmid`);
    const scan = await timed(SCAN_RUNS, () => database.query('SELECT count(*) FROM genealogy_edges'));
    const forward = await timed(TRACE_RUNS, () => traceLot(db, vector, 'forward'));
    const backward = await timed(TRACE_RUNS, () => traceLot(db, vector, 'backward'));
    const recall = await timed(TRACE_RUNS, () => traceLot(db, plasmid, 'forward'));
    // A broken trace must not be reported as a fast one.
    const kinds = (t: typeof forward.result) => t.nodes.map((n) => n.kind).filter((k) => k !== 'lot').length;
    if (kinds(forward.result) !== 24 || backward.result.nodes.length !== 5) {
      throw new Error(`genealogy: the trace of ${forward.result.root.label} is wrong (forward ${forward.result.nodes.length} nodes, backward ${backward.result.nodes.length})`);
    }
    // Seconds each on a million edges: one run tells the order of magnitude.
    const slowForward = await timed(0, () => withoutIndexScans(db, (tx) => traceGenealogy(tx, { kind: 'lot', id: vector }, 'forward')));
    const slowBackward = await timed(0, () => withoutIndexScans(db, (tx) => traceGenealogy(tx, { kind: 'lot', id: vector }, 'backward')));

    const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
    const ratio = (x: number) => (scan.ms / x >= 10 ? (scan.ms / x).toFixed(0) : (scan.ms / x).toFixed(2));
    const row = (name: string, nodes: number | string, t: { ms: number }): [string, string, string, string] => [name, String(nodes), ms(t.ms), ratio(t.ms)];
    const label = forward.result.root.label;
    notes.push(
      `genealogy — ${edges.toLocaleString('en-US')} edges (${shape.batches.toLocaleString('en-US')} CAR-T batches, ${shape.vectorBatches.toLocaleString('en-US')} vector batches), loaded in ${loadSeconds.toFixed(1)} s; median of ${TRACE_RUNS} traces, ${SCAN_RUNS} scans, one run each without indexes`,
      ...table([
        row('full scan: SELECT count(*) FROM genealogy_edges', '-', scan),
        row(`trace forward  ${label}`, forward.result.nodes.length, forward),
        row(`trace backward ${label}`, backward.result.nodes.length, backward),
        row(`trace forward  ${recall.result.root.label} (recall: every patient)`, recall.result.nodes.length, recall),
        row('trace forward  without indexes (seq scans)', slowForward.result.nodes.length, slowForward),
        row('trace backward without indexes (seq scans)', slowBackward.result.nodes.length, slowBackward),
      ]),
    );
    if (engine === 'PGlite' && edges < 1_000_000) notes.push(`(PGlite used ${edges.toLocaleString('en-US')} edges: GENEALOGY_EDGES was set lower.)`);

    // The route under load (forward only: the per-engine time budget), after one request that must succeed.
    const reader = await seedUser(db, 'bench-genealogy-qp', ['qp']);
    const cookie = await server.login(reader);
    const url = `${server.baseUrl}/api/v1/lots/${vector}/trace?direction=forward`;
    const first = await fetch(url, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`GET ${url} answered ${first.status}, expected 200: ${await first.text()}`);
    return [await measure({ name: `GET /api/v1/lots/{id}/trace?direction=forward (${edges.toLocaleString('en-US')} edges)`, url, headers: { cookie } }, load)];
  },
};
