/** Shapes of the equipment API (docs/manufacturing-api.md, module `equipment`). */

/** Derived by the server in this order: out of calibration, maintenance, in use, available. */
export const EQUIPMENT_STATUSES = ['available', 'in_use', 'maintenance', 'out_of_calibration'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

/** The equipment types process steps may name (fixed by the server). */
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

export type EquipmentEventKind = 'calibration' | 'maintenance_start' | 'maintenance_end';

export interface EquipmentEvent {
  id: string;
  kind: EquipmentEventKind;
  performedAt: string;
  result: 'pass' | 'fail' | null;
  nextDueAt: string | null;
  notes: string | null;
  performedBy: string;
  createdAt?: string;
}

export interface Equipment {
  id: string;
  code: string;
  name: string;
  type: string;
  location: string;
  status: EquipmentStatus;
  calibrationDueAt: string;
  maintenanceDueAt: string | null;
  /** When the open maintenance started; null when none is open. */
  maintenanceSince?: string | null;
  inUseByBatchId: string | null;
  /** `GET /equipment/{id}` includes the calibration and maintenance history. */
  events?: EquipmentEvent[];
}

export interface NewEquipment {
  code: string;
  name: string;
  type: string;
  calibrationDueAt: string;
  location?: string;
  maintenanceDueAt?: string;
}

export interface NewCalibration {
  performedAt: string;
  result: 'pass' | 'fail';
  nextDueAt: string;
  notes?: string;
}

export interface MaintenanceAction {
  action: 'start' | 'finish';
  performedAt: string;
  result?: 'pass' | 'fail';
  nextDueAt?: string;
  notes?: string;
}
