/**
 * Roles and permissions. Every route declares one permission (or 'public'); this matrix says which
 * roles hold it. A test walks every route with every role against this table.
 */
import { ROLES, type Role } from '@hepatica/core';

export { ROLES, type Role };

export const PERMISSIONS = [
  'sites:read',
  'sites:write',
  'studies:read',
  'studies:write',
  'patients:read',
  'patients:write',
  'identity:read',
  'orders:read',
  'orders:write',
  'collections:read',
  'collections:write',
  'custody:read',
  'custody:write',
  'isbt128:parse',
  'users:read',
  'users:write',
  'audit:read',
  'signatures:sign',
  'training:read',
  'training:write',
  'training:assess',
  'training:dashboard',
  'materials:read',
  'materials:write',
  'lots:disposition',
  'equipment:read',
  'equipment:write',
  'facility:read',
  'facility:write',
  'facility:limits',
  'processes:read',
  'processes:write',
  'processes:approve',
  'batches:read',
  'batches:execute',
  'batches:abort',
  'deviations:read',
  // Quality events: deviations lifecycle, CAPA, change control (quality-events helper, issue 5).
  'quality:read',
  'quality:write',
  'quality:approve',
  'batches:review',
  'batches:release',
  'release:read',
  'coa:read',
  'coa:amend',
  'notifications:read',
  'notifications:acknowledge',
  // Quality control (QC helper, issue 5).
  'qc:read',
  'qc:write',
  'qc:review',
  'specifications:write',
  'oos:conclude',
  // Shipment to the bedside (bedside helper, issue 5).
  'shipments:read',
  'shipments:write',
  'infusions:write',
  // The clinical area (issue 11): protocols, screening, consent, visits, labs, safety, response.
  'clinical:read',
  'clinical:write',
  'clinical:investigate',
  'protocols:write',
  'protocols:approve',
  'consent:write',
  'self',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What every logged-in person may do: see sites, read their own account, read a scan, sign. */
const EVERYONE: Permission[] = ['sites:read', 'isbt128:parse', 'self'];
const CHAIN_READ: Permission[] = ['studies:read', 'patients:read', 'orders:read', 'collections:read', 'custody:read'];
const GMP_READ: Permission[] = ['materials:read', 'equipment:read', 'facility:read', 'processes:read', 'batches:read', 'deviations:read', 'quality:read'];

const CLINICAL_DATA: Permission[] = ['clinical:read', 'clinical:write'];

const MATRIX: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // The director sees the clinical pipeline (overdue SAE clocks included), never to change it.
  director: [...EVERYONE, ...CHAIN_READ, ...GMP_READ, 'clinical:read', 'users:read', 'audit:read', 'training:read', 'training:dashboard', 'release:read', 'coa:read', 'notifications:read', 'qc:read', 'shipments:read'],
  // Coordinators follow the product to the patient (shipments) to plan the infusion day.
  // Coordinators set up protocols, screen, take consent with the investigator, schedule visits and enter data.
  coordinator: [...EVERYONE, ...CHAIN_READ, ...CLINICAL_DATA, 'protocols:write', 'consent:write', 'identity:read', 'studies:write', 'patients:write', 'orders:write', 'shipments:read'],
  // Physicians are the investigators: they approve protocol versions, sign eligibility waivers, judge
  // adverse events (seriousness, relatedness) and report SAEs.
  physician: [...EVERYONE, ...CHAIN_READ, ...CLINICAL_DATA, 'clinical:investigate', 'protocols:approve', 'consent:write', 'identity:read', 'signatures:sign', 'coa:read', 'notifications:read', 'notifications:acknowledge', 'shipments:read', 'infusions:write'],
  // Nurses collect and infuse: they must match the wristband (name, MRN) to the bag; they receive the product at the site.
  // Nurses record vital signs, CRS/ICANS assessments and labs at the bedside.
  nurse: [...EVERYONE, ...CHAIN_READ, ...CLINICAL_DATA, 'identity:read', 'collections:write', 'custody:write', 'signatures:sign', 'coa:read', 'shipments:read', 'shipments:write', 'infusions:write'],
  // The GMP facility receives bags by DIN and subject code; it never needs the patient's name.
  // Operators receive materials, log equipment and EM, and execute batch records.
  operator: [
    ...EVERYONE,
    ...GMP_READ,
    'orders:read',
    'collections:read',
    'custody:read',
    'custody:write',
    'signatures:sign',
    'materials:write',
    'equipment:write',
    'facility:write',
    'batches:execute',
    // Operators see what QC found on the batches they make.
    'qc:read',
    // Operators pack and ship released products in dry shippers.
    'shipments:read',
    'shipments:write',
    // Operators report deviations, investigate them and own CAPA actions.
    'quality:write',
  ],
  qc_analyst: [...EVERYONE, ...GMP_READ, 'orders:read', 'collections:read', 'custody:read', 'signatures:sign', 'facility:write', 'release:read', 'coa:read', 'qc:read', 'qc:write', 'qc:review', 'quality:write'],
  // QA checks that people are qualified before they perform or sign GMP work.
  // QA dispositions lots, designs and approves master batch records (never both on the same version).
  // QA alone sets EM alert/action limits (operators and QC record samples against them) and aborts a batch.
  qa: [
    ...EVERYONE,
    ...CHAIN_READ,
    ...GMP_READ,
    // QA classifies and closes deviations, checks CAPA effectiveness and approves change controls.
    'quality:write',
    'quality:approve',
    'audit:read',
    'users:read',
    'signatures:sign',
    'training:read',
    'training:dashboard',
    'materials:write',
    'lots:disposition',
    'facility:write',
    'facility:limits',
    'processes:write',
    'processes:approve',
    'batches:abort',
    'batches:review',
    'release:read',
    'coa:read',
    'coa:amend',
    'notifications:read',
    // QA writes and approves specifications and leads phase II of OOS investigations.
    'qc:read',
    'specifications:write',
    'oos:conclude',
    'shipments:read',
  ],
  qp: [...EVERYONE, ...CHAIN_READ, ...GMP_READ, 'audit:read', 'signatures:sign', 'batches:release', 'release:read', 'coa:read', 'coa:amend', 'notifications:read', 'qc:read', 'shipments:read'],
  trainer: [...EVERYONE, 'training:read', 'training:write', 'training:assess', 'training:dashboard', 'signatures:sign'],
  trainee: [...EVERYONE],
  // Researchers read clinical data pseudonymously: no identity:read, so never a name or an MRN.
  researcher: [...EVERYONE, 'studies:read', 'clinical:read'],
  partner: [...EVERYONE],
};

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of MATRIX[role as Role] ?? []) granted.add(p);
  return granted;
}

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
