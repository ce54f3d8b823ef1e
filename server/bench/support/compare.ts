import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { type DataSource } from 'typeorm';
import { bench, describe } from 'vitest';
import { drivers, type DriverName } from '../../test/support/databases.js';

// The bench's own harness (docs/performance.md): which scenarios a run covers, and a comparison of the real
// path with a floor written by hand, run interleaved in the same process so that both sides meet the same
// machine (the machine is shared: a neighbour's load falls on both sides alike).

/**
 * `BENCH=portfolio,sign-in` runs those scenarios only; unset or `all`, every one. Names: http, notices,
 * portfolio, portfolio-5000, sign-in, typename.
 */
export function selected(scenario: string): boolean {
  const wanted = (process.env.BENCH ?? 'all').split(',').map((s) => s.trim());
  return wanted.includes('all') || wanted.includes(scenario);
}

/** Shows a file's scenarios as skipped when BENCH leaves them out (vitest fails a bench file without suites). */
export function skippedUnless(any: boolean, name: string): void {
  if (!any) describe.skip(name, () => bench('not selected (BENCH)', () => {}));
}

/** The databases a run covers: SQLite, and MySQL/MariaDB with MYSQL_URL; `BENCH_DRIVERS=mysql` narrows. */
export function benchDrivers(): DriverName[] {
  const only = process.env.BENCH_DRIVERS?.split(',').map((s) => s.trim());
  return only ? drivers.filter((d) => only.includes(d)) : drivers;
}

/** `BENCH_SCALE=0.1` runs a tenth of the requests (while developing); 1 is the full run. */
export function scaled(requests: number): number {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  return Math.max(8, Math.round(requests * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

export interface Comparison {
  scenario: string;
  driver: DriverName | 'none';
  /** What the real side is measured against. */
  floorName: string;
  /** The real path: HTTP requests (sent from a worker thread), or a call that throws on a wrong answer. */
  real: Side;
  /** The same through the floor. */
  floor: Side;
  requests: number;
  concurrency: number;
  /** SQL statements of one real request, and of the floor's (null: no database on that side). */
  statements: { real: number | null; floor: number | null };
  /** At least this ratio (real throughput / floor throughput), at most this many statements. */
  target: { ratio: number; statements?: number };
}

export interface Outcome {
  scenario: string;
  driver: string;
  floorName: string;
  ratio: number;
  realPerSecond: number;
  floorPerSecond: number;
  p50: number;
  p99: number;
  floorP50: number;
  statements: number | null;
  floorStatements: number | null;
  target: Comparison['target'];
  met: boolean;
}

/** POSTs of `bodies` (in turn) to `url`, each answer checked for status 200 and no errors. */
export interface HttpSide {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  /** Each answer must contain every one of these (a sign-in's `"userErrors":[]`, say), or the batch fails. */
  mustInclude?: string[];
}

export type Side = HttpSide | (() => Promise<void>);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

interface Batch {
  wall: number;
  latencies: number[];
  /** The load worker's own CPU for the batch, in ms (HTTP sides; NaN off Linux); none for a call. */
  cpu?: number;
}

let client: Worker | undefined;
let sent = 0;

/** Runs `n` requests of an HTTP side in the load worker (started once, kept for the run). */
function httpBatch(side: HttpSide, n: number, concurrency: number): Promise<Batch> {
  client ??= new Worker(new URL('./load-worker.mjs', import.meta.url));
  client.unref();
  const worker = client;
  const offset = sent;
  sent += n;
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      worker.off('message', answered);
      reject(error);
    };
    const answered = (result: Batch & { failure: string | null }) => {
      worker.off('error', failed);
      if (result.failure) reject(new Error(result.failure));
      else resolve(result);
    };
    worker.once('message', answered);
    worker.once('error', failed);
    worker.postMessage({ ...side, n, concurrency, offset });
  });
}

/** Runs `n` calls of a side, `concurrency` at a time; answers the wall time and each call's latency. */
function batch(side: Side, n: number, concurrency: number): Promise<Batch> {
  return typeof side === 'function' ? callBatch(side, n, concurrency) : httpBatch(side, n, concurrency);
}

async function callBatch(work: () => Promise<void>, n: number, concurrency: number): Promise<Batch> {
  const latencies: number[] = [];
  let started = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (started < n) {
        started += 1;
        const at = performance.now();
        await work();
        latencies.push(performance.now() - at);
      }
    }),
  );
  return { wall: performance.now() - begin, latencies };
}

