/** The modules shown in the navigation, each behind the permission that opens it. */
import type { Permission } from '../api/types';

export interface NavItem {
  path: string;
  labelKey: string;
  permission: Permission;
  testId: string;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/patients', labelKey: 'nav.patients', permission: 'patients:read', testId: 'nav-patients' },
  { path: '/orders', labelKey: 'nav.orders', permission: 'orders:read', testId: 'nav-orders' },
  { path: '/collections', labelKey: 'nav.collections', permission: 'collections:read', testId: 'nav-collections' },
  { path: '/custody', labelKey: 'nav.custody', permission: 'custody:read', testId: 'nav-custody' },
  { path: '/users', labelKey: 'nav.users', permission: 'users:read', testId: 'nav-users' },
  { path: '/audit', labelKey: 'nav.audit', permission: 'audit:read', testId: 'nav-audit' },
];

/** The navigation entries a user with these permissions may open. */
export function allowedNav(can: (p: Permission) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => can(item.permission));
}
