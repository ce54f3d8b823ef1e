import { type EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/common/database/availability.js';
import {
  inTransaction,
  isRetryableLockError,
  limitTransactionQueueWait,
} from '../../src/common/database/transactions.js';
import { AddressThrottle } from '../../src/modules/throttling/throttle.entities.js';
import { openTestDatabase } from '../support/databases.js';

// A real deadlock on MariaDB: two transactions take two rows in opposite orders. The database rolls one back;
// inTransaction runs it again (decision 0021).
describe.runIf(process.env.MYSQL_URL)('transactions on mysql', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    db = await openTestDatabase('mysql');
    await db.dataSource.getRepository(AddressThrottle).insert([
      { bucket: 'a', count: 0, windowStartedAt: new Date() },
      { bucket: 'b', count: 0, windowStartedAt: new Date() },
    ]);
  });
  afterAll(async () => db?.close());

  /** Two transactions that each lock one row, wait for the other to do the same, then want the other's. */
  function crossedPair(retry: boolean) {
    let attempts = 0;
    let arrived = 0;
    let release!: () => void;
    const bothLocked = new Promise<void>((resolve) => (release = resolve));
    const bump = (manager: EntityManager, bucket: string) =>
      manager.increment(AddressThrottle, { bucket }, 'count', 1);
    const side = (first: string, second: string) =>
      inTransaction(
        db.dataSource,
        async (manager) => {
          attempts += 1;
          await bump(manager, first);
          if (++arrived === 2) release();
          await bothLocked;
          await bump(manager, second);
        },
        { retry },
      );
    return { results: Promise.allSettled([side('a', 'b'), side('b', 'a')]), attempts: () => attempts };
  }

  it('runs the transaction that lost a deadlock again, so that both commit', async () => {
    const pair = crossedPair(true);
    const results = await pair.results;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(pair.attempts()).toBe(3);
    const rows = await db.dataSource.getRepository(AddressThrottle).find({ order: { bucket: 'ASC' } });
    expect(rows.map((r) => r.count)).toEqual([2, 2]);
  });

  it('hands the deadlock to the caller when told not to retry', async () => {
    const pair = crossedPair(false);
    const results = await pair.results;
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(isRetryableLockError(rejected[0].reason)).toBe(true);
    expect(pair.attempts()).toBe(2);
  });
});

// SQLite runs this process's transactions one after another (transactions.ts). A transaction queued behind a
// slow one waits at most the acquire limit, then answers "unavailable" and never runs: before, it waited as
// long as the queue and committed after its request had answered 503.
describe('transactions on sqlite', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    db = await openTestDatabase('sqlite');
  });
  afterAll(async () => db?.close());

  it('gives up on a transaction that waited too long for its turn, and never runs it', async () => {
    limitTransactionQueueWait(db.dataSource, 100);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = inTransaction(db.dataSource, async (manager) => {
      await manager.insert(AddressThrottle, { bucket: 'slow', count: 1, windowStartedAt: new Date() });
      await held;
    });
    let queuedRan = false;
    const started = Date.now();
    const queued = inTransaction(db.dataSource, async (manager) => {
      queuedRan = true;
      await manager.insert(AddressThrottle, { bucket: 'queued', count: 1, windowStartedAt: new Date() });
    });
    const outcome = await queued.then(
      () => 'committed',
      (error: unknown) => error,
    );
    const waited = Date.now() - started;
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(waited).toBeLessThan(2_000);

    release();
    await slow;
    // The next transaction runs after the slow one, not after the one that gave up.
    await inTransaction(db.dataSource, async (manager) => {
      await manager.insert(AddressThrottle, { bucket: 'next', count: 1, windowStartedAt: new Date() });
    });
    const buckets = (await db.dataSource.getRepository(AddressThrottle).find()).map((row) => row.bucket);
    expect(buckets.sort()).toEqual(['next', 'slow']);
    expect(queuedRan).toBe(false);
  });

  it('runs a queued transaction that got its turn within the limit', async () => {
    limitTransactionQueueWait(db.dataSource, 2_000);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((bucket) =>
        inTransaction(db.dataSource, async (manager) => {
          await manager.insert(AddressThrottle, {
            bucket: `ok-${bucket}`,
            count: 1,
            windowStartedAt: new Date(),
          });
          return bucket;
        }),
      ),
    );
    expect(results).toEqual(['a', 'b', 'c']);
  });
});
