/**
 * Who is calling, and may they? Every API route declares `config.permission`; a route without one
 * cannot be registered. The session cookie or a bearer token identifies the user; the user's roles
 * must grant the route's permission.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { actorOf, SESSION_COOKIE, userForSession, userForToken } from '../modules/identity/sessions';
import { hasPermission, type Permission } from './access';
import { currentContext } from './context';
import { forbidden, unauthorized } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs, or 'public' for routes open without login. */
    permission?: Permission | 'public';
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: Permission | 'public';
}

/** Refuses to register an API route that does not declare its permission; lists the declared ones. */
export function enforceDeclaredPermissions(app: FastifyInstance, registry: DeclaredRoute[]): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registry.push({ method, url: route.url, permission });
    }
  });
}

async function resolveUser(db: Db, request: FastifyRequest) {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return userForToken(db, header.slice(7).trim());
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? userForSession(db, cookie) : null;
}

/** onRequest: puts the caller in the request context and checks the route's permission. */
export function authorize(db: Db) {
  return async (request: FastifyRequest): Promise<void> => {
    const permission = request.routeOptions.config.permission;
    if (!permission) return;
    const user = await resolveUser(db, request);
    const context = currentContext();
    if (user && context) context.actor = actorOf(user);
    if (permission === 'public') return;
    if (!user) throw unauthorized();
    if (!hasPermission(user.roles, permission)) throw forbidden();
  };
}
