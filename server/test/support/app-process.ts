import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Real app processes for tests of several processes (scale-out.spec.ts): `node src/main.ts` through the swc
// hooks (ts-register.mjs), so that signals and exits are the real ones, with no build. As e2e/support's
// server-process.ts, which runs the built server for the browser journeys.

const serverDir = path.resolve(import.meta.dirname, '..', '..');

export interface AppProcess {
  name: string;
  url: string;
  child: ChildProcessWithoutNullStreams;
  logs: Array<Record<string, unknown>>;
  /** Sends SIGTERM; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `src/main.ts` with `env` on a free port and a temp DATA_DIR; resolves once it listens. */
export async function startAppProcess(name: string, env: Record<string, string>): Promise<AppProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `passerelle-${name}-`));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', './test/support/ts-register.mjs', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH,
      TZ: process.env.TZ,
      NODE_ENV: 'test',
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${errText}`)), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry.msg === 'listening') {
            clearTimeout(timer);
            resolve();
          }
        } catch {
          // Not a log line.
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${errText}`));
    });
  });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    child,
    logs,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface Balancer {
  url: string;
  /** Requests each backend answered, by index. */
  served: number[];
  /** Attempts that found a backend refusing (or resetting, unread) connections and went to the next. */
  retried: number;
  /** Requests the balancer could not answer (no backend left, or a connection cut after the request was sent). */
  failed: number;
  /** The error codes of those requests. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A round-robin HTTP balancer over `backends`: a fresh connection per request (no keep-alive, so a backend
 * that stops listening refuses, which is safe to retry even for a POST: the request never reached it); a
 * connection refused, or reset before any answer (queued unaccepted when the backend closed its listener), goes
 * to the next backend; answers (event streams included) are piped as they come.
 */
export async function startBalancer(backends: string[]): Promise<Balancer> {
  let next = 0;
  const state = { served: backends.map(() => 0), retried: 0, failed: 0, errors: [] as string[] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      // The first try goes round-robin; a retry goes to the backend after the one that refused.
      const attempt = (tries: number, after?: number) => {
        const index = after === undefined ? next++ % backends.length : (after + 1) % backends.length;
        const target = new URL(req.url ?? '/', backends[index]);
        const upstream = http.request(
          target,
          { method: req.method, headers: req.headers, agent: false },
          (answer) => {
            state.served[index] += 1;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          // Refused: the backend no longer listens. Reset before any answer: the connection sat in the
          // backend's accept queue when it closed its listener on SIGTERM (Linux resets those), so the app never
          // read the request (it drains every connection it accepted; shutdown.spec). Both are retried, as
          // nginx's `proxy_next_upstream error non_idempotent` does for an app that keeps that contract.
          const neverRead = error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET';
          if (!res.headersSent && neverRead && tries < backends.length) {
            state.retried += 1;
            attempt(tries + 1, index);
            return;
          }
          state.failed += 1;
          state.errors.push(
            `${error.code ?? error.message} (${res.headersSent ? 'after' : 'before'} the answer began)`,
          );
          if (!res.headersSent) res.writeHead(502).end();
          else res.destroy();
        });
        res.on('close', () => upstream.destroy());
        upstream.end(body);
      };
      attempt(0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get served() {
      return state.served;
    },
    get retried() {
      return state.retried;
    },
    get failed() {
      return state.failed;
    },
    get errors() {
      return state.errors;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
