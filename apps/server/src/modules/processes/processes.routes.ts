/** Routes of master batch records: versions, drafts, QA approval. Rules live in processes.service.ts. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { approveProcessBody, createProcessBody, processQuery, processView as processSchema, updateProcessBody } from './processes.schema';
import { approveProcess, createProcess, getProcess, listProcesses, processView, processViews, updateProcess } from './processes.service';

export const processesRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['processes'];
  app.get(
    '/processes',
    { config: { permission: 'processes:read' }, schema: { tags, querystring: processQuery, response: { 200: listOf(processSchema) } } },
    async (request) => ({ items: await processViews(db, await listProcesses(db, request.query)) }),
  );

  app.get(
    '/processes/:id',
    { config: { permission: 'processes:read' }, schema: { tags, params: idParam, response: { 200: processSchema } } },
    async (request) => processView(db, await getProcess(db, request.params.id)),
  );

  app.post(
    '/processes',
    { config: { permission: 'processes:write' }, schema: { tags, body: createProcessBody, response: { 201: processSchema } } },
    async (request, reply) => reply.code(201).send(await processView(db, await createProcess(db, request.body))),
  );

  app.patch(
    '/processes/:id',
    { config: { permission: 'processes:write' }, schema: { tags, params: idParam, body: updateProcessBody, response: { 200: processSchema } } },
    async (request) => processView(db, await updateProcess(db, request.params.id, request.body)),
  );

  app.post(
    '/processes/:id/approve',
    { config: { permission: 'processes:approve' }, schema: { tags, params: idParam, body: approveProcessBody, response: { 200: processSchema } } },
    async (request) => processView(db, await approveProcess(db, request.params.id, request.body.signature)),
  );
};
