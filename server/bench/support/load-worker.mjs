// The bench's load generator (bench/support/compare.ts), in a worker thread: the HTTP client's own work runs
// beside the server's event loop instead of on it, as a broker's system would run on its own machine. Each
// message is one batch: `n` POSTs of `bodies` (in turn) to `url`, `concurrency` at a time; each answer must be
// a 200 without `"errors"` and contain every string of `mustInclude`; the answer is the batch's wall time, each
// request's latency, this thread's CPU for the batch, or the first wrong answer.
//
// The client must measure the server, not itself (it shares the machine's cores with the server): it keeps
// one keep-alive socket per concurrent caller, writes requests built once per body, and reads only the status
// line, the headers it needs (content length, chunked encoding, connection) and the body's bytes. About
// 0.1 ms of CPU a request where `fetch` (undici, a Response and its stream per request) took about 5 ms.
// `BENCH_HTTP_CLIENT=fetch` sends through `fetch` instead, to compare.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { parentPort } from 'node:worker_threads';

/** This thread's CPU so far, in ms (Linux: utime + stime of /proc/thread-self, 10 ms ticks); NaN elsewhere. */
function threadCpu() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

const CRLF_CRLF = Buffer.from('\r\n\r\n');

/** One keep-alive HTTP/1.1 connection that sends prebuilt requests one at a time. */
class Connection {
  constructor(host, port) {
    this.host = host;
    this.port = port;
    this.socket = null;
    this.pending = null;
  }

  connect() {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(socket);
      });
      socket.once('error', reject);
      socket.on('data', (chunk) => this.data(chunk));
      socket.on('error', (error) => this.fail(error));
      socket.on('close', () => {
        if (this.socket === socket) this.socket = null;
        this.fail(new Error('connection closed'));
      });
    });
  }

  /** Sends one request (a Buffer); answers `{ status, body }` (body as a string). */
  async send(request) {
    if (!this.socket) this.socket = await this.connect();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, chunks: [], length: 0, head: null };
      this.socket.write(request);
    });
  }

  fail(error) {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  data(chunk) {
    const p = this.pending;
    if (!p) return;
    p.chunks.push(chunk);
    p.length += chunk.length;
    let all = p.chunks.length === 1 ? p.chunks[0] : Buffer.concat(p.chunks, p.length);
    p.chunks = [all];
    if (!p.head) {
      const end = all.indexOf(CRLF_CRLF);
      if (end < 0) return;
      const head = all.toString('latin1', 0, end);
      const status = Number(head.slice(9, 12));
      const lower = head.toLowerCase();
      const length = /\r\ncontent-length: *(\d+)/.exec(lower);
      p.head = {
        status,
        bodyStart: end + 4,
        length: length ? Number(length[1]) : -1,
        chunked: /\r\ntransfer-encoding: *chunked/.test(lower),
        close: /\r\nconnection: *close/.test(lower),
      };
    }
    const { bodyStart, length, chunked, status, close } = p.head;
    let body;
    if (length >= 0) {
      if (all.length < bodyStart + length) return;
      body = all.toString('utf8', bodyStart, bodyStart + length);
    } else if (chunked) {
      body = dechunk(all, bodyStart);
      if (body === null) return;
    } else return;
    this.pending = null;
    if (close) {
      this.socket?.destroy();
      this.socket = null;
    }
    p.resolve({ status, body });
  }
}

/** The body of a complete chunked message from `start`, or null when more bytes are needed. */
function dechunk(all, start) {
  const parts = [];
  let at = start;
  for (;;) {
    const lineEnd = all.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return null;
    const size = Number.parseInt(all.toString('latin1', at, lineEnd), 16);
    if (size === 0) return all.length >= lineEnd + 4 ? Buffer.concat(parts).toString('utf8') : null;
    if (all.length < lineEnd + 2 + size + 2) return null;
    parts.push(all.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** Requests built once per (url, headers, body): the bench sends the same few bodies hundreds of times. */
const built = new Map();
function requestOf(url, headers, body) {
  const key = `${url}\n${JSON.stringify(headers)}\n${body}`;
  let request = built.get(key);
  if (!request) {
    const target = new URL(url);
    const bytes = Buffer.from(body, 'utf8');
    const lines = [`POST ${target.pathname}${target.search} HTTP/1.1`, `host: ${target.host}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    lines.push(`content-length: ${bytes.length}`, '', '');
    request = Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), bytes]);
    built.set(key, request);
  }
  return request;
}

/** Keep-alive connections per origin, one per concurrent caller, kept from batch to batch. */
const pools = new Map();
function connections(url, count) {
  const target = new URL(url);
  let pool = pools.get(target.host);
  if (!pool) pools.set(target.host, (pool = []));
  while (pool.length < count) pool.push(new Connection(target.hostname, Number(target.port || 80)));
  return pool.slice(0, count);
}

async function viaSocket(url, headers, body, connection) {
  return connection.send(requestOf(url, headers, body));
}

async function viaFetch(url, headers, body) {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}

const useFetch = process.env.BENCH_HTTP_CLIENT === 'fetch';

parentPort.on('message', async ({ url, headers, bodies, mustInclude = [], n, concurrency, offset }) => {
  const latencies = [];
  let started = 0;
  let failure = null;
  const lanes = Math.min(concurrency, n);
  const pool = useFetch ? [] : connections(url, lanes);
  const cpuBefore = threadCpu();
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      while (started < n && !failure) {
        const body = bodies[(offset + started) % bodies.length];
        started += 1;
        const at = performance.now();
        let answer;
        try {
          answer = useFetch
            ? await viaFetch(url, headers, body)
            : await viaSocket(url, headers, body, pool[lane]);
        } catch (error) {
          failure = `no answer: ${error.message}`;
          break;
        }
        latencies.push(performance.now() - at);
        const text = answer.body;
        if (
          answer.status !== 200 ||
          text.includes('"errors"') ||
          mustInclude.some((part) => !text.includes(part))
        )
          failure = `${answer.status} ${text.slice(0, 300)}`;
      }
    }),
  );
  const wall = performance.now() - begin;
  parentPort.postMessage({ wall, latencies, failure, cpu: threadCpu() - cpuBefore });
});
