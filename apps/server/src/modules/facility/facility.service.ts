/**
 * Cleanrooms: registered with their Annex 1 grade; cleaned, quarantined and released by people (with a
 * reason); put in use and vacated only by batches. A batch calls assertRoomReady before it starts (line
 * clearance), then occupyRoom, and vacateRoom when it ends, in the batch's own transaction.
 */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { conflict, notFound } from '../../platform/errors';
import { write, type Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { ensureEmLimits } from './facility.limits.service';
import type { RoomGrade, RoomStatus } from './facility.schema';
import { rooms } from './facility.tables';

export type Room = typeof rooms.$inferSelect;
type RoomRow = { room: Room; currentBatchNumber: string | null };

const STATUS_WORDS: Record<RoomStatus, string> = {
  clean: 'clean',
  in_use: 'in use',
  to_be_cleaned: 'waiting to be cleaned',
  quarantined: 'quarantined',
};

/** What the person at the door must do before a batch can start in a room of that status. */
const NOT_READY_ADVICE: Record<Exclude<RoomStatus, 'clean'>, string> = {
  in_use: 'Wait until its batch is completed and the room is cleaned.',
  to_be_cleaned: 'Clean and disinfect it, then record it as clean (line clearance) before starting a batch.',
  quarantined: 'QA must release it (status clean) before any batch can start there.',
};

function selectRooms(db: Executor) {
  return db
    .select({ room: rooms, currentBatchNumber: batches.batchNumber })
    .from(rooms)
    .leftJoin(batches, eq(batches.id, rooms.currentBatchId));
}

export function roomView({ room: r, currentBatchNumber }: RoomRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    grade: r.grade as RoomGrade,
    status: r.status as RoomStatus,
    currentBatchId: r.currentBatchId,
    currentBatchNumber,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listRooms(db: Executor, query: { status?: RoomStatus; grade?: RoomGrade } = {}): Promise<RoomRow[]> {
  const where: SQL[] = [];
  if (query.status) where.push(eq(rooms.status, query.status));
  if (query.grade) where.push(eq(rooms.grade, query.grade));
  return selectRooms(db).where(and(...where)).orderBy(asc(rooms.code));
}

export async function getRoom(db: Executor, id: string): Promise<RoomRow> {
  const [row] = await selectRooms(db).where(eq(rooms.id, id));
  if (!row) throw notFound('Room');
  return row;
}

export async function createRoom(db: Db, input: { code: string; name: string; grade: RoomGrade }): Promise<Room> {
  // A room is monitored from its first day: make sure the limits for its grade exist.
  await ensureEmLimits(db);
  const [taken] = await db.select({ id: rooms.id }).from(rooms).where(eq(rooms.code, input.code));
  if (taken) {
    throw conflict(`A room with code ${input.code} already exists. Choose another code.`, { code: 'room.duplicate_code', params: { code: input.code } });
  }
  return write(db, (w) => w.insert(rooms, 'room', { ...input, status: 'clean' }));
}

/** A person changes a room's status (cleaned, to be cleaned, quarantined); never while a batch holds it. */
export async function setRoomStatus(db: Db, id: string, change: { status: Exclude<RoomStatus, 'in_use'>; reason: string }): Promise<Room> {
  const { room, currentBatchNumber } = await getRoom(db, id);
  return write(db, async (w) => {
    const locked = await w.lockById(rooms, room.id, 'room');
    if (locked.status === 'in_use') {
      const batch = currentBatchNumber ?? 'a batch';
      throw conflict(`${locked.code} is in use by ${batch}. Its status changes when the batch is completed or aborted.`, {
        code: 'room.in_use',
        params: { code: locked.code, batchNumber: batch },
      });
    }
    if (locked.status === change.status) {
      throw conflict(`${locked.code} is already ${STATUS_WORDS[change.status]}.`, { code: 'room.status_unchanged', params: { code: locked.code, status: change.status } });
    }
    return w.update(rooms, 'room', room.id, { status: change.status }, change.reason, 'status_change');
  });
}

/**
 * For batches: the room must be clean (line clearance done) to start a batch in it.
 * Returns the room; 404 when unknown, 409 `room.not_ready` {code, status} otherwise.
 */
export async function assertRoomReady(db: Executor, roomId: string): Promise<Room> {
  const { room } = await getRoom(db, roomId);
  assertClean(room);
  return room;
}

function assertClean(room: Room): void {
  if (room.status === 'clean') return;
  const status = room.status as Exclude<RoomStatus, 'clean'>;
  throw conflict(`Room ${room.code} is ${STATUS_WORDS[status]}. ${NOT_READY_ADVICE[status]}`, {
    code: 'room.not_ready',
    params: { code: room.code, status },
  });
}

async function batchLabel(w: Writer, batchId: string): Promise<string> {
  const [batch] = await w.tx.select({ batchNumber: batches.batchNumber }).from(batches).where(eq(batches.id, batchId));
  return batch?.batchNumber ?? batchId;
}

/**
 * For batches, in the batch's transaction: puts a clean room in use by the batch. The row lock and the
 * re-check make two batches starting in one room at once end with one of them refused (room.not_ready).
 */
export async function occupyRoom(w: Writer, roomId: string, batchId: string): Promise<Room> {
  const room = await w.lockById(rooms, roomId, 'room');
  assertClean(room);
  const reason = `Batch ${await batchLabel(w, batchId)} started in the room`;
  return w.update(rooms, 'room', roomId, { status: 'in_use', currentBatchId: batchId }, reason, 'status_change');
}

/** For batches, in the batch's transaction: the batch has left; the room must be cleaned (a quarantine stays). */
export async function vacateRoom(w: Writer, roomId: string): Promise<Room> {
  const room = await w.lockById(rooms, roomId, 'room');
  const batch = room.currentBatchId ? `Batch ${await batchLabel(w, room.currentBatchId)}` : 'The batch';
  const status = room.status === 'quarantined' ? 'quarantined' : 'to_be_cleaned';
  const reason = `${batch} ended in the room: cleaning and line clearance needed`;
  return w.update(rooms, 'room', roomId, { status, currentBatchId: null }, reason, 'status_change');
}
