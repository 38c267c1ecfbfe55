/**
 * The load generator, run in its own worker thread by measure.ts. Keeping autocannon off the main
 * thread leaves that thread to the server under test (and to PGlite, which runs there too), so a
 * measurement is of the server, not of the client sharing its event loop. Latencies are taken from
 * autocannon's per-response event in fractional milliseconds: its own histogram counts whole
 * milliseconds, which rounds a bare route's p99 to 0 or 1 and makes a ratio to it meaningless.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { ClientJob, ClientResult } from './measure';

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function fire(job: ClientJob, seconds: number, latencies: number[] | null): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: seconds,
        ...(job.method ? { method: job.method } : {}),
        ...(job.headers ? { headers: job.headers } : {}),
        ...(job.requests ? { requests: job.requests } : {}),
      },
      (error: unknown, result: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)),
    );
    if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

async function main(): Promise<void> {
  const job = workerData as ClientJob;
  if (job.warmupSeconds > 0) await fire(job, job.warmupSeconds, null);
  const latencies: number[] = [];
  const result = await fire(job, job.seconds, latencies);
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  const out: ClientResult = {
    requestsPerSecond: result.requests.average,
    responses: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
  parentPort!.postMessage(out);
}

await main();
