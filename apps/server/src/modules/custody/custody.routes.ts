import type { RoutePlugin } from '../../platform/app-types';
import { listOf } from '../../platform/schemas';
import { createCustodyEventBody, custodyEventView as eventSchema, custodyExceptionView as exceptionSchema, custodyQuery } from './custody.schema';
import { custodyEventView, custodyExceptionView, listCustodyEvents, listCustodyExceptions, recordCustodyEvent } from './custody.service';

export const custodyRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['custody'];
  app.post(
    '/custody-events',
    { config: { permission: 'custody:write' }, schema: { tags, body: createCustodyEventBody, response: { 201: eventSchema } } },
    async (request, reply) => reply.code(201).send(custodyEventView(await recordCustodyEvent(db, request.body))),
  );

  app.get(
    '/custody-events',
    { config: { permission: 'custody:read' }, schema: { tags, querystring: custodyQuery, response: { 200: listOf(eventSchema) } } },
    async (request) => ({ items: (await listCustodyEvents(db, request.query.din)).map(custodyEventView) }),
  );

  app.get(
    '/custody-exceptions',
    { config: { permission: 'custody:read' }, schema: { tags, querystring: custodyQuery, response: { 200: listOf(exceptionSchema) } } },
    async (request) => ({ items: (await listCustodyExceptions(db, request.query.din)).map(custodyExceptionView) }),
  );
};
