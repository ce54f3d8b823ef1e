import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataSource } from 'typeorm';
import { drivers, openTestDatabase } from '../support/databases.js';

// Every migration on an empty database, and the copy of the run's migrated template that the other test files
// start from (support/database-templates.ts): both must match the entities exactly.
const cases = drivers.flatMap((driver) =>
  (['empty', 'template'] as const).map((from) => [driver, from] as const),
);

describe.each(cases)('migrations on %s, from %s', (driver, from) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await openTestDatabase(driver, { from });
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
