import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildPortfolio, type Portfolio } from './broker-world.js';
import { copyMysqlDatabase, worldsVar } from './database-templates.js';
import {
  createMigratedTestDatabase,
  createTestDatabase,
  type DriverName,
  type TestDatabase,
} from './databases.js';
import { startTestApp } from './test-app.js';
import { BUILDER_ENDED } from './world-files.js';

// Worlds built once per run (docs/decisions/0054): the broker portfolio of support/broker-world.ts costs a
// minute or more on MariaDB (500 registrations, 500 requests and decisions, each decision its own
// transaction), mostly waiting for the database, and two test files read the same one. The suite's global
// setup starts a process (support/build-worlds.ts) that builds it through the real services, as the files
// did, on a database of its own, while the workers run other files, and leaves it with the portfolio's ids and
// token secret in the run's worlds directory (deleted at the end of the run). Each file that asks gets a copy of it; the
// sequencer (vitest.config.ts) runs these files last, so that the world is most often ready when they start.

/** The one portfolio world: 500 clients, 2 notices on each and on the broker. */
export const WORLD_CLIENTS = 500;
const WORLD_NOTICES_PER_CLIENT = 2;
/** The app's settings while the world is built (mail not sent: what the files that read it start with). */
const BUILD_ENV = { MAIL_WORKER: 'false' };
const WAIT_LIMIT_MS = 15 * 60_000;

export interface PortfolioWorld {
  portfolio: Portfolio;
  /** A copy of the world of its own, for this test file: the app's `database`. Dispose it in afterAll. */
  database: TestDatabase;
}

function worldsDir(): string {
  const dir = process.env[worldsVar];
  if (!dir) throw new Error(`${worldsVar} is not set: the suite's global setup did not run`);
  return dir;
}

/** Builds the world on a database that is kept, and leaves it in the worlds directory. */
async function build(driver: DriverName, base: string): Promise<void> {
  const db = await createMigratedTestDatabase(driver);
  // The database itself is the MySQL world, named before it is built: the global teardown drops it.
  if (db.config.type === 'mysql') writeFileSync(`${base}.mysql`, new URL(db.config.url).pathname.slice(1));
  const t = await startTestApp(driver, { database: db.config, env: BUILD_ENV });
  let portfolio: Portfolio;
  try {
    portfolio = await buildPortfolio(t, WORLD_CLIENTS, WORLD_NOTICES_PER_CLIENT);
    // Everything in the one file, so that copying the file copies the world.
    if (db.config.type === 'sqlite') await t.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    await t.close();
  }
  if (db.config.type === 'sqlite') {
    copyFileSync(db.config.file, `${base}.sqlite`);
    await db.dispose();
  }
  writeFileSync(`${base}.json.tmp`, JSON.stringify(portfolio));
  renameSync(`${base}.json.tmp`, `${base}.json`);
}

/** Takes the building of `driver`'s world (atomic: one process of the run builds it); false if it is taken. */
function takeBuild(base: string): boolean {
  try {
    mkdirSync(`${base}.lock`);
    return true;
  } catch {
    return false;
  }
}

async function buildOrFail(driver: DriverName, base: string): Promise<void> {
  try {
    await build(driver, base);
  } catch (error) {
    writeFileSync(`${base}.failed`, String(error instanceof Error ? error.stack : error));
    throw error;
  }
}

const worldBase = (driver: DriverName) => path.join(worldsDir(), `portfolio-${driver}-${WORLD_CLIENTS}`);

/**
 * Builds each driver's world (support/build-worlds.ts, a process the global setup starts beside the workers: on
 * MariaDB most of a build is waiting for the database, time a worker would spend idle).
 */
export async function buildWorlds(drivers: DriverName[]): Promise<void> {
  // Each driver's world on its own: one that fails (its `.failed` file says why) does not stop the other's.
  const results = await Promise.allSettled(
    drivers.map((driver) => {
      const base = worldBase(driver);
      return takeBuild(base) ? buildOrFail(driver, base) : Promise.resolve();
    }),
  );
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * A copy of the run's broker portfolio world on `driver`, for a test file to start its app on:
 * `startTestApp(driver, { database: world.database.config })`. The global setup builds it while other files
 * run; if it did not (another way of running the file), the first file that asks builds it.
 */
export async function portfolioWorld(driver: DriverName): Promise<PortfolioWorld> {
  const base = worldBase(driver);
  if (takeBuild(base)) await buildOrFail(driver, base);
  const started = Date.now();
  while (!existsSync(`${base}.json`)) {
    if (existsSync(`${base}.failed`))
      throw new Error(`the ${driver} portfolio world failed:\n${readFileSync(`${base}.failed`, 'utf8')}`);
    if (existsSync(path.join(worldsDir(), BUILDER_ENDED)) && !existsSync(`${base}.json`))
      throw new Error(
        `the process that builds the worlds ended without the ${driver} world (its error above)`,
      );
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`the ${driver} portfolio world never came`);
    await sleep(250);
  }
  const portfolio = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Portfolio;
  const database = await createTestDatabase(driver);
  try {
    if (database.config.type === 'sqlite') copyFileSync(`${base}.sqlite`, database.config.file);
    else await copyMysqlDatabase(database.config.url, readFileSync(`${base}.mysql`, 'utf8'));
  } catch (error) {
    await database.dispose();
    throw error;
  }
  return { portfolio, database };
}
