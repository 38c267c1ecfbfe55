/**
 * Starts the real server the way `npm start` does (the `hepatica start` command on a fresh embedded
 * database with the demo center) on a free port, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bootstrap admin's password in the test center (a second person for witness steps). */
export const ADMIN_PASSWORD = 'E2e-Witness-Passw0rd!';

const BIN = fileURLToPath(new URL('../../apps/server/bin/hepatica.mjs', import.meta.url));

export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  // First start seeds the whole demo center (about a minute on a busy 2-core machine).
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hepatica-e2e-')), 'data');
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', HEPATICA_DATA_DIR: dataDir, HEPATICA_DEMO: '1', HEPATICA_LOG_LEVEL: 'warn', DATABASE_URL: '', HEPATICA_ADMIN_PASSWORD: ADMIN_PASSWORD };
  const child = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => log);
  return {
    url,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}
