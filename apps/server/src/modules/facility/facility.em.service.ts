/**
 * Environmental monitoring samples. Each result is judged against the limits of its room's grade when
 * it is recorded; an action excursion opens a deviation in the same transaction (Annex 1 §9.13: root
 * cause, impact on the batches made around it, CAPA) listing every batch in the room at the sample time.
 * Alert excursions open nothing but stay flagged in the result and the trend.
 */
import { and, asc, desc, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { currentActor } from '../../platform/context';
import { unprocessable } from '../../platform/errors';
import { write, type Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { deviationViews, openDeviation } from '../quality/deviations.service';
import { homeSite } from '../sites/sites.service';
import { classify } from './facility.annex1';
import { limitFor, limitView, listLimits, ensureEmLimits, type EmLimit } from './facility.limits.service';
import { EM_LABELS, EM_UNITS, type EmParameter, type EmResult, type Occupancy, type RoomGrade } from './facility.schema';
import { getRoom, type Room } from './facility.service';
import { emSamples } from './facility.tables';

export type EmSample = typeof emSamples.$inferSelect;

/** A sample time this far in the future is a typing error, not a clock difference. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Enough points for a year of dense monitoring on one chart. */
const TREND_MAX_POINTS = 5_000;

export interface NewSample {
  parameter: EmParameter;
  occupancy: Occupancy;
  value: number;
  sampledAt: string;
  location?: string | undefined;
}

export function sampleView(s: EmSample, roomCode: string) {
  const result = s.result as EmResult;
  return {
    id: s.id,
    roomId: s.roomId,
    roomCode,
    parameter: s.parameter as EmParameter,
    occupancy: s.occupancy as Occupancy,
    location: s.location,
    value: s.value,
    unit: EM_UNITS[s.parameter as EmParameter],
    sampledAt: s.sampledAt.toISOString(),
    result,
    excursion: result !== 'within',
    deviationId: s.deviationId,
    recordedBy: s.recordedBy,
    createdAt: s.createdAt.toISOString(),
  };
}

/** Batches in the room at `at`: started by then and not yet ended (an unended batch counts as still there). */
export async function batchesInRoomAt(db: Executor, roomId: string, at: Date) {
  return db
    .select({ id: batches.id, batchNumber: batches.batchNumber })
    .from(batches)
    .where(and(eq(batches.roomId, roomId), lte(batches.startedAt, at), or(isNull(batches.completedAt), gte(batches.completedAt, at))))
    .orderBy(asc(batches.startedAt));
}

const localDateTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

interface Excursion {
  room: Room;
  sample: NewSample;
  sampledAt: Date;
  limit: EmLimit;
}

/** Opens the deviation of an action excursion, listing the batches that were in the room then. */
async function openExcursionDeviation(w: Writer, { room, sample, sampledAt, limit }: Excursion) {
  const grade = room.grade as RoomGrade;
  const unit = EM_UNITS[sample.parameter];
  const label = EM_LABELS[sample.parameter];
  const limitText = limit.actionLimit === 0 ? 'no growth' : `${limit.actionLimit} ${unit}`;
  const { timeZone } = await homeSite(w.tx);
  const inRoom = await batchesInRoomAt(w.tx, room.id, sampledAt);
  const description = [
    `${label[0]!.toUpperCase()}${label.slice(1)}: ${sample.value} ${unit} at ${sample.location ?? 'an unrecorded location'} in ${room.code} "${room.name}" ` +
      `(grade ${grade}, ${sample.occupancy.replace('_', ' ')}), sampled ${localDateTime(sampledAt, timeZone)} (${timeZone}), recorded by ${currentActor().username}.`,
    `Action limit: ${limitText} (${limit.source})`,
    `Batches in the room at the time: ${inRoom.length ? inRoom.map((b) => b.batchNumber).join(', ') : 'none'}.`,
    'EU GMP Annex 1 §9.13: investigate the root cause, assess the impact on each batch listed (including batches made between sampling and this report), and define corrective and preventive actions.',
    ...(limit.actionLimit === 0 ? ['Grade A: any growth is investigated (Table 6 note c); identify the organism to species level (§9.31).'] : []),
  ].join('\n');
  return openDeviation(w, {
    title: `EM action excursion in ${room.code}: ${label} ${sample.value} ${unit} (limit ${limitText})`,
    description,
    // A grade A excursion is at the point of exposure of the product: critical. Elsewhere: major.
    severity: grade === 'A' ? 'critical' : 'major',
    source: 'em_excursion',
    roomId: room.id,
    batchIds: inRoom.map((b) => b.id),
  });
}

/** Records one sample, judged against the current limits; an action excursion opens a deviation. */
export async function recordSample(db: Db, roomId: string, input: NewSample) {
  const { room } = await getRoom(db, roomId);
  const sampledAt = new Date(input.sampledAt);
  if (sampledAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    throw unprocessable('The sample time is in the future.', {
      code: 'em.sample_in_future',
      errors: [{ path: 'body.sampledAt', message: 'Must not be in the future' }],
    });
  }
  await ensureEmLimits(db);
  const recorded = await write(db, async (w) => {
    const limit = await limitFor(w.tx, room.grade as RoomGrade, input.parameter, input.occupancy);
    const result = classify(input.value, limit);
    const deviation = result === 'action' ? await openExcursionDeviation(w, { room, sample: input, sampledAt, limit }) : null;
    const sample = await w.insert(emSamples, 'em_sample', {
      roomId: room.id,
      parameter: input.parameter,
      occupancy: input.occupancy,
      location: input.location ?? null,
      value: input.value,
      sampledAt,
      result,
      deviationId: deviation?.id ?? null,
      recordedBy: currentActor().username,
    });
    return { sample, limit, deviation };
  });
  const { alertLimit, actionLimit } = limitView(recorded.limit);
  const deviation = recorded.deviation ? (await deviationViews(db, [{ deviation: recorded.deviation, roomCode: room.code }]))[0]! : null;
  return { ...sampleView(recorded.sample, room.code), alertLimit, actionLimit, deviation };
}

export interface TrendQuery {
  parameter?: EmParameter | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A room's samples in time order with the limits of its grade: the data of a trend chart with limit lines. */
export async function sampleTrend(db: Db, roomId: string, query: TrendQuery) {
  const { room } = await getRoom(db, roomId);
  if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
    throw unprocessable('The period ends before it starts.', { code: 'em.bad_period', errors: [{ path: 'querystring.to', message: 'Must not be before from' }] });
  }
  const where: SQL[] = [eq(emSamples.roomId, room.id)];
  if (query.parameter) where.push(eq(emSamples.parameter, query.parameter));
  if (query.from) where.push(gte(emSamples.sampledAt, new Date(query.from)));
  if (query.to) where.push(lte(emSamples.sampledAt, new Date(query.to)));
  // The newest points when there are more than a chart can hold, returned oldest first.
  const rows = await db.select().from(emSamples).where(and(...where)).orderBy(desc(emSamples.sampledAt), desc(emSamples.createdAt)).limit(TREND_MAX_POINTS);
  const limits = await listLimits(db, { grade: room.grade as RoomGrade, ...(query.parameter ? { parameter: query.parameter } : {}) });
  return { items: rows.reverse().map((s) => sampleView(s, room.code)), limits: limits.map(limitView) };
}
