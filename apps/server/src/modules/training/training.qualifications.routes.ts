/** Routes of qualifications and the competency gate; the rules live in the services. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { qualificationState } from './training.gate';
import { createQualificationBody, gateQuery, gateView, qualificationQuery, qualificationView as qualificationSchema, reasonBody } from './training.qualifications.schema';
import { changeQualificationStatus, listQualifications, qualificationView, recordQualification } from './training.qualifications.service';

export const trainingQualificationsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['training'];
  app.get(
    '/training/qualifications',
    // 'self': everyone may ask; the service limits people without training:read to their own record.
    { config: { permission: 'self' }, schema: { tags, querystring: qualificationQuery, response: { 200: listOf(qualificationSchema) } } },
    async (request) => {
      const now = new Date();
      return { items: (await listQualifications(db, request.query)).map((row) => qualificationView(row, now)) };
    },
  );

  app.post(
    '/training/qualifications',
    { config: { permission: 'training:assess' }, schema: { tags, body: createQualificationBody, response: { 201: qualificationSchema } } },
    async (request, reply) => reply.code(201).send(qualificationView(await recordQualification(db, request.body))),
  );

  for (const action of ['suspend', 'reinstate', 'revoke'] as const) {
    app.post(
      `/training/qualifications/:id/${action}`,
      { config: { permission: 'training:assess' }, schema: { tags, params: idParam, body: reasonBody, response: { 200: qualificationSchema } } },
      async (request) => qualificationView(await changeQualificationStatus(db, request.params.id, action, request.body.reason)),
    );
  }

  app.get(
    '/training/gate',
    { config: { permission: 'training:read' }, schema: { tags, querystring: gateQuery, response: { 200: gateView } } },
    async (request) => {
      const { userId, competency, at } = request.query;
      return qualificationState(db, { userId, competency, at: at ? new Date(at) : new Date() });
    },
  );
};
