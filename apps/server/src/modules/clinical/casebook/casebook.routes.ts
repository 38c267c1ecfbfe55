/** The subject's casebook: one document for the monitor. */
import type { RoutePlugin } from '../../../platform/app-types';
import { idParam } from '../../../platform/schemas';
import { casebookView } from './casebook.schema';
import { subjectCasebook } from './casebook.service';

export const casebookRoutes: RoutePlugin = (app, { database: { db } }) => {
  app.get(
    '/clinical/subjects/:id/casebook',
    { config: { permission: 'clinical:read' }, schema: { tags: ['clinical-casebook'], params: idParam, response: { 200: casebookView } } },
    async (request) => subjectCasebook(db, request.params.id),
  );
};
