import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { appModules } from '../../src/app/modules.js';
import { inTransaction } from '../../src/common/database/transactions.js';
import { DomainEventRecord } from '../../src/common/events/domain-event.entity.js';
import { type PublishedEvent } from '../../src/common/events/domain-events.js';
import { bindEventSubscribers, publish } from '../../src/common/events/event-bus.js';
import { dataSourceOptions, detectMysqlFlavor } from '../../src/database/data-source.js';
import { drivers, openTestDatabase } from '../support/databases.js';

const requested = {
  type: 'ACCESS_REQUESTED',
  payload: { requestId: 'r1', businessId: 'b1', businessNumber: '123456789', requesterId: 'u1' },
} as const;

describe.each(drivers)('the event bus (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let dataSource: DataSource;
  const seen: Array<{ by: string; event: PublishedEvent; rowsInTransaction: number }> = [];

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    dataSource = db.dataSource;
    // Two subscribers of this test instead of the modules': the order and the transaction are what is tested.
    bindEventSubscribers(dataSource, [
      {
        name: 'first',
        handlers: {
          ACCESS_REQUESTED: async (manager, event) => {
            seen.push({ by: 'first', event, rowsInTransaction: await manager.count(DomainEventRecord) });
          },
        },
      },
      {
        name: 'second',
        handlers: {
          ACCESS_REQUESTED: (_manager, event) => {
            seen.push({ by: 'second', event, rowsInTransaction: -1 });
            return event.payload.requestId === 'fails'
              ? Promise.reject(new Error('the subscriber failed'))
              : Promise.resolve();
          },
        },
      },
    ]);
  });
  afterAll(() => db.close());

  it('the application binds the subscribers its manifests declare (letters, notices, the bells, then webhooks)', () => {
    expect(appModules.flatMap((module) => module.subscribers ?? []).map((s) => s.name)).toEqual([
      'messaging',
      'notices',
      'notices-bell',
      'webhooks',
    ]);
  });

  it('the notices subscriber tells of claims and repayments (issue 16), never of a draft filed', () => {
    const notices = appModules
      .flatMap((module) => module.subscribers ?? [])
      .find((s) => s.name === 'notices');
    const handled = Object.keys(notices?.handlers ?? {});
    expect(handled).toEqual(
      expect.arrayContaining([
        'CLAIM_SUBMITTED',
        'CLAIM_STATUS_CHANGED',
        'REPAYMENT_CREATED',
        'REPAYMENT_STATUS_CHANGED',
      ]),
    );
    expect(handled).not.toContain('CLAIM_FILED');
  });

  it('records the event and runs each subscriber for its type, in order, inside the transaction', async () => {
    seen.length = 0;
    const at = new Date('2026-03-02T15:04:05.000Z');
    const published = await inTransaction(dataSource, (manager) => publish(manager, requested, at));
    expect(seen.map((s) => s.by)).toEqual(['first', 'second']);
    // The first subscriber already saw the event's row: it runs after the insert, in the same transaction.
    expect(seen[0].rowsInTransaction).toBe(1);
    expect(seen[0].event).toEqual({ ...requested, id: published.id, occurredAt: at });
    const row = await dataSource.getRepository(DomainEventRecord).findOneByOrFail({ id: published.id });
    expect(row.type).toBe('ACCESS_REQUESTED');
    expect(JSON.parse(row.payload)).toEqual(requested.payload);
    expect(row.consumedAt).toEqual(at);
  });

  it('a subscriber that fails fails the change: the event rolls back with it', async () => {
    const before = await dataSource.getRepository(DomainEventRecord).count();
    await expect(
      inTransaction(dataSource, (manager) =>
        publish(manager, { ...requested, payload: { ...requested.payload, requestId: 'fails' } }, new Date()),
      ),
    ).rejects.toThrow('the subscriber failed');
    expect(await dataSource.getRepository(DomainEventRecord).count()).toBe(before);
  });

  it('refuses to publish outside a transaction, or on a data source opened without its subscribers', async () => {
    const before = await dataSource.getRepository(DomainEventRecord).count();
    await expect(publish(dataSource.manager, requested, new Date())).rejects.toThrow('not in a transaction');
    // The same database through a data source that openDatabase did not make: nobody would hear the event.
    const flavor = db.config.type === 'mysql' ? await detectMysqlFlavor(db.config.url) : undefined;
    const bare = await new DataSource(dataSourceOptions(db.config, flavor)).initialize();
    try {
      await expect(inTransaction(bare, (manager) => publish(manager, requested, new Date()))).rejects.toThrow(
        'no event subscribers',
      );
    } finally {
      await bare.destroy();
    }
    expect(await dataSource.getRepository(DomainEventRecord).count()).toBe(before);
  });

  it('types every payload: a renamed key does not compile', async () => {
    const renamed = { requestId: 'r2', business: 'b1', businessNumber: '1', requesterId: 'u1' };
    await expect(
      inTransaction(dataSource, (manager) =>
        // @ts-expect-error `businessId` renamed `business`: the compiler says so (tsc checks this file).
        publish(manager, { type: 'ACCESS_REQUESTED', payload: renamed }, new Date()),
      ),
    ).resolves.toBeDefined();
  });
});
