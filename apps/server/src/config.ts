/** Process configuration, read once from the environment (names fixed by shared/spec/api-v1.md). */
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  HEPATICA_DATA_DIR: z.string().min(1).default('./data'),
  // An empty value (as env files often leave it) means "not set".
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
      .optional(),
  ),
  HEPATICA_ADMIN_PASSWORD: z.string().optional(),
  HEPATICA_DEMO: z.enum(['0', '1']).default('1'),
  HEPATICA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  logLevel: string;
}

/** Reads and validates the environment; a bad value stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.HEPATICA_DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    adminPassword: e.HEPATICA_ADMIN_PASSWORD || undefined,
    demo: e.HEPATICA_DEMO === '1',
    logLevel: e.HEPATICA_LOG_LEVEL,
  };
}
