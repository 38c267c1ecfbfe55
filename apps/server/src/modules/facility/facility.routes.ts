/** Routes of cleanrooms, EM limits and EM samples (with the trend data for charts). */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { recordSample, sampleTrend } from './facility.em.service';
import { limitView, listLimits, updateLimit } from './facility.limits.service';
import {
  createRoomBody,
  createSampleBody,
  emLimitView,
  recordedSampleView,
  roomQuery,
  roomStatusBody,
  roomView as roomSchema,
  trendQuery,
  trendView,
  updateLimitBody,
} from './facility.schema';
import { createRoom, getRoom, listRooms, roomView, setRoomStatus } from './facility.service';

export const facilityRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['facility'];
  const roomById = async (id: string) => roomView(await getRoom(db, id));

  app.get(
    '/rooms',
    { config: { permission: 'facility:read' }, schema: { tags, querystring: roomQuery, response: { 200: listOf(roomSchema) } } },
    async (request) => ({ items: (await listRooms(db, request.query)).map(roomView) }),
  );

  app.get(
    '/rooms/:id',
    { config: { permission: 'facility:read' }, schema: { tags, params: idParam, response: { 200: roomSchema } } },
    async (request) => roomById(request.params.id),
  );

  app.post(
    '/rooms',
    { config: { permission: 'facility:write' }, schema: { tags, body: createRoomBody, response: { 201: roomSchema } } },
    async (request, reply) => reply.code(201).send(await roomById((await createRoom(db, request.body)).id)),
  );

  app.post(
    '/rooms/:id/status',
    { config: { permission: 'facility:write' }, schema: { tags, params: idParam, body: roomStatusBody, response: { 200: roomSchema } } },
    async (request) => roomById((await setRoomStatus(db, request.params.id, request.body)).id),
  );

  app.get(
    '/em/limits',
    { config: { permission: 'facility:read' }, schema: { tags, response: { 200: listOf(emLimitView) } } },
    async () => ({ items: (await listLimits(db)).map(limitView) }),
  );

  // Limits decide what counts as an excursion: QA sets them, those who record samples do not (facility:limits).
  app.put(
    '/em/limits/:id',
    { config: { permission: 'facility:limits' }, schema: { tags, params: idParam, body: updateLimitBody, response: { 200: emLimitView } } },
    async (request) => limitView(await updateLimit(db, request.params.id, request.body)),
  );

  app.post(
    '/rooms/:id/em-samples',
    { config: { permission: 'facility:write' }, schema: { tags, params: idParam, body: createSampleBody, response: { 201: recordedSampleView } } },
    async (request, reply) => reply.code(201).send(await recordSample(db, request.params.id, request.body)),
  );

  app.get(
    '/rooms/:id/em-samples',
    { config: { permission: 'facility:read' }, schema: { tags, params: idParam, querystring: trendQuery, response: { 200: trendView } } },
    async (request) => sampleTrend(db, request.params.id, request.query),
  );
};
