import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { collectionQuery, collectionView as collectionSchema, createCollectionBody, signBody } from './collections.schema';
import { collectionView, createCollection, getCollection, listCollections, signCollection } from './collections.service';
import { collectionLabelPdf } from './collections.label';

export const collectionsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['collections'];
  app.get(
    '/collections',
    { config: { permission: 'collections:read' }, schema: { tags, querystring: collectionQuery, response: { 200: listOf(collectionSchema) } } },
    async (request) => ({
      items: await Promise.all((await listCollections(db, request.query.orderId)).map((row) => collectionView(db, row))),
    }),
  );

  app.get(
    '/collections/:id',
    { config: { permission: 'collections:read' }, schema: { tags, params: idParam, response: { 200: collectionSchema } } },
    async (request) => collectionView(db, await getCollection(db, request.params.id)),
  );

  app.post(
    '/orders/:id/collections',
    {
      config: { permission: 'collections:write' },
      schema: { tags, params: idParam, body: createCollectionBody, response: { 201: collectionSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await collectionView(db, await createCollection(db, request.params.id, request.body))),
  );

  app.post(
    '/collections/:id/signatures',
    {
      config: { permission: 'signatures:sign' },
      schema: { tags, params: idParam, body: signBody, response: { 201: collectionSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await collectionView(db, await signCollection(db, request.params.id, request.body.signature))),
  );

  app.get(
    '/collections/:id/label.pdf',
    { config: { permission: 'collections:read' }, schema: { tags, params: idParam, produces: ['application/pdf'] } },
    async (request, reply) => {
      const pdf = await collectionLabelPdf(db, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="label-${pdf.din}.pdf"`)
        .send(pdf.buffer);
    },
  );
};
