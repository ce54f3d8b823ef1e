import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/data-source.js';
import { createTestDatabase, drivers } from '../support/databases.js';

// DB_MIGRATIONS=check (app replicas of a rolling deploy, decision 0027): a database with pending migrations is
// refused, the migrations are not run by the replica; once they ran (DB_MIGRATIONS=only, or `run`), it opens.
describe.each(drivers)('migrations checked, not run (%s)', (driver) => {
  it('refuses a database with pending migrations, and opens it once they ran', async () => {
    const db = await createTestDatabase(driver);
    try {
      await expect(openDatabase(db.config, undefined, 'check')).rejects.toThrow(/migrations pending/);
      const migrated = await openDatabase(db.config);
      await migrated.destroy();
      const checked = await openDatabase(db.config, undefined, 'check');
      expect(await checked.showMigrations()).toBe(false);
      await checked.destroy();
    } finally {
      await db.dispose();
    }
  });
});
