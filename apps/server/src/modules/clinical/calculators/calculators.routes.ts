/** Stateless calculators (spec: Clinical): liver scores, CTCAE v5.0 lab grades, ASTCT CRS/ICANS, mRECIST; and the pickers' lists. */
import type { RoutePlugin } from '../../../platform/app-types';
import {
  crsBody,
  crsView,
  ctcaeBody,
  ctcaeTermsView,
  ctcaeView,
  icansBody,
  icansView,
  labAnalytesView,
  mrecistBody,
  mrecistView,
  scoresBody,
  scoresView,
} from './calculators.schema';
import { computeCrs, computeCtcae, computeIcans, computeMrecist, computeScores, ctcaeTermList, labAnalyteList } from './calculators.service';

export const calculatorsRoutes: RoutePlugin = (app) => {
  const tags = ['clinical'];
  const config = { permission: 'clinical:read' as const };

  app.post('/clinical/scores', { config, schema: { tags, body: scoresBody, response: { 200: scoresView } } }, async (request) => computeScores(request.body));
  app.post('/clinical/ctcae', { config, schema: { tags, body: ctcaeBody, response: { 200: ctcaeView } } }, async (request) => computeCtcae(request.body));
  app.post('/clinical/crs', { config, schema: { tags, body: crsBody, response: { 200: crsView } } }, async (request) => computeCrs(request.body));
  app.post('/clinical/icans', { config, schema: { tags, body: icansBody, response: { 200: icansView } } }, async (request) => computeIcans(request.body));
  app.post('/clinical/mrecist', { config, schema: { tags, body: mrecistBody, response: { 200: mrecistView } } }, async (request) => computeMrecist(request.body));
  app.get('/clinical/ctcae/terms', { config, schema: { tags, response: { 200: ctcaeTermsView } } }, async () => ctcaeTermList());
  app.get('/clinical/lab-analytes', { config, schema: { tags, response: { 200: labAnalytesView } } }, async () => labAnalyteList());
};
