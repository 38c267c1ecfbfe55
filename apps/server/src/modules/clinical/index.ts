/** The clinical area's routes (one entry per module folder), registered under /api/v1 after the chain of identity. */
import type { RoutePlugin } from '../../platform/app-types';
import { protocolsRoutes } from './protocols/protocols.routes';
import { casebookRoutes } from './casebook/casebook.routes';
import { consentRoutes } from './consent/consent.routes';
import { responseRoutes } from './response/response.routes';
import { safetyRoutes } from './safety/safety.routes';
import { calculatorsRoutes } from './calculators/calculators.routes';
import { visitsRoutes } from './visits/visits.routes';
import { subjectsRoutes } from './subjects/subjects.routes';
import { labsRoutes } from './labs/labs.routes';

export const clinicalRoutes: RoutePlugin[] = [protocolsRoutes, consentRoutes, safetyRoutes, responseRoutes, casebookRoutes, calculatorsRoutes, visitsRoutes, subjectsRoutes, labsRoutes];
