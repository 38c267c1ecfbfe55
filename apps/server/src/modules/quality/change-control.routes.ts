/** Routes of change control: list and detail, request, edit (with a reason), assess, approve, implement, close, withdraw. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import {
  approveChangeBody,
  assessChangeBody,
  changeDetailView,
  changeQuery,
  changeView,
  closeChangeBody,
  createChangeBody,
  implementChangeBody,
  updateChangeBody,
  withdrawChangeBody,
} from './change-control.schema';
import { approveChange, assessChange, closeChange, getChange, implementChange, listChanges, requestChange, updateChange } from './change-control.service';
import { withdrawChange } from './change-control.withdraw';

export const changeControlRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['change-control'];
  const detail = { 200: changeDetailView };
  app.get(
    '/change-controls',
    { config: { permission: 'quality:read' }, schema: { tags, querystring: changeQuery, response: { 200: listOf(changeView) } } },
    async (request) => ({ items: await listChanges(db, request.query) }),
  );

  app.get(
    '/change-controls/:id',
    { config: { permission: 'quality:read' }, schema: { tags, params: idParam, response: detail } },
    async (request) => getChange(db, request.params.id),
  );

  app.post(
    '/change-controls',
    { config: { permission: 'quality:write' }, schema: { tags, body: createChangeBody, response: { 201: changeDetailView } } },
    async (request, reply) => reply.code(201).send(await requestChange(db, request.body)),
  );

  app.patch(
    '/change-controls/:id',
    { config: { permission: 'quality:write' }, schema: { tags, params: idParam, body: updateChangeBody, response: detail } },
    async (request) => updateChange(db, request.params.id, request.body),
  );

  app.post(
    '/change-controls/:id/assess',
    { config: { permission: 'quality:write' }, schema: { tags, params: idParam, body: assessChangeBody, response: detail } },
    async (request) => assessChange(db, request.params.id, request.body.impact),
  );

  app.post(
    '/change-controls/:id/approve',
    { config: { permission: 'quality:approve' }, schema: { tags, params: idParam, body: approveChangeBody, response: detail } },
    async (request) => approveChange(db, request.params.id, request.body.signature),
  );

  app.post(
    '/change-controls/:id/implement',
    { config: { permission: 'quality:write' }, schema: { tags, params: idParam, body: implementChangeBody, response: detail } },
    async (request) => implementChange(db, request.params.id, request.body),
  );

  app.post(
    '/change-controls/:id/close',
    { config: { permission: 'quality:approve' }, schema: { tags, params: idParam, body: closeChangeBody, response: detail } },
    async (request) => closeChange(db, request.params.id, request.body),
  );

  // quality:write lets the requester reach it; the service allows only the requester or QA (quality:approve).
  app.post(
    '/change-controls/:id/withdraw',
    { config: { permission: 'quality:write' }, schema: { tags, params: idParam, body: withdrawChangeBody, response: detail } },
    async (request) => withdrawChange(db, request.params.id, request.body),
  );
};
