/**
 * buildApp(deps) assembles the HTTP application: security headers, request context, problem+json
 * errors, OpenAPI, authorization and every module's routes. Tests build it in-process.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/client';
import type { App } from './platform/app-types';
import { authorize, enforceDeclaredPermissions, type DeclaredRoute } from './platform/auth';
import { runWithContext } from './platform/context';
import { installProblemHandlers, notFoundProblem } from './platform/problem-handler';
import { moduleRoutes } from './modules';

export interface BuildOptions {
  database: Database;
  logLevel?: string;
  /** Folder of the built web app to serve at /, if present. */
  webRoot?: string;
}

export interface BuiltApp {
  app: App;
  routes: DeclaredRoute[];
}

export const VERSION = '0.1.0';
const BODY_LIMIT = 256 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: BODY_LIMIT,
    requestIdHeader: false,
    // Accept a caller's request id only when it is safe to log; otherwise make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);

  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    runWithContext({ requestId: request.id, actor: null }, done);
  });
  await app.register(cookie);
  await app.register(helmet, { contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'] } } });
  await registerOpenApi(app);

  const routes: DeclaredRoute[] = [];
  enforceDeclaredPermissions(app, routes);
  // onRequest, before the body is parsed and validated: a refused caller learns nothing about valid input.
  app.addHook('onRequest', authorize(options.database.db));
  await app.register(
    async (api) => {
      for (const plugin of moduleRoutes) await plugin(api as App, { database: options.database, version: VERSION });
    },
    { prefix: '/api/v1' },
  );
  await serveWeb(app, options.webRoot);
  return { app, routes };
}

async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Hepatica API', version: VERSION, description: 'Cell and gene therapy center platform: chain of identity, custody, GMP.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hepatica_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

/** Serves the single-page app; unknown non-API paths get index.html so deep links work. */
async function serveWeb(app: App, webRoot: string | undefined): Promise<void> {
  const hasWeb = webRoot !== undefined && fs.existsSync(`${webRoot}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/fhir/');
    if (!hasWeb || isApi || request.method !== 'GET') return notFoundProblem(request, reply);
    return reply.type('text/html').sendFile('index.html');
  });
}
