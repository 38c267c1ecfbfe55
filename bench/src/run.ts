/**
 * `npm run bench`: for each engine (embedded PGlite always; PostgreSQL when DATABASE_URL or
 * HEPATICA_TEST_DATABASE_URL is set) builds a fresh database and the real server, measures a bare
 * route, then every suite, and prints each endpoint's requests/s and p99 beside the bare route's as a
 * ratio. Numbers from different machines are not comparable; the ratio to the bare route measured in
 * the same run is. Suites may add notes printed under the table (the genealogy suite's trace timings
 * beside a full scan of a million edges). Exits 1 if any measured request failed, so errors are never reported as speed.
 *
 * Add a suite: write `<name>.bench.ts` exporting a Suite (see fixtures.ts) and list it in ALL_SUITES.
 * BENCH_SUITES=<name>[,<name>…] runs only those suites.
 */
import { custodySuite } from './custody.bench';
import { genealogySuite } from './genealogy.bench';
import { trailSuite } from './trail.bench';
import {
  BARE_PATH,
  openPgliteBench,
  openPostgresBench,
  seedSite,
  startBenchServer,
  type BenchDatabase,
  type BenchServer,
  type EngineName,
  type Suite,
} from './fixtures';
import { loadFromEnv, measure, type Load, type Measurement } from './measure';

const ALL_SUITES: Suite[] = [custodySuite, genealogySuite, trailSuite];

/** BENCH_SUITES=trail,genealogy runs only those suites (the bare route is always measured); unset runs all. */
function suitesFromEnv(raw = process.env.BENCH_SUITES): Suite[] {
  if (!raw?.trim()) return ALL_SUITES;
  const names = raw.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !ALL_SUITES.some((s) => s.name === n));
  if (unknown.length) throw new Error(`BENCH_SUITES: unknown suite ${unknown.join(', ')} (known: ${ALL_SUITES.map((s) => s.name).join(', ')})`);
  return ALL_SUITES.filter((s) => names.includes(s.name));
}

interface EngineReport {
  engine: EngineName;
  bare: Measurement;
  measurements: Measurement[];
  notes: string[];
}

const cleanups = new Set<() => Promise<void>>();

async function benchEngine(engine: EngineName, open: () => Promise<BenchDatabase>, load: Load, suites: Suite[]): Promise<EngineReport> {
  const started = Date.now();
  const bench = await open();
  cleanups.add(bench.dispose);
  let server: BenchServer | undefined;
  try {
    await seedSite(bench.database.db);
    server = await startBenchServer(bench.database);
    const bare = await measure({ name: `GET ${BARE_PATH} (bare)`, url: `${server.baseUrl}${BARE_PATH}` }, load);
    const measurements: Measurement[] = [];
    const notes: string[] = [];
    for (const suite of suites) {
      measurements.push(...(await suite.run({ engine, database: bench.database, server, load, notes })));
    }
    console.error(`${engine}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { engine, bare, measurements, notes };
  } finally {
    await server?.close();
    await bench.dispose();
    cleanups.delete(bench.dispose);
  }
}

const fmt = {
  rate: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-'),
  ms: (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '-'),
  ratio: (n: number) => (Number.isFinite(n) ? (n < 0.1 ? n.toFixed(4) : n < 10 ? n.toFixed(3) : n.toFixed(1)) : '-'),
};

function printReport({ engine, bare, measurements, notes }: EngineReport, load: Load): void {
  const head = ['endpoint', 'req/s', 'p99 ms', 'non-2xx', 'req/s ÷ bare', 'p99 ÷ bare'];
  const rows = [bare, ...measurements].map((m) => [
    m.name,
    fmt.rate(m.requestsPerSecond),
    fmt.ms(m.p99Ms),
    String(m.non2xx + m.errors),
    m === bare ? '1' : fmt.ratio(m.requestsPerSecond / bare.requestsPerSecond),
    m === bare ? '1' : fmt.ratio(m.p99Ms / bare.p99Ms),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(
    `\n${engine} — ${load.connections} connections, ${load.seconds} s each (after ${load.warmupSeconds} s warm-up), Node ${process.version}`,
  );
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  if (notes.length) console.log(`\n${engine} ${notes.join('\n')}`);
}

/** Every measurement must be all 2xx with no connection errors; returns what was wrong. */
function failures({ engine, bare, measurements }: EngineReport): string[] {
  return [bare, ...measurements]
    .filter((m) => m.non2xx > 0 || m.errors > 0 || m.responses === 0)
    .map(
      (m) =>
        `${engine} ${m.name}: ${m.responses} responses, ${m.non2xx} non-2xx, ${m.errors} connection errors or timeouts; status codes ${JSON.stringify(m.statusCodes)}`,
    );
}

async function main(): Promise<number> {
  const load = loadFromEnv();
  const suites = suitesFromEnv();
  const postgresUrl = process.env.DATABASE_URL || process.env.HEPATICA_TEST_DATABASE_URL;
  const engines: [EngineName, () => Promise<BenchDatabase>][] = [['PGlite', openPgliteBench]];
  if (postgresUrl) engines.push(['PostgreSQL', () => openPostgresBench(postgresUrl)]);

  const problems: string[] = [];
  for (const [engine, open] of engines) {
    const report = await benchEngine(engine, open, load, suites);
    printReport(report, load);
    problems.push(...failures(report));
  }
  if (!postgresUrl) console.log('\nPostgreSQL: skipped (DATABASE_URL not set)');
  if (problems.length) {
    console.error(`\nFAILED: requests that did not succeed were measured:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  return 0;
}

// Ctrl-C must not leave a bench database behind on the PostgreSQL server.
process.once('SIGINT', () => {
  void Promise.allSettled([...cleanups].map((dispose) => dispose())).then(() => process.exit(130));
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
