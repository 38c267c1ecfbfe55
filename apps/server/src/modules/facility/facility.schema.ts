/** Request and response shapes of rooms, EM limits and EM samples. */
import { z } from 'zod';
import { instant, reason, text } from '../../platform/schemas';
import { deviationView } from '../quality/deviations.schema';

/** EU GMP Annex 1 cleanroom grades, A (critical zone) to D. */
export const ROOM_GRADES = ['A', 'B', 'C', 'D'] as const;
export type RoomGrade = (typeof ROOM_GRADES)[number];
export const ROOM_STATUSES = ['clean', 'in_use', 'to_be_cleaned', 'quarantined'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];
/** `in_use` is not among them: only a batch puts a room in use (occupyRoom). */
export const SETTABLE_ROOM_STATUSES = ['clean', 'to_be_cleaned', 'quarantined'] as const;

export const EM_PARAMETERS = ['particles_0_5', 'particles_5_0', 'active_air', 'settle_plate', 'contact_plate', 'glove_print'] as const;
export type EmParameter = (typeof EM_PARAMETERS)[number];
export const PARTICLE_PARAMETERS = ['particles_0_5', 'particles_5_0'] as const satisfies readonly EmParameter[];
export const VIABLE_PARAMETERS = ['active_air', 'settle_plate', 'contact_plate', 'glove_print'] as const satisfies readonly EmParameter[];
export type ViableParameter = (typeof VIABLE_PARAMETERS)[number];
export const OCCUPANCIES = ['at_rest', 'in_operation'] as const;
export type Occupancy = (typeof OCCUPANCIES)[number];
export const EM_RESULTS = ['within', 'alert', 'action'] as const;
export type EmResult = (typeof EM_RESULTS)[number];

export const EM_UNITS: Record<EmParameter, string> = {
  particles_0_5: 'particles/m³',
  particles_5_0: 'particles/m³',
  active_air: 'cfu/m³',
  settle_plate: 'cfu/4 h',
  contact_plate: 'cfu/plate',
  glove_print: 'cfu/glove',
};

/** How people name the parameters in messages and deviation titles. */
export const EM_LABELS: Record<EmParameter, string> = {
  particles_0_5: 'particles ≥0.5 µm',
  particles_5_0: 'particles ≥5 µm',
  active_air: 'active air sample',
  settle_plate: 'settle plate',
  contact_plate: 'contact plate',
  glove_print: 'glove print',
};

/** Plates and gloves are read as colonies counted: whole numbers. Air and particle counts are per m³. */
const COUNTED_PARAMETERS = new Set<EmParameter>(['settle_plate', 'contact_plate', 'glove_print']);

export const roomView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  grade: z.enum(ROOM_GRADES),
  status: z.enum(ROOM_STATUSES),
  currentBatchId: z.string().nullable(),
  currentBatchNumber: z.string().nullable(),
  createdAt: z.string(),
});

export const createRoomBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'Use 2–20 capital letters, digits and hyphens, e.g. GMP-B01'),
  name: text(1, 200),
  grade: z.enum(ROOM_GRADES, 'Grade must be one of: A, B, C, D'),
});

export const roomStatusBody = z.object({
  status: z.enum(SETTABLE_ROOM_STATUSES, 'Status must be clean, to_be_cleaned or quarantined (a room is put in use by starting a batch)'),
  reason,
});

export const roomQuery = z.object({
  status: z.enum(ROOM_STATUSES, `Status must be one of: ${ROOM_STATUSES.join(', ')}`).optional(),
  grade: z.enum(ROOM_GRADES, 'Grade must be one of: A, B, C, D').optional(),
});

export const emLimitView = z.object({
  id: z.string(),
  grade: z.enum(ROOM_GRADES),
  parameter: z.enum(EM_PARAMETERS),
  occupancy: z.enum(OCCUPANCIES),
  /** null: no alert level (grade A viable: any growth is already an action excursion). */
  alertLimit: z.number().nullable(),
  /** null: no limit (Annex 1 leaves it to the site: grade D in operation, glove prints in C and D). */
  actionLimit: z.number().nullable(),
  unit: z.string(),
  source: z.string(),
});

const limitValue = z.number().min(0, 'Must be 0 or more').max(1e10, 'Must be at most 10 000 000 000');

export const updateLimitBody = z.object({
  alertLimit: limitValue.nullable(),
  actionLimit: limitValue,
  reason,
});

export const emSampleView = z.object({
  id: z.string(),
  roomId: z.string(),
  roomCode: z.string(),
  parameter: z.enum(EM_PARAMETERS),
  occupancy: z.enum(OCCUPANCIES),
  location: z.string().nullable(),
  value: z.number(),
  unit: z.string(),
  sampledAt: z.string(),
  /** within | alert (> alert level) | action (> action limit); alert and action are excursions. */
  result: z.enum(EM_RESULTS),
  excursion: z.boolean(),
  deviationId: z.string().nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
});

export const recordedSampleView = emSampleView.extend({
  /** The limits the sample was judged against, as they stood when it was recorded. */
  alertLimit: z.number().nullable(),
  actionLimit: z.number().nullable(),
  deviation: deviationView.nullable(),
});

export const createSampleBody = z
  .object({
    parameter: z.enum(EM_PARAMETERS, `Parameter must be one of: ${EM_PARAMETERS.join(', ')}`),
    occupancy: z.enum(OCCUPANCIES, 'Occupancy must be at_rest or in_operation'),
    value: z.number().min(0, 'Must be 0 or more').max(1e10, 'Must be at most 10 000 000 000'),
    sampledAt: instant,
    location: text(1, 100).optional(),
  })
  .superRefine((body, ctx) => {
    if (COUNTED_PARAMETERS.has(body.parameter) && !Number.isInteger(body.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Plates and glove prints are counted in whole colonies (CFU)' });
    }
  });

export const trendQuery = z.object({
  parameter: z.enum(EM_PARAMETERS, `Parameter must be one of: ${EM_PARAMETERS.join(', ')}`).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

export const trendView = z.object({ items: z.array(emSampleView), limits: z.array(emLimitView) });
