import { z } from 'zod';
import type { RoutePlugin } from '../../platform/app-types';
import { permissionsOf } from '../../platform/access';
import { requireUserActor } from '../../platform/context';
import { idParam, listOf } from '../../platform/schemas';
import { homeSite, listSites, siteView } from '../sites/sites.service';
import { createUserBody, loginBody, meResponse, tokenBody, tokenResponse, updateUserBody, userView } from './identity.schema';
import { createApiToken, createUser, getUserById, listUsers, login, logout, toUserView, updateUser } from './identity.service';
import { SESSION_COOKIE, SESSION_HOURS } from './sessions';

export const identityRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['auth'];
  app.post(
    '/auth/login',
    { config: { permission: 'public' }, schema: { tags, body: loginBody, response: { 200: z.object({ user: userView }) } } },
    async (request, reply) => {
      const { user, sessionSecret } = await login(db, request.body.username, request.body.password);
      void reply.setCookie(SESSION_COOKIE, sessionSecret, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
        maxAge: SESSION_HOURS * 3600,
      });
      return { user: toUserView(user) };
    },
  );

  app.post('/auth/logout', { config: { permission: 'self' }, schema: { tags } }, async (request, reply) => {
    const secret = request.cookies[SESSION_COOKIE];
    if (secret) await logout(db, secret);
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send();
  });

  app.get('/auth/me', { config: { permission: 'self' }, schema: { tags, response: { 200: meResponse } } }, async () => {
    const actor = requireUserActor();
    const site = (await listSites(db)).length ? siteView(await homeSite(db)) : null;
    return { user: toUserView(await getUserById(db, actor.id)), permissions: [...permissionsOf(actor.roles)].sort(), site };
  });

  app.post(
    '/auth/tokens',
    { config: { permission: 'self' }, schema: { tags, body: tokenBody, response: { 201: tokenResponse } } },
    async (request, reply) => reply.code(201).send(await createApiToken(db, request.body.name)),
  );

  const userTags = ['users'];
  app.get('/users', { config: { permission: 'users:read' }, schema: { tags: userTags, response: { 200: listOf(userView) } } }, async () => ({
    items: await listUsers(db),
  }));

  app.post(
    '/users',
    { config: { permission: 'users:write' }, schema: { tags: userTags, body: createUserBody, response: { 201: userView } } },
    async (request, reply) => reply.code(201).send(await createUser(db, request.body)),
  );

  app.patch(
    '/users/:id',
    { config: { permission: 'users:write' }, schema: { tags: userTags, params: idParam, body: updateUserBody, response: { 200: userView } } },
    async (request) => updateUser(db, request.params.id, request.body),
  );
};
