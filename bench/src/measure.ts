/**
 * measure(): one autocannon run against a local server, reduced to the few numbers the report
 * prints (requests/s, p50/p99 latency, non-2xx and connection errors). The client runs in a worker
 * thread (client.worker.ts) so it does not compete with the server for the main event loop.
 * Every measurement of an engine uses the same load, so each can be set beside the bare route.
 */
import { Worker } from 'node:worker_threads';

/** The load every measurement of a run uses; BENCH_SECONDS / BENCH_CONNECTIONS / BENCH_WARMUP_SECONDS override. */
export interface Load {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export function loadFromEnv(env: NodeJS.ProcessEnv = process.env): Load {
  const int = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min} (got "${raw}")`);
    return value;
  };
  return {
    connections: int('BENCH_CONNECTIONS', 10, 1),
    seconds: int('BENCH_SECONDS', 5, 1),
    warmupSeconds: int('BENCH_WARMUP_SECONDS', 1, 0),
  };
}

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** What to hit: a URL (127.0.0.1 only), with an optional rotation of requests that each connection cycles through. */
export interface Target {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  requests?: BenchRequest[];
}

/** Sent to the worker (structured-cloned, so plain data only). */
export interface ClientJob extends Omit<Target, 'name'>, Load {}

export interface ClientResult {
  /** Responses (of any status) per second of the measured run. */
  requestsPerSecond: number;
  responses: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
}

export interface Measurement extends ClientResult {
  name: string;
}

const tsxApi = import.meta.resolve('tsx/esm/api');
const workerFile = new URL('./client.worker.ts', import.meta.url).href;
// Node 20 does not carry tsx's loader into worker threads, so the worker loads its TypeScript through tsx's API.
const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(workerFile)}, ${JSON.stringify(workerFile)}))`;

export function measure(target: Target, load: Load): Promise<Measurement> {
  const host = new URL(target.url).hostname;
  if (host !== '127.0.0.1') throw new Error(`Benchmarks only send traffic to 127.0.0.1, not ${host}`);
  const { name, ...rest } = target;
  const job: ClientJob = { ...rest, ...load };
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    let settled = false;
    worker.once('message', (result: ClientResult) => {
      settled = true;
      resolve({ name, ...result });
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The load-generator worker for "${name}" exited (code ${code}) without a result`));
    });
  });
}
