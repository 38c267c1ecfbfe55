/** Routes of protocol versions, regulatory registrations and ethics approvals (docs/clinical/protocols-api.md). */
import type { RoutePlugin } from '../../../platform/app-types';
import { idParam, listOf } from '../../../platform/schemas';
import {
  amendProtocolBody,
  approveProtocolBody,
  createEthicsBody,
  createProtocolBody,
  createRegistrationBody,
  ethicsView as ethicsSchema,
  patchProtocolBody,
  protocolVersionView,
  registrationView as registrationSchema,
  retireBody,
} from './protocols.schema';
import { amendProtocol, approveProtocol, createProtocol, listProtocols, loadProtocol, patchProtocol, protocolView } from './protocols.service';
import { createEthics, createRegistration, ethicsView, listEthics, listRegistrations, registrationView, retireEthics, retireRegistration, siteToday } from './regulatory.service';

export const protocolsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['clinical protocols'];
  const read = { permission: 'clinical:read' } as const;
  const edit = { permission: 'protocols:write' } as const;

  app.get('/clinical/studies/:id/protocols', { config: read, schema: { tags, params: idParam, response: { 200: listOf(protocolVersionView) } } }, async (request) => ({
    items: await Promise.all((await listProtocols(db, request.params.id)).map((p) => protocolView(db, p))),
  }));

  app.post(
    '/clinical/studies/:id/protocols',
    { config: edit, schema: { tags, params: idParam, body: createProtocolBody, response: { 201: protocolVersionView } } },
    async (request, reply) => reply.code(201).send(await protocolView(db, await createProtocol(db, request.params.id, request.body))),
  );

  app.get('/clinical/protocols/:id', { config: read, schema: { tags, params: idParam, response: { 200: protocolVersionView } } }, async (request) =>
    protocolView(db, await loadProtocol(db, request.params.id)),
  );

  app.patch('/clinical/protocols/:id', { config: edit, schema: { tags, params: idParam, body: patchProtocolBody, response: { 200: protocolVersionView } } }, async (request) =>
    protocolView(db, await patchProtocol(db, request.params.id, request.body)),
  );

  app.post(
    '/clinical/protocols/:id/approve',
    { config: { permission: 'protocols:approve' }, schema: { tags, params: idParam, body: approveProtocolBody, response: { 200: protocolVersionView } } },
    async (request) => protocolView(db, await approveProtocol(db, request.params.id, request.body.signature)),
  );

  app.post(
    '/clinical/protocols/:id/amend',
    { config: edit, schema: { tags, params: idParam, body: amendProtocolBody, response: { 201: protocolVersionView } } },
    async (request, reply) => reply.code(201).send(await protocolView(db, await amendProtocol(db, request.params.id, request.body))),
  );

  app.get('/clinical/studies/:id/registrations', { config: read, schema: { tags, params: idParam, response: { 200: listOf(registrationSchema) } } }, async (request) => ({
    items: (await listRegistrations(db, request.params.id)).map(registrationView),
  }));

  app.post(
    '/clinical/studies/:id/registrations',
    { config: edit, schema: { tags, params: idParam, body: createRegistrationBody, response: { 201: registrationSchema } } },
    async (request, reply) => reply.code(201).send(registrationView(await createRegistration(db, request.params.id, request.body))),
  );

  app.post('/clinical/registrations/:id/retire', { config: edit, schema: { tags, params: idParam, body: retireBody, response: { 200: registrationSchema } } }, async (request) =>
    registrationView(await retireRegistration(db, request.params.id, request.body.reason)),
  );

  app.get('/clinical/studies/:id/ethics-approvals', { config: read, schema: { tags, params: idParam, response: { 200: listOf(ethicsSchema) } } }, async (request) => {
    const today = await siteToday(db);
    return { items: await Promise.all((await listEthics(db, request.params.id)).map((e) => ethicsView(db, e, today))) };
  });

  app.post(
    '/clinical/studies/:id/ethics-approvals',
    { config: edit, schema: { tags, params: idParam, body: createEthicsBody, response: { 201: ethicsSchema } } },
    async (request, reply) => reply.code(201).send(await ethicsView(db, await createEthics(db, request.params.id, request.body))),
  );

  app.post('/clinical/ethics-approvals/:id/retire', { config: edit, schema: { tags, params: idParam, body: retireBody, response: { 200: ethicsSchema } } }, async (request) =>
    ethicsView(db, await retireEthics(db, request.params.id, request.body.reason)),
  );
};
