/**
 * Genealogy: what went into what. Every consumption (lot → batch), starting material
 * (collection → batch), production (batch → lot) and patient product (batch → order) is one edge.
 * A trace walks the edges with one recursive query, forward (where did this lot go: batches, the
 * lots they made, the patients they reached) or backward (what went into it).
 */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notFound, unprocessable } from '../../platform/errors';
import type { Writer } from '../../platform/write';
import type { GenealogyKind } from './materials.schema';
import { genealogyEdges, materialLots } from './materials.tables';

export type GenealogyEdge = typeof genealogyEdges.$inferSelect;
export type TraceDirection = 'forward' | 'backward';

/** Deeper than any real chain (plasmid → vector → cells → patient is 6 edges); stops a runaway walk. */
export const MAX_TRACE_DEPTH = 50;

/** The edges genealogy knows; anything else is a programming error in the caller. */
const ALLOWED = new Set(['lot>batch', 'collection>batch', 'batch>lot', 'batch>order']);

export interface NewEdge {
  fromKind: 'lot' | 'collection' | 'batch';
  fromId: string;
  toKind: 'batch' | 'lot' | 'order';
  toId: string;
  quantity?: number | null;
}

/** Writes one genealogy edge inside the caller's transaction (audited like every row). */
export async function linkGenealogy(w: Writer, edge: NewEdge): Promise<GenealogyEdge> {
  if (!ALLOWED.has(`${edge.fromKind}>${edge.toKind}`) || edge.fromId === edge.toId) {
    throw unprocessable(`A ${edge.fromKind} cannot go into a ${edge.toKind} in the genealogy.`, {
      code: 'genealogy.invalid_edge',
      params: { fromKind: edge.fromKind, toKind: edge.toKind },
    });
  }
  return w.insert(genealogyEdges, 'genealogy_edge', { ...edge, quantity: edge.quantity ?? null });
}

export interface TraceNode {
  kind: GenealogyKind;
  id: string;
  label: string;
  depth: number;
}

export interface Trace {
  root: Omit<TraceNode, 'depth'>;
  direction: TraceDirection;
  nodes: TraceNode[];
  edges: { from: string; to: string }[];
}

interface TraceRow {
  what: 'node' | 'edge';
  kind: GenealogyKind | null;
  id: string | null;
  depth: number | null;
  label: string | null;
  from_id: string | null;
  to_id: string | null;
}

/**
 * The recursive walk. Each row is (edge, node reached, depth). UNION (not UNION ALL) drops a row
 * already produced, so a node reached by several paths at the same depth is expanded once; the depth
 * limit and the refusal to step back onto the root stop a cycle. Every step is an index lookup
 * (genealogy_edges is indexed on from_id and to_id), so the cost follows the size of the trace, not
 * of the history. Labels are joined in the same statement: one round trip.
 */
function traceQuery(kind: GenealogyKind, id: string, direction: TraceDirection) {
  const step =
    direction === 'forward'
      ? sql`SELECT e.from_id, e.to_id, e.to_kind, e.to_id, w.depth + 1
            FROM walk w JOIN genealogy_edges e ON e.from_id = w.id
            WHERE w.depth < ${MAX_TRACE_DEPTH} AND e.to_id <> ${id}::uuid`
      : sql`SELECT e.from_id, e.to_id, e.from_kind, e.from_id, w.depth + 1
            FROM walk w JOIN genealogy_edges e ON e.to_id = w.id
            WHERE w.depth < ${MAX_TRACE_DEPTH} AND e.from_id <> ${id}::uuid`;
  return sql`
    WITH RECURSIVE walk(edge_from, edge_to, kind, id, depth) AS (
      SELECT NULL::uuid, NULL::uuid, ${kind}::text, ${id}::uuid, 0
      UNION
      ${step}
    ),
    nodes AS (SELECT kind, id, min(depth) AS depth FROM walk GROUP BY kind, id)
    SELECT 'node' AS what, n.kind, n.id::text AS id, n.depth,
           coalesce(CASE n.kind
             WHEN 'lot' THEN m.code || ' lot ' || l.lot_number
             WHEN 'batch' THEN b.batch_number
             WHEN 'order' THEN o.coi || ' · ' || p.subject_code
             WHEN 'collection' THEN c.din
           END, n.kind || ' ' || left(n.id::text, 8)) AS label,
           NULL AS from_id, NULL AS to_id
    FROM nodes n
    LEFT JOIN material_lots l ON n.kind = 'lot' AND l.id = n.id
    LEFT JOIN materials m ON m.id = l.material_id
    LEFT JOIN batches b ON n.kind = 'batch' AND b.id = n.id
    LEFT JOIN orders o ON n.kind = 'order' AND o.id = n.id
    LEFT JOIN patients p ON p.id = o.patient_id
    LEFT JOIN collections c ON n.kind = 'collection' AND c.id = n.id
    UNION ALL
    SELECT DISTINCT 'edge', NULL, NULL, NULL::int, NULL, edge_from::text, edge_to::text
    FROM walk WHERE edge_from IS NOT NULL`;
}

/** Walks the genealogy from any node (a lot, a batch, an order, a collection). */
export async function traceGenealogy(db: Executor, root: { kind: GenealogyKind; id: string }, direction: TraceDirection): Promise<Trace> {
  const result = (await db.execute(traceQuery(root.kind, root.id, direction))) as unknown as { rows: TraceRow[] };
  const nodes: TraceNode[] = [];
  const edges: Trace['edges'] = [];
  for (const r of result.rows) {
    if (r.what === 'edge') edges.push({ from: r.from_id!, to: r.to_id! });
    else nodes.push({ kind: r.kind!, id: r.id!, label: r.label!, depth: Number(r.depth) });
  }
  nodes.sort((a, b) => a.depth - b.depth || a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  edges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const top = nodes.find((n) => n.depth === 0)!;
  return { root: { kind: top.kind, id: top.id, label: top.label }, direction, nodes, edges };
}

/** GET /lots/{id}/trace: the lot must exist (404 otherwise). */
export async function traceLot(db: Executor, lotId: string, direction: TraceDirection): Promise<Trace> {
  const [lot] = await db.select({ id: materialLots.id }).from(materialLots).where(eq(materialLots.id, lotId));
  if (!lot) throw notFound('Lot');
  return traceGenealogy(db, { kind: 'lot', id: lotId }, direction);
}
