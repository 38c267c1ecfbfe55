#!/usr/bin/env node
// `npm test`: the whole suite. Unit and integration tests (server integration tests on embedded
// PGlite, and again on PostgreSQL when DATABASE_URL is set), then the browser tests in Chromium.
// Without Chromium the browser tests are skipped with a clear message, except in CI, where a
// missing browser is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.HEPATICA_CHROMIUM ?? '/usr/bin/chromium';
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const totals = { passed: 0, failed: 0, skipped: 0 };
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hepatica-test-'));

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return result.status ?? 1;
}

function vitest(name, args) {
  const report = path.join(reportDir, `${name}.json`);
  const code = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  } else if (code !== 0) totals.failed += 1;
  return code;
}

let failed = false;
const postgres = process.env.HEPATICA_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
console.log(`\n== Unit and integration tests (PGlite${postgres ? ' and PostgreSQL' : ' only: set DATABASE_URL to run them on PostgreSQL too'}) ==`);
failed ||= vitest('unit', []) !== 0;

console.log('\n== Browser tests (Chromium) ==');
if (!fs.existsSync(CHROMIUM)) {
  const message = `Browser tests SKIPPED: Chromium not found at ${CHROMIUM} (install it with: apt-get install -y chromium).`;
  if (inCi) {
    console.error(`${message} In CI a missing browser is a failure.`);
    failed = true;
    totals.failed += 1;
  } else console.warn(message);
} else {
  failed ||= run('npm', ['run', 'build', '-w', '@hepatica/web']) !== 0;
  failed ||= vitest('e2e', ['--config', 'e2e/vitest.config.ts']) !== 0;
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed || totals.failed > 0 ? 1 : 0);
