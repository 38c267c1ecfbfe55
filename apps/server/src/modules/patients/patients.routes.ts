import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { createPatientBody, patientQuery, patientView as patientSchema } from './patients.schema';
import { createPatient, getPatient, listPatients, patientView } from './patients.service';

export const patientsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['patients'];
  app.get(
    '/patients',
    { config: { permission: 'patients:read' }, schema: { tags, querystring: patientQuery, response: { 200: listOf(patientSchema) } } },
    async (request) => ({ items: (await listPatients(db, request.query.search)).map(patientView) }),
  );

  app.get(
    '/patients/:id',
    { config: { permission: 'patients:read' }, schema: { tags, params: idParam, response: { 200: patientSchema } } },
    async (request) => patientView(await getPatient(db, request.params.id)),
  );

  app.post(
    '/patients',
    { config: { permission: 'patients:write' }, schema: { tags, body: createPatientBody, response: { 201: patientSchema } } },
    async (request, reply) => reply.code(201).send(patientView(await createPatient(db, request.body))),
  );
};
