/** Routes of visit schedules (per protocol version), a subject's visits and follow-up, and the visits due. */
import type { RoutePlugin } from '../../../platform/app-types';
import { idParam } from '../../../platform/schemas';
import { dueVisits } from './visits.due';
import { completeBody, dueListView, dueQuery, followUpView as followUpSchema, missedBody, subjectVisitsView as visitsSchema, visitParams, visitScheduleBody, visitScheduleView, visitView } from './visits.schema';
import { getSchedule, putSchedule } from './visits.schedule';
import { followUpView, recordVisit, subjectVisitsView } from './visits.service';

export const visitsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['clinical-visits'];
  app.get(
    '/clinical/protocols/:id/visit-schedule',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: { 200: visitScheduleView } } },
    async (request) => getSchedule(db, request.params.id),
  );
  app.put(
    '/clinical/protocols/:id/visit-schedule',
    { config: { permission: 'protocols:write' }, schema: { tags, params: idParam, body: visitScheduleBody, response: { 200: visitScheduleView } } },
    async (request) => putSchedule(db, request.params.id, request.body),
  );
  app.get(
    '/clinical/subjects/:id/visits',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: { 200: visitsSchema } } },
    async (request) => subjectVisitsView(db, request.params.id),
  );
  app.get(
    '/clinical/subjects/:id/follow-up',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: { 200: followUpSchema } } },
    async (request) => followUpView(db, request.params.id),
  );
  app.post(
    '/clinical/subjects/:id/visits/:code/complete',
    { config: { permission: 'clinical:write' }, schema: { tags, params: visitParams, body: completeBody, response: { 201: visitView } } },
    async (request, reply) => reply.code(201).send(await recordVisit(db, request.params.id, request.params.code, { status: 'done', ...request.body })),
  );
  app.post(
    '/clinical/subjects/:id/visits/:code/missed',
    { config: { permission: 'clinical:write' }, schema: { tags, params: visitParams, body: missedBody, response: { 201: visitView } } },
    async (request, reply) => reply.code(201).send(await recordVisit(db, request.params.id, request.params.code, { status: 'missed', reason: request.body.reason })),
  );
  app.get(
    '/clinical/visits/due',
    { config: { permission: 'clinical:read' }, schema: { tags, querystring: dueQuery, response: { 200: dueListView } } },
    async (request) => dueVisits(db, request.query),
  );
};
