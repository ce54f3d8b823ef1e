import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type RowDataPacket } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { DEFAULT_DATABASE_TIMEOUTS, type AppConfig, type DatabaseTimeouts } from '../config/env.js';
import { appModules } from '../app/modules.js';
import { AfterCommitSubscriber } from '../common/database/after-commit.js';
import { bindEventSubscribers } from '../common/events/event-bus.js';
import { boundMysqlPool, withTimeout } from './bounded-waits.js';
import { limitTransactionQueueWait } from '../common/database/transactions.js';
import { entities } from './entities.js';
import { mysqlMigrations } from './migrations/mysql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export type DatabaseConfig = AppConfig['database'];

/**
 * MariaDB and MySQL speak the same protocol, but TypeORM reads their catalogs differently (MariaDB reports
 * the default of a nullable column as the text 'NULL'); with the wrong driver type every nullable column
 * looks like a pending schema change. The server says which it is.
 */
export async function detectMysqlFlavor(
  url: string,
  connectTimeout = DEFAULT_DATABASE_TIMEOUTS.connectMs,
): Promise<'mysql' | 'mariadb'> {
  // Loaded here, not at the module's top: a server on SQLite (the embedded default) never loads the MySQL
  // client: with the other clients it does not use, about a fifth of its start's CPU (decision 0065).
  const { default: mysql } = await import('mysql2/promise');
  const connection = await mysql.createConnection({ uri: url, connectTimeout });
  try {
    const [rows] = await connection.query<RowDataPacket[]>('SELECT VERSION() AS version');
    return String(rows[0]?.version).toLowerCase().includes('mariadb') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** Builds the options for either driver. `synchronize` is never on: the schema comes from migrations only. */
export function dataSourceOptions(
  database: DatabaseConfig,
  mysqlFlavor: 'mysql' | 'mariadb' = 'mysql',
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
): DataSourceOptions {
  const common = {
    entities,
    // Work that waits for a commit (common/database/after-commit.ts).
    subscribers: [AfterCommitSubscriber] as Array<new () => unknown>,
    synchronize: false,
    migrationsRun: false,
    logging: false,
  } as const;
  if (database.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      migrations: sqliteMigrations,
      // WAL keeps readers and the single writer from blocking each other; foreign keys are off by default in SQLite.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        // How long a statement waits for another process's write lock before SQLITE_BUSY (answered 503).
        db.pragma(`busy_timeout = ${Math.round(timeouts.lockMs)}`);
      },
    };
  }
  return {
    ...common,
    type: mysqlFlavor,
    url: database.url,
    migrations: mysqlMigrations,
    charset: 'utf8mb4_unicode_ci',
    // Store and read every datetime as UTC whatever the server's or the database's zone.
    timezone: 'Z',
    // Keeps BIGINT and DECIMAL exact; money is integer cents anyway.
    supportBigNumbers: true,
    connectTimeout: timeouts.connectMs,
    extra: { connectionLimit: 10 },
  };
}

/**
 * Creates, connects and migrates the data source, with every wait on the database bounded by `timeouts` and
 * the modules' event subscribers bound to it.
 */
export async function openDatabase(
  database: DatabaseConfig,
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
  /** `run` (default): applies pending migrations; `check`: refuses to open a database that has some (DB_MIGRATIONS). */
  migrations: 'run' | 'check' = 'run',
): Promise<DataSource> {
  if (database.type === 'sqlite' && database.file !== ':memory:') {
    mkdirSync(path.dirname(database.file), { recursive: true });
  }
  const flavor =
    database.type === 'mysql' ? await detectMysqlFlavor(database.url, timeouts.connectMs) : undefined;
  const dataSource = new DataSource(dataSourceOptions(database, flavor, timeouts));
  // Every publish on this data source runs the modules' subscribers (decision 0020).
  bindEventSubscribers(
    dataSource,
    appModules.flatMap((module) => module.subscribers ?? []),
  );
  await dataSource.initialize();
  try {
    if (migrations === 'run') await dataSource.runMigrations({ transaction: 'each' });
    else if (await dataSource.showMigrations())
      throw new Error(
        'The database has migrations pending: run them once first (DB_MIGRATIONS=only), then start the processes.',
      );
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  // Requests' statements are bounded from here on, not the migrations': rebuilding an index of a large table
  // takes longer than any request may, and MySQL commits a DROP INDEX on its own, so a migration cut by the
  // query timeout would leave the table without its index and the server unable to start.
  if (database.type === 'mysql') boundMysqlPool(dataSource, timeouts);
  else limitTransactionQueueWait(dataSource, timeouts.acquireMs);
  return dataSource;
}

/** How long /readyz waits for the database: a probe must answer within a second, whatever the pool is doing. */
export const READINESS_TIMEOUT_MS = 800;

/** True when the database answers a trivial query within `timeoutMs`; used by /readyz. */
export async function isDatabaseReachable(
  dataSource: DataSource,
  timeoutMs = READINESS_TIMEOUT_MS,
): Promise<boolean> {
  try {
    if (!dataSource.isInitialized) return false;
    await withTimeout(dataSource.query('SELECT 1'), timeoutMs);
    return true;
  } catch {
    return false;
  }
}
