/** Routes of tumour response (mRECIST): record a time point, read the subject's response. */
import type { RoutePlugin } from '../../../platform/app-types';
import { idParam } from '../../../platform/schemas';
import { responseView, timepointView, tumourAssessmentBody } from './response.schema';
import { recordTumourAssessment, subjectResponse } from './response.service';

export const responseRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['clinical-response'];
  app.post(
    '/clinical/subjects/:id/tumour-assessments',
    { config: { permission: 'clinical:write' }, schema: { tags, params: idParam, body: tumourAssessmentBody, response: { 201: timepointView } } },
    async (request, reply) => {
      const row = await recordTumourAssessment(db, request.params.id, request.body);
      const { timepoints } = await subjectResponse(db, request.params.id);
      return reply.code(201).send(timepoints.find((t) => t.id === row.id)!);
    },
  );

  app.get(
    '/clinical/subjects/:id/response',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: { 200: responseView } } },
    async (request) => subjectResponse(db, request.params.id),
  );
};
