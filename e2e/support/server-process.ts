import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

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

/**
 * Runs the built server (`node server/dist/main.js`, what `npm start` runs) on a free port and a temp
 * DATA_DIR, with the bundled sign-in partner on another free port of the same host.
 */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-'));
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
  let exited: Promise<number | null> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    dataDir,
    logs,
    stderr: () => errText,
    stop() {
      exited ??= new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve(code);
        });
        child.kill('SIGTERM');
      });
      return exited;
    },
  };
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
