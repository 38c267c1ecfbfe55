/** The one Drizzle schema: every module's tables. drizzle-kit generates migrations from this file. */
export * from '../platform/audit.tables';
export * from '../modules/identity/identity.tables';
export * from '../modules/sites/sites.tables';
export * from '../modules/studies/studies.tables';
export * from '../modules/patients/patients.tables';
export * from '../modules/orders/orders.tables';
export * from '../modules/collections/collections.tables';
export * from '../modules/custody/custody.tables';
export * from '../modules/training/training.tables';
export * from '../modules/quality/quality.tables';
export * from '../modules/materials/materials.tables';
export * from '../modules/equipment/equipment.tables';
export * from '../modules/facility/facility.tables';
export * from '../modules/processes/processes.tables';
export * from '../modules/batches/batches.tables';
