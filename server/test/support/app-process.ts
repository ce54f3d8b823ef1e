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
  /** Attempts that found a backend refusing connections and went to the next. */
  retried: number;
  /** Requests the balancer could not answer (no backend left, or a connection cut after the request was sent). */
  failed: number;
  /** The error codes of those requests. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A round-robin HTTP balancer over `backends`, as docs/operations.md asks of one: it probes each backend's
 * /readyz every 100 ms and sends only to those that answered 200 (a stopping process answers 503 for
 * SHUTDOWN_DRAIN_DELAY_MS while it still listens, so the balancer has left it before its listener closes); a
 * fresh connection per request (no keep-alive); a connection refused (the request never reached the backend:
 * safe to retry even for a POST) goes to the next backend. A connection reset before any answer is a failure:
 * with the drain delay no request waits in the accept queue of a listener that closes (Linux resets those).
 */
export async function startBalancer(backends: string[]): Promise<Balancer> {
  let next = 0;
  const state = { served: backends.map(() => 0), retried: 0, failed: 0, errors: [] as string[] };
  const ready = backends.map(() => true);
  const probe = async (i: number) => {
    try {
      const answer = await fetch(new URL('/readyz', backends[i]), { signal: AbortSignal.timeout(1_000) });
      await answer.arrayBuffer();
      ready[i] = answer.ok;
    } catch {
      ready[i] = false;
    }
  };
  let probing = true;
  const probes = (async () => {
    while (probing) {
      await Promise.all(backends.map((_, i) => probe(i)));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      // The first try goes round-robin over the ready backends; a retry goes to the one after the one that refused.
      const pick = (from: number) => {
        for (let k = 0; k < backends.length; k += 1) {
          const i = (from + k) % backends.length;
          if (ready[i]) return i;
        }
        return from % backends.length;
      };
      const attempt = (tries: number, after?: number) => {
        const index = after === undefined ? pick(next++) : pick(after + 1);
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
          // Refused: the backend no longer listens, the request never reached it: retried, as nginx does.
          if (!res.headersSent && error.code === 'ECONNREFUSED' && tries < backends.length) {
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
    close: async () => {
      probing = false;
      await probes;
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
