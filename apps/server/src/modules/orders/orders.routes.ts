import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { createOrderBody, orderQuery, orderTimelineView, orderView as orderSchema } from './orders.schema';
import { createOrder, getOrder, listOrders, orderView } from './orders.service';
import { orderTimeline } from './orders.timeline';

export const ordersRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['orders'];
  app.get(
    '/orders',
    { config: { permission: 'orders:read' }, schema: { tags, querystring: orderQuery, response: { 200: listOf(orderSchema) } } },
    async (request) => ({ items: (await listOrders(db, request.query.patientId)).map(orderView) }),
  );

  app.get(
    '/orders/:id',
    { config: { permission: 'orders:read' }, schema: { tags, params: idParam, response: { 200: orderSchema } } },
    async (request) => orderView(await getOrder(db, request.params.id)),
  );

  app.post(
    '/orders',
    { config: { permission: 'orders:write' }, schema: { tags, body: createOrderBody, response: { 201: orderSchema } } },
    async (request, reply) => reply.code(201).send(orderView(await createOrder(db, request.body))),
  );

  app.get(
    '/orders/:id/timeline',
    { config: { permission: 'orders:read' }, schema: { tags, params: idParam, response: { 200: orderTimelineView } } },
    async (request) => orderTimeline(db, request.params.id),
  );
};
