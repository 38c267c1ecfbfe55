/** Routes of lab results (issue 11 item 5): entry, a subject's panels and score series, corrections. */
import type { RoutePlugin } from '../../../platform/app-types';
import { idParam, listOf } from '../../../platform/schemas';
import { correctResult } from './labs.correction';
import { enterPanel } from './labs.entry';
import { correctBody, labPanelView, labResultView, newPanelBody, scoreSeriesView } from './labs.schema';
import { subjectPanelsView, subjectScoresView } from './labs.views';

export const labsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['clinical-labs'];
  const read = { permission: 'clinical:read' as const };
  const writeCfg = { permission: 'clinical:write' as const };

  app.post('/clinical/subjects/:id/labs', { config: writeCfg, schema: { tags, params: idParam, body: newPanelBody, response: { 201: labPanelView } } }, async (request, reply) =>
    reply.code(201).send(await enterPanel(db, request.params.id, request.body)),
  );
  app.get('/clinical/subjects/:id/labs', { config: read, schema: { tags, params: idParam, response: { 200: listOf(labPanelView) } } }, async (request) => subjectPanelsView(db, request.params.id));
  app.get('/clinical/subjects/:id/scores', { config: read, schema: { tags, params: idParam, response: { 200: scoreSeriesView } } }, async (request) => subjectScoresView(db, request.params.id));
  app.post('/clinical/lab-results/:id/correct', { config: writeCfg, schema: { tags, params: idParam, body: correctBody, response: { 201: labResultView } } }, async (request, reply) =>
    reply.code(201).send(await correctResult(db, request.params.id, request.body)),
  );
};
