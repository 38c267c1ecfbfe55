/** Routes of the training dashboard and the annual target. */
import type { RoutePlugin } from '../../platform/app-types';
import { dashboardQuery, dashboardView, targetBody, targetParams, targetView } from './training.dashboard.schema';
import { getDashboard, setTarget } from './training.dashboard.service';

export const trainingDashboardRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['training'];
  app.get(
    '/training/dashboard',
    { config: { permission: 'training:dashboard' }, schema: { tags, querystring: dashboardQuery, response: { 200: dashboardView } } },
    async (request) => getDashboard(db, request.query.year),
  );

  app.put(
    '/training/targets/:year',
    { config: { permission: 'training:write' }, schema: { tags, params: targetParams, body: targetBody, response: { 200: targetView } } },
    async (request) => setTarget(db, request.params.year, request.body.target, request.body.reason),
  );
};
