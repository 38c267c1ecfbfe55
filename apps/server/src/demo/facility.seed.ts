/**
 * The demo facility: the five cleanrooms every demo module refers to (GMP-C01 waiting to be cleaned)
 * and eight weeks of environmental monitoring in each, recorded through the same service as real
 * work by the demo QC analyst: mostly within limits, a few alert excursions, and one action excursion
 * in GMP-B01 last month with the deviation it opened. Values are drawn from a fixed-seed generator,
 * so every demo shows the same charts (relative to the day it was started).
 */
import { startOfLocalDay } from '@hepatica/core';
import type { Db } from '../db/client';
import { recordSample } from '../modules/facility/facility.em.service';
import type { EmParameter, Occupancy, RoomGrade } from '../modules/facility/facility.schema';
import { createRoom, setRoomStatus } from '../modules/facility/facility.service';
import { homeSite } from '../modules/sites/sites.service';

export const DEMO_ROOMS: { code: string; name: string; grade: RoomGrade }[] = [
  { code: 'GMP-B01', name: 'Cell processing suite 1', grade: 'B' },
  { code: 'GMP-B02', name: 'Viral vector suite', grade: 'B' },
  { code: 'GMP-A01', name: 'Isolator / BSC critical zone', grade: 'A' },
  { code: 'GMP-C01', name: 'Preparation room', grade: 'C' },
  { code: 'GMP-D01', name: 'Material airlock', grade: 'D' },
];

const WEEKS = 8;

/** One routine sample of the weekly plan: days before the end of the week, local hour, what, where. */
type Planned = [daysAgo: number, hour: number, parameter: EmParameter, occupancy: Occupancy, location: string];

const P05 = 'particles_0_5';
const P5 = 'particles_5_0';
const OP = 'in_operation';
const REST = 'at_rest';

/** Weekly monitoring plan per grade: denser where the product is exposed (Annex 1 §9.4, §9.24). */
const PLAN: Record<RoomGrade, Planned[]> = {
  A: [
    ...[1, 3, 5].flatMap((d): Planned[] => [[d, 10, P05, OP, 'BSC-01 work zone'], [d, 10, P5, OP, 'BSC-01 work zone']]),
    [1, 14, 'settle_plate', OP, 'BSC-01 work zone, left'],
    [3, 14, 'settle_plate', OP, 'BSC-01 work zone, right'],
    [3, 16, 'glove_print', OP, 'Operator, both hands'],
    [5, 11, 'active_air', OP, 'BSC-01 work zone'],
    [5, 16, 'contact_plate', OP, 'BSC-01 work surface'],
  ],
  B: [
    [1, 7.5, P05, REST, 'Room centre'],
    [1, 7.5, P5, REST, 'Room centre'],
    [1, 10, P05, OP, 'Beside BSC-01'],
    [1, 10, P5, OP, 'Beside BSC-01'],
    [3, 10, P05, OP, 'Door to personnel airlock'],
    [3, 10, P5, OP, 'Door to personnel airlock'],
    [3, 11, 'active_air', OP, 'Beside BSC-01'],
    [1, 14, 'settle_plate', OP, 'Beside BSC-01'],
    [3, 14, 'settle_plate', OP, 'Incubator bench'],
    [5, 16, 'contact_plate', OP, 'Pass-through hatch'],
    [5, 16, 'glove_print', OP, 'Operator, both hands'],
  ],
  C: [
    [2, 7.5, P05, REST, 'Room centre'],
    [2, 7.5, P5, REST, 'Room centre'],
    [2, 10, P05, OP, 'Media preparation bench'],
    [2, 10, P5, OP, 'Media preparation bench'],
    [2, 11, 'active_air', OP, 'Media preparation bench'],
    [4, 14, 'settle_plate', OP, 'Media preparation bench'],
    [4, 16, 'contact_plate', OP, 'Bench surface'],
  ],
  D: [
    [2, 7.5, P05, REST, 'Room centre'],
    [2, 7.5, P5, REST, 'Room centre'],
    [2, 10, P05, OP, 'Goods-in door'],
    [2, 10, P5, OP, 'Goods-in door'],
    [4, 11, 'active_air', OP, 'Goods-in door'],
    [4, 14, 'settle_plate', OP, 'Transfer bench'],
    [4, 16, 'contact_plate', OP, 'Transfer bench'],
  ],
};

