/** Shapes of the rooms and environmental monitoring API (docs/manufacturing-api.md, module `facility`). */
import type { Deviation } from './deviations.types';

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export const ROOM_STATUSES = ['clean', 'in_use', 'to_be_cleaned', 'quarantined'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];
/** The statuses a person may set; `in_use` is set by batches only. */
export const SETTABLE_ROOM_STATUSES = ['clean', 'to_be_cleaned', 'quarantined'] as const;
export type SettableRoomStatus = (typeof SETTABLE_ROOM_STATUSES)[number];

export interface Room {
  id: string;
  code: string;
  name: string;
  grade: Grade;
  status: RoomStatus;
  currentBatchId: string | null;
  currentBatchNumber?: string | null;
  createdAt?: string;
}

export const EM_PARAMETERS = [
  'particles_0_5',
  'particles_5_0',
  'active_air',
  'settle_plate',
  'contact_plate',
  'glove_print',
] as const;
export type EmParameter = (typeof EM_PARAMETERS)[number];

export const OCCUPANCIES = ['at_rest', 'in_operation'] as const;
export type Occupancy = (typeof OCCUPANCIES)[number];

export type EmResult = 'within' | 'alert' | 'action';

export interface EmLimit {
  id: string;
  grade: Grade;
  parameter: EmParameter;
  occupancy: Occupancy;
  /** null: no alert level (grade A viable: any growth is already an action excursion). */
  alertLimit: number | null;
  /** null: Annex 1 leaves it to the site (e.g. grade D in operation). */
  actionLimit: number | null;
  unit: string;
  source: string;
}

export interface EmSample {
  id: string;
  roomId: string;
  parameter: EmParameter;
  occupancy: Occupancy;
  location: string | null;
  value: number;
  unit?: string;
  sampledAt: string;
  result: EmResult;
  deviationId: string | null;
  recordedBy: string;
}

/** The answer to recording a sample: the deviation opened by an action-limit excursion, if any. */
export interface EmSampleRecorded extends EmSample {
  /** The limits the sample was judged against, as they stood then. */
  alertLimit?: number | null;
  actionLimit?: number | null;
  deviation: Deviation | null;
}

export interface NewEmSample {
  parameter: EmParameter;
  occupancy: Occupancy;
  value: number;
  sampledAt: string;
  location?: string;
}

export interface EmSamples {
  items: EmSample[];
  limits: EmLimit[];
}
