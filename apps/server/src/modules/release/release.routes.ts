/**
 * Routes of review and release: the QA review and its record (audit trail and signatures), the
 * release checklist and the QP's decision, the certificate of analysis and its amendments, and the
 * physician notifications of conditional releases.
 */
import { z } from 'zod';
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { amendCoaBody, acknowledgeBody, coaQuery, coaVersionView, notificationQuery, notificationView, personView, releaseBody, releaseCheckView, releaseView, reviewBody, reviewRecordView, reviewView } from './release.schema';
import { amendCoa, coaPdf, coaVersionsOf } from './coa.service';
import { releaseCheck } from './release.check';
import { certifyBatch } from './release.certify';
import { acknowledgeNotification, getNotification, notificationsFor } from './release.notifications';
import { reviewBatch } from './release.review';
import { activePhysicians } from './release.people';
import { reviewRecord } from './release.trail';
import { batchRow } from './release.views';

export const releaseRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['release'];
  app.post(
    '/batches/:id/review',
    { config: { permission: 'batches:review' }, schema: { tags, params: idParam, body: reviewBody, response: { 201: reviewView } } },
    async (request, reply) => reply.code(201).send(await reviewBatch(db, request.params.id, request.body)),
  );

  app.get(
    '/batches/:id/review-record',
    { config: { permission: 'release:read' }, schema: { tags, params: idParam, response: { 200: reviewRecordView } } },
    async (request) => reviewRecord(db, request.params.id),
  );

  app.get(
    '/batches/:id/release-check',
    { config: { permission: 'release:read' }, schema: { tags, params: idParam, response: { 200: releaseCheckView } } },
    async (request) => releaseCheck(db, request.params.id),
  );

  app.post(
    '/batches/:id/release',
    { config: { permission: 'batches:release' }, schema: { tags, params: idParam, body: releaseBody, response: { 201: releaseView } } },
    async (request, reply) => reply.code(201).send(await certifyBatch(db, request.params.id, request.body)),
  );

  app.get(
    '/batches/:id/coa',
    { config: { permission: 'coa:read' }, schema: { tags, params: idParam, response: { 200: listOf(coaVersionView.extend({ outdated: z.boolean() })) } } },
    async (request) => {
      await batchRow(db, request.params.id);
      return { items: await coaVersionsOf(db, request.params.id) };
    },
  );

  app.get(
    '/batches/:id/coa.pdf',
    { config: { permission: 'coa:read' }, schema: { tags, params: idParam, querystring: coaQuery, produces: ['application/pdf'] } },
    async (request, reply) => {
      const pdf = await coaPdf(db, request.params.id, request.query.version);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${pdf.filename}"`).send(pdf.buffer);
    },
  );

  app.post(
    '/batches/:id/coa/amendments',
    { config: { permission: 'coa:amend' }, schema: { tags, params: idParam, body: amendCoaBody, response: { 201: coaVersionView } } },
    async (request, reply) => {
      const row = await amendCoa(db, request.params.id, request.body);
      return reply.code(201).send({ version: row.version, reason: row.reason, issuedBy: row.issuedBy, issuedAt: row.issuedAt.toISOString() });
    },
  );

  app.get(
    '/release/physicians',
    { config: { permission: 'batches:release' }, schema: { tags, response: { 200: listOf(personView) } } },
    async () => ({ items: await activePhysicians(db) }),
  );

  app.get(
    '/release-notifications',
    { config: { permission: 'notifications:read' }, schema: { tags, querystring: notificationQuery, response: { 200: listOf(notificationView) } } },
    async (request) => ({ items: await notificationsFor(db, request.query) }),
  );

  app.get(
    '/release-notifications/:id',
    { config: { permission: 'notifications:read' }, schema: { tags, params: idParam, response: { 200: notificationView } } },
    async (request) => getNotification(db, request.params.id),
  );

  app.post(
    '/release-notifications/:id/acknowledge',
    { config: { permission: 'notifications:acknowledge' }, schema: { tags, params: idParam, body: acknowledgeBody, response: { 200: notificationView } } },
    async (request) => acknowledgeNotification(db, request.params.id, request.body),
  );
};
