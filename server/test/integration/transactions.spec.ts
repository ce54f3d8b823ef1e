import { type EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, isRetryableLockError } from '../../src/common/database/transactions.js';
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
