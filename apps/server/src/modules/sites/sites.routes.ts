import type { RoutePlugin } from '../../platform/app-types';
import { listOf } from '../../platform/schemas';
import { createSiteBody, siteView as siteSchema } from './sites.schema';
import { createSite, listSites, siteView } from './sites.service';

export const sitesRoutes: RoutePlugin = (app, { database: { db } }) => {
  app.get('/sites', { config: { permission: 'sites:read' }, schema: { tags: ['sites'], response: { 200: listOf(siteSchema) } } }, async () => ({
    items: (await listSites(db)).map(siteView),
  }));

  app.post(
    '/sites',
    { config: { permission: 'sites:write' }, schema: { tags: ['sites'], body: createSiteBody, response: { 201: siteSchema } } },
    async (request, reply) => reply.code(201).send(siteView(await createSite(db, request.body))),
  );
};
