import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataSource } from 'typeorm';
import { drivers, openTestDatabase } from '../support/databases.js';

describe.each(drivers)('migrations on %s', (driver) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    dataSource = db.dataSource;
  });
  afterAll(async () => db?.close());

  it('leaves zero pending schema changes against the entities', async () => {
    const log = await dataSource.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has applied every migration', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
