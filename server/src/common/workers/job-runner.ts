import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { type Logger } from '../logger.js';
import { JobLease } from './job-lease.entity.js';

// Scheduled jobs that run once per due time whatever the number of processes (decision 0027). Each job has a
// row in job_lease. Every process looks every `pollMs` whether the job is due, and takes the run by one
// conditional UPDATE (`next_run_at <= now AND no running lease`), which SQLite and MySQL both run atomically:
// one process wins, the others change no row. The winner holds a lease it renews while the run lasts; when
// the run ends, the next one is due `everyMs` after its start. A process that dies mid-run leaves its lease to
// run out; the job is then still due, and the next process to look takes it again. A failed run is due again
// at once (tried at the next look). Work that may run twice after a crash must be idempotent, as every job
// here is (expiring what is overdue, deleting what is expired).

export interface JobDefinition {
  /** Unique among jobs: the row's key. */
  name: string;
  /** A run is due this long after the previous run started. */
  everyMs: number;
  /** Answers something worth logging, or nothing. */
  run(): Promise<Record<string, unknown> | void>;
}

export interface JobRunnerDeps {
  dataSource: DataSource;
  log: Logger;
  now: () => Date;
  /** How long a run belongs to its process without renewal (JOB_LEASE_MS). */
  leaseMs: number;
  /** How often each process looks for due jobs (at most the job's own period). */
  pollMs: number;
}

/** Makes sure the job's row exists (due now when new), in a statement of its own. */
async function ensureJob(dataSource: DataSource, name: string, now: Date): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(JobLease)
    .values({ name, owner: null, leaseUntil: null, nextRunAt: now, runs: 0 })
    .orIgnore()
    .execute();
}

/**
 * Takes the job's run if it is due and nobody holds it: answers the run's token, or null when another process
 * has it or it is not due. One statement.
 */
export async function claimJob(
  dataSource: DataSource,
  name: string,
  now: Date,
  leaseMs: number,
): Promise<string | null> {
  await ensureJob(dataSource, name, now);
  const token = randomUUID();
  const result = await dataSource
    .createQueryBuilder()
    .update(JobLease)
    .set({ owner: token, leaseUntil: new Date(now.getTime() + leaseMs), lastStartedAt: now })
    .where('name = :name AND next_run_at <= :now AND (lease_until IS NULL OR lease_until < :now)', {
      name,
      now,
    })
    .execute();
  return result.affected ? token : null;
}

/** Extends a run's lease; false when the run lost it (ran past its lease and another process took the job). */
export async function renewJob(
  dataSource: DataSource,
  name: string,
  token: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const result = await dataSource
    .createQueryBuilder()
    .update(JobLease)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
    .where('name = :name AND owner = :token', { name, token })
    .execute();
  return Boolean(result.affected);
}

/** Ends a run: the lease is given back; the next run is due at `nextRunAt`. */
export async function finishJob(
  dataSource: DataSource,
  name: string,
  token: string,
  { now, nextRunAt, succeeded }: { now: Date; nextRunAt: Date; succeeded: boolean },
): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .update(JobLease)
    .set({
      owner: null,
      leaseUntil: null,
      nextRunAt,
      ...(succeeded && { lastFinishedAt: now, runs: () => 'runs + 1' }),
    })
    .where('name = :name AND owner = :token', { name, token })
    .execute();
}

/**
 * Runs `job` under the lease in this process if it is due and free: answers whether this process ran it.
 * Throws what the job throws (after giving the lease back, due again at once).
 */
export async function runJobOnce(deps: JobRunnerDeps, job: JobDefinition): Promise<boolean> {
  const { dataSource, now, leaseMs } = deps;
  const startedAt = now();
  const token = await claimJob(dataSource, job.name, startedAt, leaseMs);
  if (!token) return false;
  // Renewed while it runs, so that a long run on a live process is not taken for a dead one.
  const renewal = setInterval(
    () => void renewJob(dataSource, job.name, token, now(), leaseMs).catch(() => undefined),
    Math.max(250, Math.floor(leaseMs / 3)),
  );
  renewal.unref();
  try {
    const report = await job.run();
    if (report) deps.log.info({ job: job.name, ...report }, 'job ran');
    await finishJob(dataSource, job.name, token, {
      now: now(),
      nextRunAt: new Date(startedAt.getTime() + job.everyMs),
      succeeded: true,
    });
    return true;
  } catch (error) {
    await finishJob(dataSource, job.name, token, {
      now: now(),
      nextRunAt: startedAt,
      succeeded: false,
    }).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(renewal);
  }
}

/**
 * A scheduled job as a module worker: every process looks every min(pollMs, everyMs) and at most one runs
 * each due run. stop() lets a run in flight finish (and give its lease back).
 */
export function leasedJob(deps: JobRunnerDeps, job: JobDefinition): { start(): void; stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> | null = null;
  let stopped = false;
  const look = () => {
    if (stopped || inFlight) return;
    inFlight = runJobOnce(deps, job)
      .catch((error: unknown) => deps.log.warn({ err: error, job: job.name }, 'job failed; next try later'))
      .finally(() => (inFlight = null));
  };
  return {
    start() {
      stopped = false;
      timer = setInterval(look, Math.min(deps.pollMs, job.everyMs));
      timer.unref();
      // A first look soon after start (not at once: the process is still warming up), spread between processes.
      setTimeout(look, 1000 + Math.floor(Math.random() * 1000)).unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}
