/**
 * Test builders for the facility and deviation tests: rooms through the API, and batch rows written
 * straight into the batches table (the batches module creates them for real; here only a room, a start
 * and an end matter).
 */
import { expect } from 'vitest';
import type { Harness, TestUser } from '../../test/harness';
import { batches } from '../batches/batches.tables';
import { processes } from '../processes/processes.tables';

export const UNKNOWN = '00000000-0000-4000-8000-000000000000';
export type Problem = { code: string; detail: string; params?: Record<string, unknown>; errors?: { path: string }[] };
export type RoomJson = { id: string; code: string; name: string; grade: string; status: string; currentBatchId: string | null; currentBatchNumber: string | null };

let seq = 0;

export async function newRoom(h: Harness, user: TestUser, grade: 'A' | 'B' | 'C' | 'D' = 'B', name = 'Test suite'): Promise<RoomJson> {
  seq += 1;
  const res = await h.request(user, 'POST', '/api/v1/rooms', { code: `T-${grade}${String(seq).padStart(3, '0')}`, name, grade });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<RoomJson>();
}

let processId: string | undefined;

/** A batch row in a room, started and (optionally) completed at the given instants. */
export async function insertBatch(h: Harness, roomId: string, startedAt: Date, completedAt: Date | null = null) {
  const db = h.database.db;
  if (!processId) {
    const [p] = await db
      .insert(processes)
      .values({ code: `PR-T${Date.now()}`, version: 1, name: 'Test process', product: 'Test product', productType: 'vector', status: 'effective', steps: [] })
      .returning();
    processId = p!.id;
  }
  seq += 1;
  const [b] = await db
    .insert(batches)
    .values({ batchNumber: `B-TEST-${String(seq).padStart(4, '0')}`, processId, roomId, status: completedAt ? 'completed' : 'in_progress', startedAt, completedAt })
    .returning();
  return b!;
}
