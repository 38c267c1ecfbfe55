/** The clinical area's routes (one entry per module folder), registered under /api/v1 after the chain of identity. */
import type { RoutePlugin } from '../../platform/app-types';
import { consentRoutes } from './consent/consent.routes';

export const clinicalRoutes: RoutePlugin[] = [consentRoutes];
