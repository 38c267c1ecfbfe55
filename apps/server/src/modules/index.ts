/** Every module's routes, in the order they are registered under /api/v1. */
import type { RoutePlugin } from '../platform/app-types';
import { auditRoutes } from './audit/audit.routes';
import { collectionsRoutes } from './collections/collections.routes';
import { custodyRoutes } from './custody/custody.routes';
import { identityRoutes } from './identity/identity.routes';
import { isbt128Routes } from './isbt128/isbt128.routes';
import { ordersRoutes } from './orders/orders.routes';
import { patientsRoutes } from './patients/patients.routes';
import { healthRoutes } from './sites/health.routes';
import { sitesRoutes } from './sites/sites.routes';
import { studiesRoutes } from './studies/studies.routes';

export const moduleRoutes: RoutePlugin[] = [
  healthRoutes,
  identityRoutes,
  sitesRoutes,
  studiesRoutes,
  patientsRoutes,
  ordersRoutes,
  collectionsRoutes,
  custodyRoutes,
  isbt128Routes,
  auditRoutes,
];