/** The CPU time so far of a /proc `stat` file's thread or process, in ms (utime + stime, 10 ms ticks); NaN elsewhere. */
function procCpu(file: string): number {
  try {
    const stat = readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The server thread's CPU time so far, in ms (Linux: the main thread's counters); NaN elsewhere. */
const serverThreadCpu = () => procCpu(`/proc/${process.pid}/task/${process.pid}/stat`);

/** The local MariaDB/MySQL server's process id (Linux), found once; null when there is none. */
let databasePid: number | null | undefined;
function databaseProcess(): number | null {
  if (databasePid !== undefined) return databasePid;
  databasePid = null;
  try {
    for (const entry of readdirSync('/proc'))
      if (/^\d+$/.test(entry)) {
        const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
        if (comm === 'mariadbd' || comm === 'mysqld') databasePid = Number(entry);
      }
  } catch {
    // Not Linux: no figure.
  }
  return databasePid;
}

/** The database server's CPU so far, in ms (every client's statements, this process's and others'); NaN without one. */
function databaseCpu(): number {
  const pid = databaseProcess();
  return pid === null ? Number.NaN : procCpu(`/proc/${pid}/stat`);
}

/**
 * Times the real side against its floor: a warm-up of each, then 10 rounds that alternate which side goes
 * first, each side `requests / 10` calls at `concurrency`. Throughput is calls over the sides' summed wall
 * time; latencies are per call.
 */
export async function compare(c: Comparison): Promise<Outcome> {
  const rounds = 10;
  const per = Math.max(c.concurrency, Math.ceil(c.requests / rounds));
  await batch(c.real, c.concurrency * 2, c.concurrency);
  await batch(c.floor, c.concurrency * 2, c.concurrency);
  const totals = () => ({
    wall: 0,
    busy: 0,
    cpu: 0,
    processCpu: 0,
    clientCpu: 0,
    databaseCpu: 0,
    latencies: [] as number[],
  });
  const sides = { real: totals(), floor: totals() };
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 ? (['real', 'floor'] as const) : (['floor', 'real'] as const);
    for (const side of order) {
      const before = performance.eventLoopUtilization();
      const cpuBefore = serverThreadCpu();
      const processBefore = process.cpuUsage();
      const databaseBefore = c.driver === 'mysql' ? databaseCpu() : Number.NaN;
      const result = await batch(side === 'real' ? c.real : c.floor, per, c.concurrency);
      sides[side].busy += performance.eventLoopUtilization(before).active;
      sides[side].cpu += serverThreadCpu() - cpuBefore;
      const used = process.cpuUsage(processBefore);
      sides[side].processCpu += (used.user + used.system) / 1000;
      sides[side].wall += result.wall;
      sides[side].clientCpu += result.cpu ?? 0;
      sides[side].databaseCpu += databaseCpu() - databaseBefore;
      sides[side].latencies.push(...result.latencies);
    }
  }
  const realSorted = sides.real.latencies.sort((a, b) => a - b);
  const floorSorted = sides.floor.latencies.sort((a, b) => a - b);
  const realPerSecond = (realSorted.length / sides.real.wall) * 1000;
  const floorPerSecond = (floorSorted.length / sides.floor.wall) * 1000;
  const ratio = realPerSecond / floorPerSecond;
  const outcome: Outcome = {
    scenario: c.scenario,
    driver: c.driver,
    floorName: c.floorName,
    ratio,
    realPerSecond,
    floorPerSecond,
    p50: percentile(realSorted, 50),
    p99: percentile(realSorted, 99),
    floorP50: percentile(floorSorted, 50),
    statements: c.statements.real,
    floorStatements: c.statements.floor,
    target: c.target,
    met:
      ratio >= c.target.ratio &&
      (c.target.statements === undefined || (c.statements.real ?? 0) <= c.target.statements),
  };
  report(outcome);
  // Where a side's time goes besides its floor, per request: the server thread's CPU (Linux: its own counters,
  // whatever the machine's load), the process's CPU (every thread: argon2's pool, the load worker), and the
  // server thread's busy time (event loop utilization: descheduled time included on a loaded machine), and
  // the load worker's own CPU (its thread's counters: what the HTTP client costs, part of the process's CPU).
  const perRequest = (side: 'real' | 'floor') => {
    const n = sides[side].latencies.length;
    const ms = (total: number, digits = 1) => (Number.isNaN(total) ? 'n/a' : (total / n).toFixed(digits));
    // Under 10 ms (`{ __typename }`, sign-in), a tenth of a millisecond is a fifth of what is compared.
    const client = typeof c[side] === 'function' ? '' : `, ${ms(sides[side].clientCpu, 2)} ms client CPU`;
    return `${side} ${ms(sides[side].cpu, sides[side].cpu / n < 10 ? 2 : 1)} ms server thread CPU, ${ms(sides[side].processCpu)} ms process CPU, ${ms(sides[side].busy)} ms busy (${((100 * sides[side].busy) / sides[side].wall).toFixed(0)} %)${client}`;
  };
  process.stdout.write(`  per request: ${perRequest('real')}; ${perRequest('floor')}\n`);
  // MySQL/MariaDB on this machine: its CPU while the real side ran, less what it spent at the same rate while
  // the floor ran (the other clients of a shared server), per request.
  if (c.driver === 'mysql' && !Number.isNaN(sides.real.databaseCpu)) {
    const background = (sides.floor.databaseCpu / sides.floor.wall) * sides.real.wall;
    const own = (sides.real.databaseCpu - background) / sides.real.latencies.length;
    process.stdout.write(
      `  database server CPU: ${own.toFixed(1)} ms per real request (${(sides.real.databaseCpu / sides.real.latencies.length).toFixed(1)} ms before taking off ${(background / sides.real.latencies.length).toFixed(1)} ms of other clients' rate)\n`,
    );
  }
  if (process.env.BENCH_PROFILE) await profile(c, process.env.BENCH_PROFILE);
  return outcome;
}

