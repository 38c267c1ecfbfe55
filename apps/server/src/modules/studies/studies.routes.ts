import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { createStudyBody, studyView as studySchema } from './studies.schema';
import { createStudy, getStudy, listStudies, studyView } from './studies.service';

export const studiesRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['studies'];
  app.get('/studies', { config: { permission: 'studies:read' }, schema: { tags, response: { 200: listOf(studySchema) } } }, async () => ({
    items: (await listStudies(db)).map(studyView),
  }));

  app.get(
    '/studies/:id',
    { config: { permission: 'studies:read' }, schema: { tags, params: idParam, response: { 200: studySchema } } },
    async (request) => studyView(await getStudy(db, request.params.id)),
  );

  app.post(
    '/studies',
    { config: { permission: 'studies:write' }, schema: { tags, body: createStudyBody, response: { 201: studySchema } } },
    async (request, reply) => reply.code(201).send(studyView(await createStudy(db, request.body))),
  );
};
