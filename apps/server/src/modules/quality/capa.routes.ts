/** Routes of CAPA: list and detail, creation, changes with a reason, actions, signed completion and effectiveness check. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { addAction, checkEffectiveness, completeAction, updateAction, updateCapa } from './capa.lifecycle';
import {
  actionInput,
  actionParams,
  capaDetailView,
  capaQuery,
  capaView,
  completeActionBody,
  createCapaBody,
  effectivenessBody,
  updateActionBody,
  updateCapaBody,
} from './capa.schema';
import { createCapa, getCapa, listCapas } from './capa.service';

export const capaRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['capa'];
  const detail = { 200: capaDetailView };
  app.get(
    '/capas',
    { config: { permission: 'quality:read' }, schema: { tags, querystring: capaQuery, response: { 200: listOf(capaView) } } },
    async (request) => ({ items: await listCapas(db, request.query) }),
  );

  app.get(
    '/capas/:id',
    { config: { permission: 'quality:read' }, schema: { tags, params: idParam, response: detail } },
    async (request) => getCapa(db, request.params.id),
  );

  app.post(
    '/capas',
    { config: { permission: 'quality:write' }, schema: { tags, body: createCapaBody, response: { 201: capaDetailView } } },
    async (request, reply) => reply.code(201).send(await createCapa(db, request.body)),
  );

  app.patch(
    '/capas/:id',
    { config: { permission: 'quality:write' }, schema: { tags, params: idParam, body: updateCapaBody, response: detail } },
    async (request) => updateCapa(db, request.params.id, request.body),
  );

  app.post(
    '/capas/:id/actions',
    { config: { permission: 'quality:write' }, schema: { tags, params: idParam, body: actionInput, response: detail } },
    async (request) => addAction(db, request.params.id, request.body),
  );

  app.patch(
    '/capas/:id/actions/:actionId',
    { config: { permission: 'quality:write' }, schema: { tags, params: actionParams, body: updateActionBody, response: detail } },
    async (request) => updateAction(db, request.params.id, request.params.actionId, request.body),
  );

  app.post(
    '/capas/:id/actions/:actionId/complete',
    { config: { permission: 'quality:write' }, schema: { tags, params: actionParams, body: completeActionBody, response: detail } },
    async (request) => completeAction(db, request.params.id, request.params.actionId, request.body),
  );

  app.post(
    '/capas/:id/effectiveness-check',
    { config: { permission: 'quality:approve' }, schema: { tags, params: idParam, body: effectivenessBody, response: detail } },
    async (request) => checkEffectiveness(db, request.params.id, request.body),
  );
};