/**
 * BENCH_PROFILE=<dir>: after the comparison, the real side again under V8's CPU profiler (vitest's workers
 * exit before `node --cpu-prof` would write), saved as <dir>/<scenario>-<driver>.cpuprofile for Chrome's
 * DevTools or bench/support/profile-summary.mjs.
 */
async function profile(c: Comparison, dir: string): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  await batch(c.real, Math.max(c.concurrency, Math.ceil(c.requests / 2)), c.concurrency);
  const { profile: result } = await session.post('Profiler.stop');
  session.disconnect();
  mkdirSync(dir, { recursive: true });
  const name = `${c.scenario}-${c.driver}`.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
  writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(result));
}

const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.versions.node}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

/** Prints one line per outcome (a row of docs/performance.md's table), and appends it to BENCH_OUT if set. */
function report(o: Outcome): void {
  const statements = (n: number | null) => (n === null ? '—' : String(n));
  const target = `≥ ${o.target.ratio}x${o.target.statements !== undefined ? `, ≤ ${o.target.statements} statements` : ''}`;
  const row = `| ${o.scenario} | ${o.driver} | ${o.floorName}: ${o.floorPerSecond.toFixed(0)}/s, p50 ${o.floorP50.toFixed(1)} ms, ${statements(o.floorStatements)} st. | **${o.ratio.toFixed(2)}x** (${o.realPerSecond.toFixed(0)}/s) | ${o.p50.toFixed(1)} | ${o.p99.toFixed(1)} | ${statements(o.statements)} | ${target}: ${o.met ? 'met' : 'NOT met'} | ${new Date().toISOString().slice(0, 10)} | ${machine()} |`;
  process.stdout.write(`${row}\n`);
  if (process.env.BENCH_OUT) appendFileSync(process.env.BENCH_OUT, `${row}\n`);
}

/** The SQL statements `work` sends through the data source (TypeORM reports each to its logger). */
export async function statementsOf(dataSource: DataSource, work: () => Promise<void>): Promise<number> {
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  let count = 0;
  logger.logQuery = (...args) => {
    count += 1;
    original(...args);
  };
  try {
    await work();
    return count;
  } finally {
    logger.logQuery = original;
  }
}

const done = new Set<string>();

/**
 * A bench body that runs its comparison once: vitest's runner calls a bench function more than once (warm-up
 * included) even when told one iteration, and a comparison is a whole measurement.
 */
export function onceOnly(key: string, work: () => Promise<void>): () => Promise<void> {
  return async () => {
    if (done.has(key)) return;
    done.add(key);
    await loud(work);
  };
}

/** Logs a failure (vitest's bench runner shows only NaN otherwise) and rethrows it. */
export async function loud<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    console.error(error);
    throw error;
  }
}
