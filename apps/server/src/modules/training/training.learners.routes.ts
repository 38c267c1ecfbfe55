/** Routes of learners: list, register (external or staff), their training record, and a trainee login. */
import { z } from 'zod';
import type { RoutePlugin } from '../../platform/app-types';
import { requireUserActor } from '../../platform/context';
import { idParam, listOf } from '../../platform/schemas';
import { createAccountBody, createLearnerBody, learnerQuery, learnerRecordView, learnerView as learnerSchema } from './training.learners.schema';
import { createLearner, createLearnerAccount, findLearnerByUser, getLearnerRow, learnerView, listLearners } from './training.learners.service';
import { learnerRecord } from './training.record';

export const trainingLearnersRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['training'];
  app.get(
    '/training/learners',
    { config: { permission: 'training:read' }, schema: { tags, querystring: learnerQuery, response: { 200: listOf(learnerSchema) } } },
    async (request) => ({ items: (await listLearners(db, request.query)).map(learnerView) }),
  );

  app.get(
    '/training/learners/:id',
    { config: { permission: 'training:read' }, schema: { tags, params: idParam, response: { 200: learnerSchema } } },
    async (request) => learnerView(await getLearnerRow(db, request.params.id)),
  );

  // Everyone's own learner (or null before their first training), so "My training" can find its record.
  app.get(
    '/training/me',
    { config: { permission: 'self' }, schema: { tags, response: { 200: z.object({ learner: learnerSchema.nullable() }) } } },
    async () => {
      const learner = await findLearnerByUser(db, requireUserActor().id);
      return { learner: learner ? learnerView(await getLearnerRow(db, learner.id)) : null };
    },
  );

  app.get(
    '/training/learners/:id/record',
    // 'self': everyone may ask; the service shows people without training:read only their own record.
    { config: { permission: 'self' }, schema: { tags, params: idParam, response: { 200: learnerRecordView } } },
    async (request) => learnerRecord(db, request.params.id),
  );

  app.post(
    '/training/learners',
    { config: { permission: 'training:write' }, schema: { tags, body: createLearnerBody, response: { 201: learnerSchema } } },
    async (request, reply) => reply.code(201).send(learnerView(await createLearner(db, request.body))),
  );

  // Creating a login is identity administration, hence users:write rather than a training permission.
  app.post(
    '/training/learners/:id/account',
    { config: { permission: 'users:write' }, schema: { tags, params: idParam, body: createAccountBody, response: { 200: learnerSchema } } },
    async (request) => learnerView(await createLearnerAccount(db, request.params.id, request.body)),
  );
};
