/** Routes of the material master, lots with QA disposition, and genealogy traces. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { traceLot } from './genealogy.service';
import {
  createLotBody,
  createMaterialBody,
  dispositionBody,
  lotQuery,
  lotView as lotSchema,
  materialDetailView,
  materialView as materialSchema,
  traceQuery,
  traceView,
} from './materials.schema';
import { createMaterial, dispositionLot, getLot, getMaterial, listLots, listMaterials, lotsOfMaterial, lotView, lotViews, materialView, receiveLot } from './materials.service';

export const materialsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['materials'];
  app.get(
    '/materials',
    { config: { permission: 'materials:read' }, schema: { tags, response: { 200: listOf(materialSchema) } } },
    async () => ({ items: (await listMaterials(db)).map(materialView) }),
  );

  app.get(
    '/materials/:id',
    { config: { permission: 'materials:read' }, schema: { tags, params: idParam, response: { 200: materialDetailView } } },
    async (request) => {
      const material = await getMaterial(db, request.params.id);
      return { ...materialView(material), lots: await lotViews(db, await lotsOfMaterial(db, material.id)) };
    },
  );

  app.post(
    '/materials',
    { config: { permission: 'materials:write' }, schema: { tags, body: createMaterialBody, response: { 201: materialSchema } } },
    async (request, reply) => reply.code(201).send(materialView(await createMaterial(db, request.body))),
  );

  app.post(
    '/materials/:id/lots',
    { config: { permission: 'materials:write' }, schema: { tags, params: idParam, body: createLotBody, response: { 201: lotSchema } } },
    async (request, reply) => reply.code(201).send(await lotView(db, await receiveLot(db, request.params.id, request.body))),
  );

  app.get(
    '/lots',
    { config: { permission: 'materials:read' }, schema: { tags, querystring: lotQuery, response: { 200: listOf(lotSchema) } } },
    async (request) => ({ items: await lotViews(db, await listLots(db, request.query)) }),
  );

  app.get(
    '/lots/:id',
    { config: { permission: 'materials:read' }, schema: { tags, params: idParam, response: { 200: lotSchema } } },
    async (request) => lotView(db, await getLot(db, request.params.id)),
  );

  app.post(
    '/lots/:id/disposition',
    { config: { permission: 'lots:disposition' }, schema: { tags, params: idParam, body: dispositionBody, response: { 200: lotSchema } } },
    async (request) => lotView(db, await dispositionLot(db, request.params.id, request.body)),
  );

  app.get(
    '/lots/:id/trace',
    { config: { permission: 'batches:read' }, schema: { tags: [...tags, 'batches'], params: idParam, querystring: traceQuery, response: { 200: traceView } } },
    async (request) => traceLot(db, request.params.id, request.query.direction),
  );
};
