import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const mainFile = path.join(repoRoot, 'server', 'dist', 'main.js');

export interface ServerProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  dataDir: string;
  /** Every JSON log line so far. */
  logs: Array<Record<string, unknown>>;
  stderr(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /**
   * Stops this server and starts a fresh one in its place (new DATA_DIR, new port, same settings): the
   * same object then answers for the new process, so a journey's `server.url` follows it.
   */
  restart(): Promise<void>;
}

/** The prepared database's file (support/global-setup.ts). */
export const preparedDatabaseVar = 'PASSERELLE_E2E_PREPARED_DATABASE';

/**
 * A new DATA_DIR starts with a copy of the run's prepared database (migrated, demo reference data imported:
 * what the server's own first start makes), unless the server is to make its database itself: a given
 * DATA_DIR or DATABASE_URL, the demo world, or other seed settings. The server still runs its migrations and
 * its seed at start, and finds them done.
 */
function newDataDir(env: Record<string, string>): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-'));
  const ownDatabase = ['DATA_DIR', 'DATABASE_URL', 'SEED_DEMO_DATA', 'NODE_ENV'].some((name) => name in env);
  const prepared = process.env[preparedDatabaseVar];
  if (!ownDatabase && (env.DEMO_WORLD ?? 'false') === 'false') {
    if (!prepared)
      throw new Error(`${preparedDatabaseVar} is not set: e2e/support/global-setup.ts did not run`);
    copyFileSync(prepared, path.join(dataDir, 'passerelle.sqlite'));
  }
  return dataDir;
}

/** A port that was free a moment ago: the portal must know its own address before it starts (PUBLIC_URL). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Running {
  url: string;
  child: ChildProcessWithoutNullStreams;
  dataDir: string;
  logs: Array<Record<string, unknown>>;
  stderr: () => string;
  exited?: Promise<number | null>;
}

/** The servers of this test file still running, and whether a test (not a hook) started them. */
const live = new Map<ServerProcess, { inTest: boolean }>();

/**
 * Whether a test is running (between the setup file's beforeEach and afterEach, support/fresh-world.ts).
 * Not `expect.getState().currentTestName`: vitest sets it when a test starts and never clears it, so in a
 * later describe's beforeAll, or in the next file of the same worker (isolate: false), it still names the
 * last test, and a retry then stopped a hook's server instead of restarting it (CI: ERR_CONNECTION_REFUSED).
 */
let testRunning = false;
export function markTestRunning(running: boolean): void {
  testRunning = running;
}

async function launch(env: Record<string, string>): Promise<Running> {
  const dataDir = env.DATA_DIR ?? newDataDir(env);
  const port = await freePort();
  const child = spawn(process.execPath, [mainFile], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DEV_IDENTITY_PROVIDER_PORT: '0',
      LOG_LEVEL: 'info',
      // The demo world (decision 0037) only for the journeys that ask for it: seeding it costs every
      // start seconds. The demo reference data (SEED_DEMO_DATA) stays: the journeys register its businesses.
      DEMO_WORLD: 'false',
      ...env,
    },
  });
  const logs: Array<Record<string, unknown>> = [];
  let errText = '';
  let buffer = '';
  child.stderr.on('data', (chunk: Buffer) => (errText += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${errText}`)), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${errText}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    dataDir,
    logs,
    stderr: () => errText,
  };
}

function stopRunning(running: Running): Promise<number | null> {
  running.exited ??= new Promise((resolve) => {
    const { child } = running;
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => {
      rmSync(running.dataDir, { recursive: true, force: true });
      resolve(code);
    });
    child.kill('SIGTERM');
  });
  return running.exited;
}

/**
 * Runs the built server (`node server/dist/main.js`, what `npm start` runs) on a free port and a temp
 * DATA_DIR, with the bundled sign-in partner on another free port of the same host. Without the demo
 * world unless `{ DEMO_WORLD: 'true' }`.
 */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  let running = await launch(env);
  const server: ServerProcess = {
    get url() {
      return running.url;
    },
    get child() {
      return running.child;
    },
    get dataDir() {
      return running.dataDir;
    },
    get logs() {
      return running.logs;
    },
    stderr: () => running.stderr(),
    stop() {
      live.delete(server);
      return stopRunning(running);
    },
    async restart() {
      await stopRunning(running);
      running = await launch(env);
    },
  };
  live.set(server, { inTest: testRunning });
  return server;
}

/**
 * Before a retry (docs/decisions/0018-browser-test-retry.md): the file's servers start afresh, so that
 * the retry does not meet what the failed attempt left (a business it registered, say), and the servers
 * that the failed attempt itself started are stopped. A retry then passes only if the first failure was
 * the machine's, not the world's.
 */
export async function freshWorldForRetry(testName: string | undefined): Promise<void> {
  if (testName !== undefined && continuing.has(testName))
    throw new Error(
      'No retry: this journey continues the one above it, whose world a fresh server would not have ' +
        '(docs/decisions/0018-browser-test-retry.md). The first attempt failed as reported.',
    );
  for (const [server, { inTest }] of live) {
    if (inTest) await server.stop();
    else await server.restart();
  }
}

/** Names of the journeys that go on from the world an earlier journey of the file built. */
const continuing = new Set<string>();

/**
 * Called first in a journey that needs what an earlier one of its file left (a person, a business): such a
 * journey gets no retry, since neither the world its failed attempt changed nor a fresh server is its world.
 */
export function continuesJourneyAbove(): void {
  const name = expect.getState().currentTestName;
  if (name !== undefined) continuing.add(name);
}

/** Every server of the file stopped, whatever its tests did (a failed test may leave one running). */
export async function stopLiveServers(): Promise<void> {
  for (const server of live.keys()) await server.stop();
  continuing.clear();
}

/** Runs the built server expecting it to fail at start; resolves with its exit code and stderr. */
export function runServerExpectingFailure(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mainFile], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}
