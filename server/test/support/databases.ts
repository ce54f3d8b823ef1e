import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DataSource } from 'typeorm';
import { openDatabase, type DatabaseConfig } from '../../src/database/data-source.js';
import { createTempMysqlDatabase } from '../../src/database/temp-database.js';
import { copyMysqlTemplate, copySqliteTemplate } from './database-templates.js';

export type DriverName = 'sqlite' | 'mysql';

/** The drivers this run covers: SQLite always, MySQL when MYSQL_URL is set (global-setup reports a skip). */
export const drivers: DriverName[] = process.env.MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];

export interface TestDatabase {
  driver: DriverName;
  config: DatabaseConfig;
  /** Deletes the file or drops the database. */
  dispose(): Promise<void>;
}

/** A fresh, empty database (a temp SQLite file, or a new uniquely named MySQL database). */
export async function createTestDatabase(driver: DriverName): Promise<TestDatabase> {
  if (driver === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-test-'));
    return {
      driver,
      config: { type: 'sqlite', file: path.join(dir, 'test.sqlite') },
      dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const temp = await createTempMysqlDatabase(process.env.MYSQL_URL!);
  return { driver, config: { type: 'mysql', url: temp.url }, dispose: () => temp.drop() };
}

/**
 * A fresh database already migrated: a copy of the run's migrated template (support/database-templates.ts).
 * Opening it runs the migrations as the app does, and finds none pending.
 */
export async function createMigratedTestDatabase(driver: DriverName): Promise<TestDatabase> {
  const db = await createTestDatabase(driver);
  try {
    if (db.config.type === 'sqlite') copySqliteTemplate(db.config.file);
    else await copyMysqlTemplate(db.config.url);
  } catch (error) {
    await db.dispose();
    throw error;
  }
  return db;
}

/**
 * A fresh database, connected and migrated. Call `close()` in afterAll. `from: 'empty'` runs every migration
 * on an empty database; the default starts from a copy of the run's migrated template.
 */
export async function openTestDatabase(
  driver: DriverName,
  { from = 'template' }: { from?: 'template' | 'empty' } = {},
): Promise<{ dataSource: DataSource; config: DatabaseConfig; close(): Promise<void> }> {
  const db = await (from === 'empty' ? createTestDatabase(driver) : createMigratedTestDatabase(driver));
  const dataSource = await openDatabase(db.config);
  return {
    dataSource,
    config: db.config,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.dispose();
    },
  };
}