/** Usual results (low, high) per grade, parameter and state: well within the Annex 1 limits and alert levels. */
const USUAL: Record<RoomGrade, Partial<Record<`${EmParameter}:${Occupancy}`, [number, number]>>> = {
  A: { 'particles_0_5:in_operation': [40, 600], 'particles_5_0:in_operation': [0, 3] },
  B: {
    'particles_0_5:at_rest': [150, 900],
    'particles_5_0:at_rest': [0, 4],
    'particles_0_5:in_operation': [8_000, 90_000],
    'particles_5_0:in_operation': [20, 400],
    'active_air:in_operation': [0, 2],
    'settle_plate:in_operation': [0, 1],
    'contact_plate:in_operation': [0, 2],
    'glove_print:in_operation': [0, 1],
  },
  C: {
    'particles_0_5:at_rest': [20_000, 120_000],
    'particles_5_0:at_rest': [50, 600],
    'particles_0_5:in_operation': [200_000, 900_000],
    'particles_5_0:in_operation': [800, 5_000],
    'active_air:in_operation': [3, 25],
    'settle_plate:in_operation': [1, 12],
    'contact_plate:in_operation': [0, 8],
  },
  D: {
    'particles_0_5:at_rest': [300_000, 1_200_000],
    'particles_5_0:at_rest': [1_500, 8_000],
    'particles_0_5:in_operation': [600_000, 2_500_000],
    'particles_5_0:in_operation': [4_000, 15_000],
    'active_air:in_operation': [10, 60],
    'settle_plate:in_operation': [4, 30],
    'contact_plate:in_operation': [2, 15],
  },
};

/**
 * The excursions of the story, by room, week (0 = this week) and plan line: a few above the alert
 * level, and one settle plate in GMP-B01 about a month ago above the action limit (5 cfu/4 h).
 */
const EXCURSIONS: Record<string, number> = {
  'GMP-B01:2:4': 191_000, // particles ≥0.5 µm by the airlock door, alert level 176 000
  'GMP-B01:4:8': 7, // settle plate on the incubator bench: action excursion, opens a deviation
  'GMP-B02:5:9': 3, // contact plate on the pass-through hatch, alert level 2
  'GMP-A01:6:1': 17, // particles ≥5 µm in the BSC, alert level 14 (Annex 1 Table 5 note 2)
  'GMP-C01:3:4': 64, // active air, alert level 50
  'GMP-D01:1:5': 57, // settle plate, alert level 50
};

/** mulberry32: a small, fixed-seed generator, so the demo charts are the same on every start. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Seeds the demo rooms and their EM history; run as the demo QC analyst. Returns room ids by code. */
export async function seedFacility(db: Db): Promise<Record<string, string>> {
  const { timeZone } = await homeSite(db);
  const now = new Date();
  const random = generator(20_260_401);
  const ids: Record<string, string> = {};
  for (const room of DEMO_ROOMS) {
    const roomId = (await createRoom(db, room)).id;
    ids[room.code] = roomId;
    for (let week = WEEKS - 1; week >= 0; week -= 1) {
      for (const [line, [daysAgo, hour, parameter, occupancy, location]] of PLAN[room.grade].entries()) {
        const day = startOfLocalDay(now, timeZone, -(week * 7 + daysAgo));
        const sampledAt = new Date(day.getTime() + hour * 3_600_000).toISOString();
        const [low, high] = USUAL[room.grade][`${parameter}:${occupancy}`] ?? [0, 0];
        // Skewed towards the low end, as clean-room counts are.
        const usual = Math.round(low + (high - low) * random() ** 2);
        const value = EXCURSIONS[`${room.code}:${week}:${line}`] ?? usual;
        await recordSample(db, roomId, { parameter, occupancy, value, sampledAt, location });
      }
    }
  }
  await setRoomStatus(db, ids['GMP-C01']!, { status: 'to_be_cleaned', reason: 'Media preparation finished; cleaning and disinfection pending' });
  return ids;
}
