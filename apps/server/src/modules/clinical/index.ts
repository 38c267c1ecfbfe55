/** The clinical area's routes (one entry per module folder), registered under /api/v1 after the chain of identity. */
import type { RoutePlugin } from '../../platform/app-types';

export const clinicalRoutes: RoutePlugin[] = [];
