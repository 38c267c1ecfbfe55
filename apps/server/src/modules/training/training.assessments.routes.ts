/** Routes of assessments; the rules (pass mark, signature, qualification) live in the service. */
import type { RoutePlugin } from '../../platform/app-types';
import { listOf } from '../../platform/schemas';
import { assessmentQuery, assessmentResult, assessmentView as assessmentSchema, createAssessmentBody } from './training.assessments.schema';
import { assessmentView, listAssessments, recordAssessment } from './training.assessments.service';

export const trainingAssessmentsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['training'];
  app.get(
    '/training/assessments',
    { config: { permission: 'training:read' }, schema: { tags, querystring: assessmentQuery, response: { 200: listOf(assessmentSchema) } } },
    async (request) => ({ items: await Promise.all((await listAssessments(db, request.query)).map((row) => assessmentView(db, row))) }),
  );

  app.post(
    '/training/assessments',
    { config: { permission: 'training:assess' }, schema: { tags, body: createAssessmentBody, response: { 201: assessmentResult } } },
    async (request, reply) => reply.code(201).send(await recordAssessment(db, request.body)),
  );
};
