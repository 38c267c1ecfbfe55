import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RoutePlugin } from '../../platform/app-types';

const healthView = z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']), version: z.string() });

/** Readiness: answers 200 only when the database answers. */
export const healthRoutes: RoutePlugin = (app, { database, version }) => {
  app.get('/health', { config: { permission: 'public' }, schema: { tags: ['platform'], response: { 200: healthView } } }, async () => {
    await database.db.execute(sql`SELECT 1`);
    return { status: 'ok' as const, database: database.engine, version };
  });
};
