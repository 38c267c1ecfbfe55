/** Request and response shapes of the equipment register, calibrations and maintenance. */
import { z } from 'zod';
import { instant, text } from '../../platform/schemas';

/** The equipment types process steps may name (processes validate their equipmentTypes against this list). */
export const EQUIPMENT_TYPES = [
  'biosafety_cabinet',
  'co2_incubator',
  'centrifuge',
  'cell_processor',
  'controlled_rate_freezer',
  'bioreactor',
  'chromatography_system',
  'cell_counter',
] as const;
export type EquipmentType = (typeof EQUIPMENT_TYPES)[number];

/** In the order the status is derived: the first that applies wins. */
export const EQUIPMENT_STATUSES = ['out_of_calibration', 'maintenance', 'in_use', 'available'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];
export const EVENT_KINDS = ['calibration', 'maintenance_start', 'maintenance_end'] as const;

const equipmentType = z.enum(EQUIPMENT_TYPES, `Type must be one of: ${EQUIPMENT_TYPES.join(', ')}`);
const result = z.enum(['pass', 'fail'], 'Result must be pass or fail');

export const createEquipmentBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,23}$/, 'An equipment code is 2–24 upper-case letters, digits or dashes (e.g. BSC-01)'),
  name: text(1, 200),
  type: equipmentType,
  calibrationDueAt: instant,
  location: text(1, 200).default('—'),
  maintenanceDueAt: instant.optional(),
});

export const calibrationBody = z.object({
  performedAt: instant,
  result,
  nextDueAt: instant,
  notes: text(1, 1000).optional(),
});

export const maintenanceBody = z.object({
  action: z.enum(['start', 'finish'], 'Action must be start or finish'),
  performedAt: instant,
  result: result.optional(),
  nextDueAt: instant.optional(),
  notes: text(1, 1000).optional(),
});

export const equipmentQuery = z.object({
  type: equipmentType.optional(),
  status: z.enum(EQUIPMENT_STATUSES, `Status must be one of: ${EQUIPMENT_STATUSES.join(', ')}`).optional(),
});

export const equipmentEventView = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  performedAt: z.string(),
  result: z.enum(['pass', 'fail']).nullable(),
  nextDueAt: z.string().nullable(),
  notes: z.string().nullable(),
  performedBy: z.string(),
  createdAt: z.string(),
});

export const equipmentView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: equipmentType,
  location: z.string(),
  status: z.enum(EQUIPMENT_STATUSES),
  calibrationDueAt: z.string(),
  maintenanceDueAt: z.string().nullable(),
  /** When the open maintenance started; null when none is open. */
  maintenanceSince: z.string().nullable(),
  inUseByBatchId: z.string().nullable(),
  events: z.array(equipmentEventView).optional(),
});
