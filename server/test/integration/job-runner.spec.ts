import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataSource } from 'typeorm';
import { createLogger } from '../../src/common/logger.js';
import { JobLease } from '../../src/common/workers/job-lease.entity.js';
import { claimJob, leasedJob, runJobOnce, type JobRunnerDeps } from '../../src/common/workers/job-runner.js';
import { openDatabase } from '../../src/database/data-source.js';
import { createTestDatabase, drivers, type TestDatabase } from '../support/databases.js';

// Scheduled jobs under a lease in the database (decision 0027): N processes on one database run each due run
// once; a run whose process died is taken again once its lease has run out. Two data sources on one database
// stand for two processes (two connection pools; on SQLite two connections to one file).

const log = createLogger('silent');

describe.each(drivers)('job runner (%s)', (driver) => {
  let db: TestDatabase;
  let one: DataSource;
  let two: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase(driver);
    one = await openDatabase(db.config);
    two = await openDatabase(db.config);
  });
  afterAll(async () => {
    await one?.destroy();
    await two?.destroy();
    await db?.dispose();
  });

  const deps = (dataSource: DataSource, now: () => Date, leaseMs = 60_000): JobRunnerDeps => ({
    dataSource,
    log,
    now,
    leaseMs,
    pollMs: 50,
  });

  it('runs a due run once whatever the number of processes asking at once', async () => {
    let runs = 0;
    const job = {
      name: 'once-at-a-time',
      everyMs: 60_000,
      async run() {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    };
    const now = () => new Date();
    const ran = await Promise.all(
      Array.from({ length: 8 }, (_, i) => runJobOnce(deps(i % 2 ? one : two, now), job)),
    );
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    // Not due again before its period: asking again runs nothing.
    expect(await runJobOnce(deps(one, now), job)).toBe(false);
    expect(runs).toBe(1);
    const row = await one.getRepository(JobLease).findOneByOrFail({ name: 'once-at-a-time' });
    expect(row).toMatchObject({ owner: null, leaseUntil: null, runs: 1 });
    expect(row.nextRunAt.getTime() - row.lastStartedAt!.getTime()).toBe(60_000);
    // Due once the period has gone by.
    const later = () => new Date(Date.now() + 60_001);
    expect(await runJobOnce(deps(two, later), job)).toBe(true);
    expect(runs).toBe(2);
  });

  it('takes again a run whose process died, once its lease has run out, not before', async () => {
    const t0 = Date.now();
    // A process took the run and died: its token holds the lease, nobody finishes it.
    expect(await claimJob(one, 'dies-mid-way', new Date(t0), 10_000)).not.toBeNull();
    let runs = 0;
    const job = {
      name: 'dies-mid-way',
      everyMs: 3_600_000,
      run: () => Promise.resolve(void (runs += 1)),
    };
    expect(
      await runJobOnce(
        deps(two, () => new Date(t0 + 9_999)),
        job,
      ),
    ).toBe(false);
    expect(runs).toBe(0);
    expect(
      await runJobOnce(
        deps(two, () => new Date(t0 + 10_001)),
        job,
      ),
    ).toBe(true);
    expect(runs).toBe(1);
  });

  it('leaves a failed run due, and gives its lease back', async () => {
    const now = () => new Date();
    const failing = {
      name: 'fails-once',
      everyMs: 3_600_000,
      run: () => Promise.reject(new Error('no')),
    };
    await expect(runJobOnce(deps(one, now), failing)).rejects.toThrow('no');
    const row = await one.getRepository(JobLease).findOneByOrFail({ name: 'fails-once' });
    expect(row).toMatchObject({ owner: null, leaseUntil: null, runs: 0 });
    expect(await runJobOnce(deps(two, now), { ...failing, run: () => Promise.resolve() })).toBe(true);
  });

  it('as workers in two processes polling, runs each period once', async () => {
    let runs = 0;
    const job = {
      name: 'polled',
      everyMs: 400,
      run: () => Promise.resolve(void (runs += 1)),
    };
    const now = () => new Date();
    const workers = [leasedJob(deps(one, now), job), leasedJob(deps(two, now), job)];
    for (const worker of workers) worker.start();
    // The first look is 1-2 s after start, then every 50 ms: 2.4 s more are at most 6 more periods of 400 ms.
    await new Promise((resolve) => setTimeout(resolve, 4_400));
    await Promise.all(workers.map((worker) => worker.stop()));
    const row = await one.getRepository(JobLease).findOneByOrFail({ name: 'polled' });
    expect(row.runs).toBe(runs);
    expect(runs).toBeGreaterThanOrEqual(5);
    expect(runs).toBeLessThanOrEqual(Math.ceil(4_400 / 400));
  });
});
