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

interface Tally {
  latencies: number[];
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
}

/** Resolves with the seconds the run took. */
function fire(job: ClientJob, seconds: number, tally: Tally | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: seconds,
        ...(job.method ? { method: job.method } : {}),
        ...(job.headers ? { headers: job.headers } : {}),
        ...(job.requests ? { requests: job.requests } : {}),
      },
      (error: unknown) =>
        error
          ? reject(error instanceof Error ? error : new Error(String(error)))
          : resolve((performance.now() - started) / 1000),
    );
    if (!tally) return;
    instance.on('response', (_client, status, _bytes, ms) => {
      tally.latencies.push(ms);
      tally.statusCodes[status] = (tally.statusCodes[status] ?? 0) + 1;
      if (status < 200 || status > 299) tally.non2xx++;
    });
    instance.on('reqError', () => tally.errors++);
  });
}

// In a worker thread autocannon hands back its raw, unaggregated result; everything is counted here instead.
async function main(): Promise<void> {
  const job = workerData as ClientJob;
  if (job.warmupSeconds > 0) await fire(job, job.warmupSeconds, null);
  const tally: Tally = { latencies: [], statusCodes: {}, non2xx: 0, errors: 0 };
  const seconds = await fire(job, job.seconds, tally);
  const sorted = Float64Array.from(tally.latencies).sort();
  const out: ClientResult = {
    requestsPerSecond: sorted.length / seconds,
    responses: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    non2xx: tally.non2xx,
    errors: tally.errors,
    statusCodes: tally.statusCodes,
  };
  parentPort!.postMessage(out);
}

await main();
