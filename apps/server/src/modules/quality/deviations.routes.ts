/** Routes of deviations: the list (filter by status, source, room or affected batch) and one with its batches. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { deviationDetailView, deviationQuery, deviationView } from './deviations.schema';
import { getDeviation, listDeviations } from './deviations.service';

export const deviationsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['deviations'];
  app.get(
    '/deviations',
    { config: { permission: 'deviations:read' }, schema: { tags, querystring: deviationQuery, response: { 200: listOf(deviationView) } } },
    async (request) => ({ items: await listDeviations(db, request.query) }),
  );

  app.get(
    '/deviations/:id',
    { config: { permission: 'deviations:read' }, schema: { tags, params: idParam, response: { 200: deviationDetailView } } },
    async (request) => getDeviation(db, request.params.id),
  );
};
