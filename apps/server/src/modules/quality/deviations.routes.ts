/**
 * Routes of deviations: the list (filter by status, severity, source, room, affected batch, owner,
 * overdue), one with its batches, CAPAs and signatures, and the lifecycle. Rules live in
 * deviations.lifecycle.ts and (cancelling one opened in error) deviations.cancel.ts.
 */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { cancelDeviation } from './deviations.cancel';
import { deviationCloseDays, setDeviationCloseDays } from './deviations.due';
import { addAffectedBatch, assessImpact, classifyDeviation, closeDeviation, recordInvestigation, reportDeviation } from './deviations.lifecycle';
import {
  addBatchBody,
  batchParams,
  cancelDeviationBody,
  classifyDeviationBody,
  closeDaysBody,
  closeDaysView,
  closeDeviationBody,
  createDeviationBody,
  impactBody,
  investigationBody,
} from './deviations.lifecycle.schema';
import { deviationDetailView, deviationQuery, deviationView } from './deviations.schema';
import { getDeviation, listDeviations } from './deviations.service';

export const deviationsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['deviations'];
  const detail = { 200: deviationDetailView };
  app.get(
    '/deviations',
    { config: { permission: 'deviations:read' }, schema: { tags, querystring: deviationQuery, response: { 200: listOf(deviationView) } } },
    async (request) => ({ items: await listDeviations(db, request.query) }),
  );

  app.get(
    '/deviations/:id',
    { config: { permission: 'deviations:read' }, schema: { tags, params: idParam, response: detail } },
    async (request) => getDeviation(db, request.params.id),
  );

  app.post(
    '/deviations',
    { config: { permission: 'quality:write' }, schema: { tags, body: createDeviationBody, response: { 201: deviationDetailView } } },
    async (request, reply) => reply.code(201).send(await reportDeviation(db, request.body)),
  );

  app.post(
    '/deviations/:id/classify',
    { config: { permission: 'quality:approve' }, schema: { tags, params: idParam, body: classifyDeviationBody, response: detail } },
    async (request) => classifyDeviation(db, request.params.id, request.body),
  );

  app.patch(
    '/deviations/:id/investigation',
    { config: { permission: 'quality:write' }, schema: { tags, params: idParam, body: investigationBody, response: detail } },
    async (request) => recordInvestigation(db, request.params.id, request.body),
  );

  app.post(
    '/deviations/:id/batches',
    { config: { permission: 'quality:write' }, schema: { tags, params: idParam, body: addBatchBody, response: detail } },
    async (request) => addAffectedBatch(db, request.params.id, request.body),
  );

  app.put(
    '/deviations/:id/batches/:batchId/impact',
    { config: { permission: 'quality:write' }, schema: { tags, params: batchParams, body: impactBody, response: detail } },
    async (request) => assessImpact(db, request.params.id, request.params.batchId, request.body),
  );

  app.post(
    '/deviations/:id/close',
    { config: { permission: 'quality:approve' }, schema: { tags, params: idParam, body: closeDeviationBody, response: detail } },
    async (request) => closeDeviation(db, request.params.id, request.body),
  );

  app.post(
    '/deviations/:id/cancel',
    { config: { permission: 'quality:approve' }, schema: { tags, params: idParam, body: cancelDeviationBody, response: detail } },
    async (request) => cancelDeviation(db, request.params.id, request.body),
  );

  app.get(
    '/quality/deviation-close-days',
    { config: { permission: 'quality:read' }, schema: { tags, response: { 200: closeDaysView } } },
    async () => deviationCloseDays(db),
  );

  app.put(
    '/quality/deviation-close-days',
    { config: { permission: 'quality:approve' }, schema: { tags, body: closeDaysBody, response: { 200: closeDaysView } } },
    async (request) => {
      const { reason, ...days } = request.body;
      return setDeviationCloseDays(db, days, reason);
    },
  );
};
