/** Routes of clinical safety: adverse events, lab-based CTCAE grades, CRS/ICANS, SAE clocks. Thin: validate, authorize, call the service. */
import { z } from 'zod';
import type { RoutePlugin } from '../../../platform/app-types';
import { idParam, listOf } from '../../../platform/schemas';
import {
  adverseEventView,
  assessBody,
  clockQuery,
  clockView,
  createAdverseEventBody,
  reportBody,
  updateAdverseEventBody,
  voidBody,
} from './adverse-events.schema';
import { assessAdverseEvent, createAdverseEvent, updateAdverseEvent, voidAdverseEvent } from './adverse-events.service';
import { getAdverseEvent, listSubjectAdverseEvents } from './adverse-events.views';
import { crsAssessmentBody, crsCreated, crsIcansBoard as boardSchema, icansAssessmentBody, icansAssessmentView } from './crs-icans.schema';
import { crsIcansBoard, crsView, icansView, recordCrs, recordIcans } from './crs-icans.service';
import { labGradesView } from './lab-grades.schema';
import { subjectLabGrades } from './lab-grades.service';
import { listClocks, recordReport } from './sae-clocks.service';

export const safetyRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['clinical-safety'];
  const one = { 200: adverseEventView };

  app.post(
    '/clinical/subjects/:id/adverse-events',
    { config: { permission: 'clinical:write' }, schema: { tags, params: idParam, body: createAdverseEventBody, response: { 201: adverseEventView } } },
    async (request, reply) => reply.code(201).send(await getAdverseEvent(db, (await createAdverseEvent(db, request.params.id, request.body)).id)),
  );

  app.get(
    '/clinical/subjects/:id/adverse-events',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: { 200: listOf(adverseEventView) } } },
    async (request) => ({ items: await listSubjectAdverseEvents(db, request.params.id) }),
  );

  app.get(
    '/clinical/adverse-events/:id',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: one } },
    async (request) => getAdverseEvent(db, request.params.id),
  );

  app.patch(
    '/clinical/adverse-events/:id',
    { config: { permission: 'clinical:write' }, schema: { tags, params: idParam, body: updateAdverseEventBody, response: one } },
    async (request) => getAdverseEvent(db, (await updateAdverseEvent(db, request.params.id, request.body)).id),
  );

  app.post(
    '/clinical/adverse-events/:id/assessment',
    { config: { permission: 'clinical:investigate' }, schema: { tags, params: idParam, body: assessBody, response: one } },
    async (request) => getAdverseEvent(db, (await assessAdverseEvent(db, request.params.id, request.body)).id),
  );

  app.post(
    '/clinical/adverse-events/:id/void',
    { config: { permission: 'clinical:investigate' }, schema: { tags, params: idParam, body: voidBody, response: one } },
    async (request) => getAdverseEvent(db, (await voidAdverseEvent(db, request.params.id, request.body)).id),
  );

  app.get(
    '/clinical/subjects/:id/lab-grades',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: { 200: labGradesView } } },
    async (request) => subjectLabGrades(db, request.params.id),
  );

  app.post(
    '/clinical/subjects/:id/crs-assessments',
    { config: { permission: 'clinical:write' }, schema: { tags, params: idParam, body: crsAssessmentBody, response: { 201: crsCreated } } },
    async (request, reply) => {
      const { assessment, infusion, adverseEvent, timeZone } = await recordCrs(db, request.params.id, request.body);
      return reply.code(201).send({ assessment: crsView(assessment, infusion.startedAt, timeZone), adverseEvent });
    },
  );

  app.post(
    '/clinical/subjects/:id/icans-assessments',
    {
      config: { permission: 'clinical:write' },
      schema: { tags, params: idParam, body: icansAssessmentBody, response: { 201: z.object({ assessment: icansAssessmentView }) } },
    },
    async (request, reply) => {
      const { assessment, infusion, timeZone } = await recordIcans(db, request.params.id, request.body);
      return reply.code(201).send({ assessment: icansView(assessment, infusion.startedAt, timeZone) });
    },
  );

  app.get(
    '/clinical/subjects/:id/crs-icans',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: { 200: boardSchema } } },
    async (request) => crsIcansBoard(db, request.params.id),
  );

  app.get(
    '/clinical/sae-clocks',
    { config: { permission: 'clinical:read' }, schema: { tags, querystring: clockQuery, response: { 200: listOf(clockView).extend({ now: z.string() }) } } },
    async (request) => {
      const now = new Date();
      return { now: now.toISOString(), items: await listClocks(db, request.query, now) };
    },
  );

  app.post(
    '/clinical/sae-clocks/:id/reports',
    { config: { permission: 'clinical:investigate' }, schema: { tags, params: idParam, body: reportBody, response: { 201: clockView } } },
    async (request, reply) => {
      const id = await recordReport(db, request.params.id, request.body);
      return reply.code(201).send((await listClocks(db, { clockIds: [id] }))[0]!);
    },
  );
};
