/** Routes of executed batch records: start, list, read, complete a step, print the record, abort. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { abortBatchBody, batchQuery, batchSummary, batchView as batchSchema, completeStepBody, createBatchBody, stepParams } from './batches.schema';
import { abortBatch } from './batches.abort';
import { completeStep } from './batches.execute';
import { stepNumberOf } from './batches.rules';
import { batchRecordPdf } from './batches.record';
import { createBatch } from './batches.service';
import { batchView, listBatches } from './batches.views';

export const batchesRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['batches'];
  app.post(
    '/batches',
    { config: { permission: 'batches:execute' }, schema: { tags, body: createBatchBody, response: { 201: batchSchema } } },
    async (request, reply) => reply.code(201).send(await batchView(db, (await createBatch(db, request.body)).id)),
  );

  app.get(
    '/batches',
    { config: { permission: 'batches:read' }, schema: { tags, querystring: batchQuery, response: { 200: listOf(batchSummary) } } },
    async (request) => ({ items: await listBatches(db, request.query) }),
  );

  app.get(
    '/batches/:id',
    { config: { permission: 'batches:read' }, schema: { tags, params: idParam, response: { 200: batchSchema } } },
    async (request) => batchView(db, request.params.id),
  );

  app.post(
    '/batches/:id/steps/:index/complete',
    { config: { permission: 'batches:execute' }, schema: { tags, params: stepParams, body: completeStepBody, response: { 200: batchSchema } } },
    async (request) => {
      await completeStep(db, request.params.id, stepNumberOf(request.params.index), request.body);
      return batchView(db, request.params.id);
    },
  );

  app.get(
    '/batches/:id/record.pdf',
    { config: { permission: 'batches:read' }, schema: { tags, params: idParam, produces: ['application/pdf'] } },
    async (request, reply) => {
      const pdf = await batchRecordPdf(db, request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${pdf.filename}"`).send(pdf.buffer);
    },
  );

  app.post(
    '/batches/:id/abort',
    { config: { permission: 'batches:abort' }, schema: { tags, params: idParam, body: abortBatchBody, response: { 200: batchSchema } } },
    async (request) => {
      await abortBatch(db, request.params.id, request.body);
      return batchView(db, request.params.id);
    },
  );
};
