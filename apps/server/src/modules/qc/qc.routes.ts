/** Routes of quality control: specifications, samples and labels, results and review, OOS, worklist. Rules live in the services. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { concludePhase1, concludePhase2, getInvestigation, listInvestigations, oosViews } from './qc.oos.service';
import { enterResult, reviewResult } from './qc.results.service';
import { drawSample, sampleLabelPdf, sampleView } from './qc.samples.service';
import {
  batchQcView as batchQcSchema,
  drawSampleBody,
  enterResultBody,
  oosPhase1Body,
  oosPhase2Body,
  oosQuery,
  oosView,
  resultParams,
  resultView as resultSchema,
  reviewResultBody,
  sampleView as sampleSchema,
  worklistItem,
} from './qc.schema';
import { batchQcView, qcWorklist, resultView } from './qc.views';
import {
  approveSpecificationBody,
  createSpecificationBody,
  specificationQuery,
  specificationView as specificationSchema,
  updateSpecificationBody,
} from './specifications.schema';
import {
  approveSpecification,
  createSpecification,
  getSpecification,
  listSpecifications,
  specificationView,
  specificationViews,
  updateSpecification,
} from './specifications.service';

export const specificationsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['qc'];
  app.get(
    '/specifications',
    { config: { permission: 'qc:read' }, schema: { tags, querystring: specificationQuery, response: { 200: listOf(specificationSchema) } } },
    async (request) => ({ items: await specificationViews(db, await listSpecifications(db, request.query)) }),
  );

  app.get(
    '/specifications/:id',
    { config: { permission: 'qc:read' }, schema: { tags, params: idParam, response: { 200: specificationSchema } } },
    async (request) => specificationView(db, await getSpecification(db, request.params.id)),
  );

  app.post(
    '/specifications',
    { config: { permission: 'specifications:write' }, schema: { tags, body: createSpecificationBody, response: { 201: specificationSchema } } },
    async (request, reply) => reply.code(201).send(await specificationView(db, await createSpecification(db, request.body))),
  );

  app.patch(
    '/specifications/:id',
    { config: { permission: 'specifications:write' }, schema: { tags, params: idParam, body: updateSpecificationBody, response: { 200: specificationSchema } } },
    async (request) => specificationView(db, await updateSpecification(db, request.params.id, request.body)),
  );

  app.post(
    '/specifications/:id/approve',
    { config: { permission: 'specifications:write' }, schema: { tags, params: idParam, body: approveSpecificationBody, response: { 200: specificationSchema } } },
    async (request) => specificationView(db, await approveSpecification(db, request.params.id, request.body.signature)),
  );
};

export const qcRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['qc'];
  app.get(
    '/qc/worklist',
    { config: { permission: 'qc:read' }, schema: { tags, response: { 200: listOf(worklistItem) } } },
    async () => ({ items: await qcWorklist(db) }),
  );

  app.get(
    '/batches/:id/qc',
    { config: { permission: 'qc:read' }, schema: { tags, params: idParam, response: { 200: batchQcSchema } } },
    async (request) => batchQcView(db, request.params.id),
  );

  app.post(
    '/batches/:id/qc-samples',
    { config: { permission: 'qc:write' }, schema: { tags, params: idParam, body: drawSampleBody, response: { 201: sampleSchema } } },
    async (request, reply) => reply.code(201).send(sampleView(await drawSample(db, request.params.id, request.body))),
  );

  app.get(
    '/qc-samples/:id/label.pdf',
    { config: { permission: 'qc:read' }, schema: { tags, params: idParam, produces: ['application/pdf'] } },
    async (request, reply) => {
      const pdf = await sampleLabelPdf(db, request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${pdf.filename}"`).send(pdf.buffer);
    },
  );

  app.post(
    '/batches/:id/qc-results',
    { config: { permission: 'qc:write' }, schema: { tags, params: idParam, body: enterResultBody, response: { 201: resultSchema } } },
    async (request, reply) => {
      const { result } = await enterResult(db, request.params.id, request.body);
      return reply.code(201).send(await resultView(db, result));
    },
  );

  app.post(
    '/batches/:id/qc-results/:resultId/review',
    { config: { permission: 'qc:review' }, schema: { tags, params: resultParams, body: reviewResultBody, response: { 200: resultSchema } } },
    async (request) => resultView(db, await reviewResult(db, request.params.id, request.params.resultId, request.body.signature)),
  );

  app.get(
    '/oos-investigations',
    { config: { permission: 'qc:read' }, schema: { tags, querystring: oosQuery, response: { 200: listOf(oosView) } } },
    async (request) => ({ items: await oosViews(db, await listInvestigations(db, request.query)) }),
  );

  app.get(
    '/oos-investigations/:id',
    { config: { permission: 'qc:read' }, schema: { tags, params: idParam, response: { 200: oosView } } },
    async (request) => (await oosViews(db, [await getInvestigation(db, request.params.id)]))[0]!,
  );

  app.post(
    '/oos-investigations/:id/phase-1',
    { config: { permission: 'qc:write' }, schema: { tags, params: idParam, body: oosPhase1Body, response: { 200: oosView } } },
    async (request) => (await oosViews(db, [await concludePhase1(db, request.params.id, request.body)]))[0]!,
  );

  app.post(
    '/oos-investigations/:id/phase-2',
    { config: { permission: 'oos:conclude' }, schema: { tags, params: idParam, body: oosPhase2Body, response: { 200: oosView } } },
    async (request) => (await oosViews(db, [await concludePhase2(db, request.params.id, request.body)]))[0]!,
  );
};

