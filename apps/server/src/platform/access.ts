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
  'processes:read',
  'processes:write',
  'processes:approve',
  'batches:read',
  'batches:execute',
  'deviations:read',
  'self',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What every logged-in person may do: see sites, read their own account, read a scan, sign. */
const EVERYONE: Permission[] = ['sites:read', 'isbt128:parse', 'self'];
const CHAIN_READ: Permission[] = ['studies:read', 'patients:read', 'orders:read', 'collections:read', 'custody:read'];
const GMP_READ: Permission[] = ['materials:read', 'equipment:read', 'facility:read', 'processes:read', 'batches:read', 'deviations:read'];

const MATRIX: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  director: [...EVERYONE, ...CHAIN_READ, ...GMP_READ, 'users:read', 'audit:read', 'training:read', 'training:dashboard'],
  coordinator: [...EVERYONE, ...CHAIN_READ, 'identity:read', 'studies:write', 'patients:write', 'orders:write'],
  physician: [...EVERYONE, ...CHAIN_READ, 'identity:read', 'signatures:sign'],
  // Nurses collect and infuse: they must match the wristband (name, MRN) to the bag.
  nurse: [...EVERYONE, ...CHAIN_READ, 'identity:read', 'collections:write', 'custody:write', 'signatures:sign'],
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
  ],
  qc_analyst: [...EVERYONE, ...GMP_READ, 'orders:read', 'collections:read', 'custody:read', 'signatures:sign', 'facility:write'],
  // QA checks that people are qualified before they perform or sign GMP work.
  // QA dispositions lots, designs and approves master batch records (never both on the same version).
  qa: [
    ...EVERYONE,
    ...CHAIN_READ,
    ...GMP_READ,
    'audit:read',
    'users:read',
    'signatures:sign',
    'training:read',
    'training:dashboard',
    'materials:write',
    'lots:disposition',
    'facility:write',
    'processes:write',
    'processes:approve',
  ],
  qp: [...EVERYONE, ...CHAIN_READ, ...GMP_READ, 'audit:read', 'signatures:sign'],
  trainer: [...EVERYONE, 'training:read', 'training:write', 'training:assess', 'training:dashboard', 'signatures:sign'],
  trainee: [...EVERYONE],
  researcher: [...EVERYONE, 'studies:read'],
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
