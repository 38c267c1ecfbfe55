/** Routes of screening, screening data, eligibility, waivers, screen failure, enrollment and the screening log (docs/clinical/protocols-api.md). */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import type { RoutePlugin } from '../../../platform/app-types';
import { idParam, listOf } from '../../../platform/schemas';
import { patients } from '../../patients/patients.tables';
import { enrollSubject, listDeviations, waiveCriterion } from './enrollment.service';
import { evaluateSubject, eligibilityView, getScreeningData, putScreeningData, recordScreenFailure, screenPatient, screeningDataView, screeningLog } from './screening.service';
import {
  deviationView,
  eligibilityView as eligibilitySchema,
  enrollBody,
  enrolledView,
  screenFailureBody,
  screeningBody,
  screeningDataBody,
  screeningDataView as screeningDataSchema,
  screeningLogView,
  subjectDetailView,
  subjectView as subjectSchema,
  waiverBody,
} from './subjects.schema';
import { getSubject, subjectView, type StudySubject } from './subjects.service';

/** The subject's view with its patient's code (and, for identity:read, name and MRN). */
async function withPatient(db: Executor, s: StudySubject) {
  const [p] = await db.select({ subjectCode: patients.subjectCode, name: patients.name, mrn: patients.mrn }).from(patients).where(eq(patients.id, s.patientId));
  return subjectView(s, p ?? null);
}

export const subjectsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['clinical subjects'];
  const read = { permission: 'clinical:read' } as const;
  const write = { permission: 'clinical:write' } as const;

  app.post(
    '/clinical/studies/:id/screenings',
    { config: write, schema: { tags, params: idParam, body: screeningBody, response: { 201: subjectSchema } } },
    async (request, reply) => reply.code(201).send(await withPatient(db, await screenPatient(db, request.params.id, request.body))),
  );

  app.get('/clinical/subjects/:id', { config: read, schema: { tags, params: idParam, response: { 200: subjectDetailView } } }, async (request) => {
    const s = await getSubject(db, request.params.id);
    const [view, data, waivers] = await Promise.all([withPatient(db, s), getScreeningData(db, s.id), listDeviations(db, s.id)]);
    return { ...view, screeningData: data ? screeningDataView(data) : null, waivers };
  });

  app.put(
    '/clinical/subjects/:id/screening-data',
    { config: write, schema: { tags, params: idParam, body: screeningDataBody, response: { 200: screeningDataSchema } } },
    async (request) => screeningDataView(await putScreeningData(db, request.params.id, request.body)),
  );

  app.get('/clinical/subjects/:id/eligibility', { config: read, schema: { tags, params: idParam, response: { 200: eligibilitySchema } } }, async (request) =>
    eligibilityView(await evaluateSubject(db, await getSubject(db, request.params.id))),
  );

  app.post(
    '/clinical/subjects/:id/screen-failure',
    { config: write, schema: { tags, params: idParam, body: screenFailureBody, response: { 200: subjectSchema } } },
    async (request) => withPatient(db, await recordScreenFailure(db, request.params.id, request.body.reason)),
  );

  app.post(
    '/clinical/subjects/:id/waivers',
    { config: { permission: 'clinical:investigate' }, schema: { tags, params: idParam, body: waiverBody, response: { 201: deviationView } } },
    async (request, reply) => reply.code(201).send(await waiveCriterion(db, request.params.id, request.body)),
  );

  app.get('/clinical/subjects/:id/deviations', { config: read, schema: { tags, params: idParam, response: { 200: listOf(deviationView) } } }, async (request) => ({
    items: await listDeviations(db, request.params.id),
  }));

  app.post(
    '/clinical/subjects/:id/enroll',
    { config: write, schema: { tags, params: idParam, body: enrollBody, response: { 200: enrolledView } } },
    async (request) => {
      const { subject, assignment } = await enrollSubject(db, request.params.id, request.body);
      const randomization = assignment ? { stratum: assignment.stratum, blockNumber: assignment.blockNumber, position: assignment.position } : null;
      return { ...(await withPatient(db, subject)), randomization };
    },
  );

  app.get('/clinical/studies/:id/screening-log', { config: read, schema: { tags, params: idParam, response: { 200: screeningLogView } } }, async (request) => {
    const { counts, items } = await screeningLog(db, request.params.id);
    return { counts, items: items.map(({ s, p, status, decidedBy }) => ({ ...subjectView(s, p), eligibility: status, decidedBy })) };
  });
};
