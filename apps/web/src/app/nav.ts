/** The modules shown in the navigation, each behind the permission that opens it. */
import type { Permission } from '../api/types';

export interface NavItem {
  path: string;
  labelKey: string;
  permission: Permission;
  testId: string;
  /** Shown inside a collapsible group of the navbar (e.g. the training academy). */
  group?: 'training' | 'manufacturing' | 'quality' | 'clinical';
  /** Hidden from users who also hold this permission (e.g. "My training" once the whole academy is open). */
  unless?: Permission;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/patients', labelKey: 'nav.patients', permission: 'patients:read', testId: 'nav-patients' },
  { path: '/orders', labelKey: 'nav.orders', permission: 'orders:read', testId: 'nav-orders' },
  { path: '/collections', labelKey: 'nav.collections', permission: 'collections:read', testId: 'nav-collections' },
  { path: '/custody', labelKey: 'nav.custody', permission: 'custody:read', testId: 'nav-custody' },
  { path: '/qc', labelKey: 'nav.qc', permission: 'qc:read', testId: 'nav-qc' },
  ...(
    [
      ['batches', 'batches:read'],
      ['processes', 'processes:read'],
      ['materials', 'materials:read'],
      ['equipment', 'equipment:read'],
      ['rooms', 'facility:read'],
    ] as const
  ).map(([area, permission]): NavItem => ({
    path: `/manufacturing/${area}`,
    labelKey: `nav.mfg.${area}`,
    permission,
    testId: `nav-mfg-${area}`,
    group: 'manufacturing',
  })),
  // Quality events: the overview of what is overdue, then deviations, CAPA and change control.
  ...(
    [
      ['/overview', 'overview', 'quality:read'],
      ['/deviations', 'deviations', 'deviations:read'],
      ['/capas', 'capas', 'quality:read'],
      ['/change-controls', 'changeControls', 'quality:read'],
    ] as const
  ).map(([sub, key, permission]): NavItem => ({
    path: `/quality${sub}`,
    labelKey: `nav.qualityItems.${key}`,
    permission,
    testId: `nav-quality-${key}`,
    group: 'quality',
  })),
  // Clinical studies (issue 11): set-up, the screening log, the visits due and the SAE reporting clocks.
  ...(
    [
      ['/studies', 'studies'],
      ['/screening', 'screening'],
      ['/visits', 'visitsDue'],
      ['/sae-clocks', 'saeClocks'],
    ] as const
  ).map(([sub, key]): NavItem => ({
    path: `/clinical${sub}`,
    labelKey: `nav.clinicalItems.${key}`,
    permission: 'clinical:read',
    testId: `nav-clinical-${key}`,
    group: 'clinical',
  })),
  { path: '/release', labelKey: 'nav.release', permission: 'release:read', testId: 'nav-release' },
  { path: '/bedside/shipments', labelKey: 'nav.shipments', permission: 'shipments:read', testId: 'nav-shipments' },
  {
    path: '/release/notifications',
    labelKey: 'nav.releaseNotifications',
    permission: 'notifications:read',
    testId: 'nav-release-notifications',
  },
  {
    path: '/training/dashboard',
    labelKey: 'nav.trainingDashboard',
    permission: 'training:dashboard',
    testId: 'nav-training-dashboard',
    group: 'training',
  },
  {
    path: '/training/courses',
    labelKey: 'nav.trainingCatalogue',
    permission: 'training:read',
    testId: 'nav-training-catalogue',
    group: 'training',
  },
  {
    path: '/training/sessions',
    labelKey: 'nav.trainingSessions',
    permission: 'training:read',
    testId: 'nav-training-sessions',
    group: 'training',
  },
  {
    path: '/training/learners',
    labelKey: 'nav.trainingLearners',
    permission: 'training:read',
    testId: 'nav-training-learners',
    group: 'training',
  },
  {
    path: '/training/assessments',
    labelKey: 'nav.trainingAssessments',
    permission: 'training:read',
    testId: 'nav-training-assessments',
    group: 'training',
  },
  {
    path: '/training/qualifications',
    labelKey: 'nav.trainingQualifications',
    permission: 'training:read',
    testId: 'nav-training-qualifications',
    group: 'training',
  },
  {
    path: '/training/me',
    labelKey: 'nav.trainingMine',
    permission: 'self',
    unless: 'training:read',
    testId: 'nav-training-mine',
  },
  { path: '/users', labelKey: 'nav.users', permission: 'users:read', testId: 'nav-users' },
  { path: '/audit', labelKey: 'nav.audit', permission: 'audit:read', testId: 'nav-audit' },
];

/** The navigation entries a user with these permissions may open. */
export function allowedNav(can: (p: Permission) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => can(item.permission) && !(item.unless && can(item.unless)));
}
