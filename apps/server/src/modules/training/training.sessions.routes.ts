/** Routes of training sessions: scheduling, enrollment with a waiting list, cancellation and attendance. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { cancelEnrollment, enroll, recordAttendance } from './training.enrollments.service';
import {
  attendanceBody,
  cancelEnrollmentBody,
  createSessionBody,
  enrollBody,
  enrollmentView as enrollmentSchema,
  sessionDetailView,
  sessionQuery,
  sessionView,
} from './training.sessions.schema';
import { createSession, enrollmentsOf, enrollmentView, listSessions, sessionDetail, sessionSummary, sessionViews } from './training.sessions.service';

export const trainingSessionsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['training'];
  const enrollmentById = async (id: string) => enrollmentView((await enrollmentsOf(db, { id }))[0]!);

  app.get(
    '/training/sessions',
    { config: { permission: 'training:read' }, schema: { tags, querystring: sessionQuery, response: { 200: listOf(sessionView) } } },
    async (request) => ({ items: await sessionViews(db, await listSessions(db, request.query)) }),
  );

  app.get(
    '/training/sessions/:id',
    { config: { permission: 'training:read' }, schema: { tags, params: idParam, response: { 200: sessionDetailView } } },
    async (request) => sessionDetail(db, request.params.id),
  );

  app.post(
    '/training/sessions',
    { config: { permission: 'training:write' }, schema: { tags, body: createSessionBody, response: { 201: sessionView } } },
    async (request, reply) => {
      const session = await createSession(db, request.body);
      return reply.code(201).send(await sessionSummary(db, session.id));
    },
  );

  app.post(
    '/training/sessions/:id/enrollments',
    { config: { permission: 'training:write' }, schema: { tags, params: idParam, body: enrollBody, response: { 201: enrollmentSchema } } },
    async (request, reply) => reply.code(201).send(await enrollmentById((await enroll(db, request.params.id, request.body)).id)),
  );

  app.post(
    '/training/enrollments/:id/cancel',
    { config: { permission: 'training:write' }, schema: { tags, params: idParam, body: cancelEnrollmentBody, response: { 200: enrollmentSchema } } },
    async (request) => enrollmentById((await cancelEnrollment(db, request.params.id, request.body.reason)).id),
  );

  app.post(
    '/training/sessions/:id/attendance',
    { config: { permission: 'training:write' }, schema: { tags, params: idParam, body: attendanceBody, response: { 200: sessionDetailView } } },
    async (request) => {
      await recordAttendance(db, request.params.id, request.body.attendance);
      return sessionDetail(db, request.params.id);
    },
  );
};
