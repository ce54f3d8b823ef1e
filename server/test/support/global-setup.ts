import { prepareTemplates } from './database-templates.js';

// Says once, at the start of the run, which real databases the suite will use, and refuses to skip MySQL (or
// Redis, for the suites of several processes) in CI. Then migrates the run's database templates, which test
// files copy (support/database-templates.ts); the returned function deletes them at the end of the run.
export default async function setup(): Promise<() => Promise<void>> {
  if (!process.env.REDIS_URL) {
    if (process.env.CI === 'true')
      throw new Error('CI=true but REDIS_URL is not set: the Redis suites may not be skipped in CI.');
    console.warn('\n[passerelle] REDIS_URL is not set: SKIPPING the Redis and two-process suites.\n');
  }
  const mysqlUrl = process.env.MYSQL_URL;
  if (!mysqlUrl) {
    if (process.env.CI === 'true') {
      throw new Error('CI=true but MYSQL_URL is not set: the MySQL suite may not be skipped in CI.');
    }
    console.warn('\n[passerelle] MYSQL_URL is not set: SKIPPING the MySQL/MariaDB suite (SQLite only).\n');
  }
  return prepareTemplates();
}
