import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../platform/write';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../../test/harness';
import { createCollection, createOrder, flowActors } from '../../test/fixtures';
import { batches } from '../batches/batches.tables';
import { processes } from '../processes/processes.tables';
import { linkGenealogy, MAX_TRACE_DEPTH, traceGenealogy } from './genealogy.service';
import { consumeLot, recordProduction } from './materials.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Trace = { root: { kind: string; id: string; label: string }; direction: string; nodes: { kind: string; id: string; label: string; depth: number }[]; edges: { from: string; to: string }[] };

/**
 * The story the trace must tell: plasmid lot → vector batch → vector lot LVV-26-003 → two autologous
 * CAR-T batches (each with its patient's collection, a medium lot and CS10) → the two patients' orders.
 */
describe('genealogy trace', () => {
  let h: Harness;
  let operator: TestUser;
  let qp: TestUser;
  const ids: Record<string, string> = {};
  const labels: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness();
    operator = await h.createTestUser({ roles: ['operator'] });
    qp = await h.createTestUser({ roles: ['qp'] });
    const qa = await h.createTestUser({ roles: ['qa'] });
    const actors = await flowActors(h);
    const lot = async (key: string, code: string, kind: string, lotNumber: string) => {
      let m = (await h.request(operator, 'GET', '/api/v1/materials')).json<{ items: { id: string; code: string }[] }>().items.find((x) => x.code === code);
      if (!m) m = (await h.request(operator, 'POST', '/api/v1/materials', { code, name: code, kind, unit: 'mL' })).json<{ id: string; code: string }>();
      const res = await h.request(operator, 'POST', `/api/v1/materials/${m.id}/lots`, { lotNumber, expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(), quantity: 1000 });
      ids[key] = res.json<{ id: string }>().id;
      labels[key] = `${code} lot ${lotNumber}`;
      await h.request(qa, 'POST', `/api/v1/lots/${ids[key]}/disposition`, { decision: 'release', signature: { password: TEST_PASSWORD, meaning: 'Released' } });
    };
    await lot('plasmid', 'MAT-PLASMID-GPC3', 'reagent', 'PL-26-011');
    await lot('vector', 'MAT-LVV-GPC3', 'vector', 'LVV-26-003');
    await lot('medium', 'MAT-TCELL-MEDIUM', 'reagent', 'TM-2611');
    await lot('cs10', 'MAT-CS10', 'reagent', 'CS-2609');
    const [process] = await write(h.database.db, (w) => Promise.all([w.insert(processes, 'process', { code: 'T-PROC', version: 1, name: 'Test', product: 'Test', productType: 'autologous', status: 'effective', steps: [] })]));
    const batch = (key: string, batchNumber: string, orderId: string | null) =>
      write(h.database.db, async (w) => {
        ids[key] = (await w.insert(batches, 'batch', { batchNumber, processId: process!.id, orderId, roomId: randomUUID(), status: 'completed', startedAt: new Date() })).id;
        labels[key] = batchNumber;
      });
    await batch('vectorBatch', 'B-2026-0001', null);
    for (const n of [1, 2]) {
      const order = await createOrder(h, actors.coordinator);
      const bag = await createCollection(h, actors.nurse, order.id);
      Object.assign(ids, { [`order${n}`]: order.id, [`bag${n}`]: bag.id });
      Object.assign(labels, { [`order${n}`]: `${order.coi} · ${order.subjectCode}`, [`bag${n}`]: bag.din });
      await batch(`cart${n}`, `B-2026-000${n + 1}`, order.id);
    }
    await write(h.database.db, async (w) => {
      await consumeLot(w, { lotId: ids.plasmid!, quantity: 2, batchId: ids.vectorBatch! });
      await recordProduction(w, { batchId: ids.vectorBatch!, lotId: ids.vector! });
      for (const n of [1, 2]) {
        const b = ids[`cart${n}`]!;
        await linkGenealogy(w, { fromKind: 'collection', fromId: ids[`bag${n}`]!, toKind: 'batch', toId: b });
        for (const key of ['vector', 'medium', 'cs10']) await consumeLot(w, { lotId: ids[key]!, quantity: 10, batchId: b });
        await linkGenealogy(w, { fromKind: 'batch', fromId: b, toKind: 'order', toId: ids[`order${n}`]! });
      }
    });
  });
  afterAll(() => h.close());

  const nodeSet = (t: Trace) => t.nodes.map((n) => `${n.kind}:${n.label}@${n.depth}`).sort();
  const at = (key: string, depth: number) => `${key.startsWith('cart') || key === 'vectorBatch' ? 'batch' : key.startsWith('order') ? 'order' : key.startsWith('bag') ? 'collection' : 'lot'}:${labels[key]}@${depth}`;

  it('forward from the vector lot reaches both CAR-T batches and both patients’ orders, labelled', async () => {
    const res = await h.request(qp, 'GET', `/api/v1/lots/${ids.vector}/trace?direction=forward`);
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json<Trace>();
    expect(t.root).toEqual({ kind: 'lot', id: ids.vector, label: 'MAT-LVV-GPC3 lot LVV-26-003' });
    expect(t.direction).toBe('forward');
    expect(nodeSet(t)).toEqual([at('vector', 0), at('cart1', 1), at('cart2', 1), at('order1', 2), at('order2', 2)].sort());
    expect(t.edges).toHaveLength(4);
    expect(t.edges).toEqual(expect.arrayContaining([{ from: ids.vector, to: ids.cart1 }, { from: ids.cart2, to: ids.order2 }]));
    expect(labels.order1).toMatch(/^CH.+ · .+/);
  });

  it('forward from the plasmid lot goes through the vector batch and the vector lot to the patients', async () => {
    const t = (await h.request(qp, 'GET', `/api/v1/lots/${ids.plasmid}/trace`)).json<Trace>();
    expect(t.direction).toBe('forward');
    expect(nodeSet(t)).toEqual([at('plasmid', 0), at('vectorBatch', 1), at('vector', 2), at('cart1', 3), at('cart2', 3), at('order1', 4), at('order2', 4)].sort());
  });

  it('backward from a batch reaches every lot that went into it, the collection, and the vector lot’s own inputs', async () => {
    const t = await traceGenealogy(h.database.db, { kind: 'batch', id: ids.cart1! }, 'backward');
    expect(t.root).toEqual({ kind: 'batch', id: ids.cart1, label: 'B-2026-0002' });
    expect(nodeSet(t)).toEqual([at('cart1', 0), at('bag1', 1), at('vector', 1), at('medium', 1), at('cs10', 1), at('vectorBatch', 2), at('plasmid', 3)].sort());
    expect(t.nodes.find((n) => n.kind === 'collection')!.label).toMatch(/^A9999\d{8}$/);
    const fromLot = (await h.request(qp, 'GET', `/api/v1/lots/${ids.vector}/trace?direction=backward`)).json<Trace>();
    expect(nodeSet(fromLot)).toEqual([at('vector', 0), at('vectorBatch', 1), at('plasmid', 2)].sort());
  });

  it('stops at a cycle and at the depth limit', async () => {
    // A cycle the write path would not make on purpose: the vector lot fed back into its own batch.
    await write(h.database.db, (w) => linkGenealogy(w, { fromKind: 'lot', fromId: ids.vector!, toKind: 'batch', toId: ids.vectorBatch! }));
    const t = await traceGenealogy(h.database.db, { kind: 'lot', id: ids.plasmid! }, 'forward');
    expect(new Set(t.nodes.map((n) => n.id)).size).toBe(t.nodes.length);
    expect(t.nodes.find((n) => n.id === ids.vector)!.depth).toBe(2);
    // A chain longer than the limit: lot → batch → lot → … (60 edges).
    const chain = Array.from({ length: 61 }, () => randomUUID());
    const values = chain.slice(0, -1).map((from, i) => `('${i % 2 ? 'batch' : 'lot'}', '${from}', '${i % 2 ? 'lot' : 'batch'}', '${chain[i + 1]}')`);
    await h.database.query(`INSERT INTO genealogy_edges (from_kind, from_id, to_kind, to_id) VALUES ${values.join(',')}`);
    const deep = await traceGenealogy(h.database.db, { kind: 'lot', id: chain[0]! }, 'forward');
    expect(Math.max(...deep.nodes.map((n) => n.depth))).toBe(MAX_TRACE_DEPTH);
    expect(deep.nodes).toHaveLength(MAX_TRACE_DEPTH + 1);
    expect(deep.nodes[0]!.label).toBe(`lot ${chain[0]!.slice(0, 8)}`);
  });

  it('refuses a bad direction (400), a role without batches:read (403), an unknown lot (404), an edge genealogy does not know', async () => {
    const bad = await h.request(qp, 'GET', `/api/v1/lots/${ids.vector}/trace?direction=sideways`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('querystring.direction');
    const nurse = await h.createTestUser({ roles: ['nurse'] });
    expect((await h.request(nurse, 'GET', `/api/v1/lots/${ids.vector}/trace`)).statusCode).toBe(403);
    expect((await h.request(qp, 'GET', `/api/v1/lots/${UNKNOWN}/trace`)).statusCode).toBe(404);
    const invalid = await write(h.database.db, (w) => linkGenealogy(w, { fromKind: 'batch', fromId: ids.cart1!, toKind: 'batch' as 'lot', toId: ids.cart2! })).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 422, code: 'genealogy.invalid_edge' });
  });
});
