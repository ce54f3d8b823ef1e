import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { openDatabase } from '../../src/database/data-source.js';
import { createTempMysqlDatabase } from '../../src/database/temp-database.js';

// Migrated templates (docs/decisions/0047-ci-under-twelve-minutes.md): the suite's global setup migrates one
// empty SQLite file and one empty MySQL database through the real migrations, once per run; a test file that
// wants a migrated database gets a copy (the file copied; the tables' own CREATE TABLE statements, foreign
// keys included, and the migrations table's rows), instead of running the 25 migrations again. On MariaDB the
// migrations cost seconds per database (their ALTERs rebuild tables), and the suite makes about 70 of them.
// migrations.spec.ts still runs the migrations on an empty database of each driver, and checks the copy too.

/** Where the global setup tells the test files (environment variables reach every worker it forks). */
const sqliteVar = 'PASSERELLE_TEST_SQLITE_TEMPLATE';
const mysqlVar = 'PASSERELLE_TEST_MYSQL_TEMPLATE';
/** Where test files leave the worlds they build once per run (support/world-templates.ts). */
export const worldsVar = 'PASSERELLE_TEST_WORLDS';

/** Migrates the templates (global setup); resolves with a function that deletes them (teardown). */
export async function prepareTemplates(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-template-'));
  const sqliteFile = path.join(dir, 'template.sqlite');
  const sqlite = await openDatabase({ type: 'sqlite', file: sqliteFile });
  // Everything in the one file, so that copying the file copies the database.
  await sqlite.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await sqlite.query('PRAGMA journal_mode = DELETE');
  await sqlite.destroy();
  process.env[sqliteVar] = sqliteFile;
  const worlds = path.join(dir, 'worlds');
  mkdirSync(worlds);
  process.env[worldsVar] = worlds;
  let mysqlTemplate: Awaited<ReturnType<typeof createTempMysqlDatabase>> | undefined;
  if (process.env.MYSQL_URL) {
    mysqlTemplate = await createTempMysqlDatabase(process.env.MYSQL_URL, 'passerelle_tpl');
    const migrated = await openDatabase({ type: 'mysql', url: mysqlTemplate.url });
    await migrated.destroy();
    process.env[mysqlVar] = mysqlTemplate.name;
  }
  return async () => {
    // The MySQL worlds: each is a database named in a `.mysql` file.
    const worldDatabases = readdirSync(worlds)
      .filter((file) => file.endsWith('.mysql'))
      .map((file) => readFileSync(path.join(worlds, file), 'utf8'));
    if (worldDatabases.length > 0) {
      const base = new URL(process.env.MYSQL_URL!);
      base.pathname = '/';
      const connection = await connectWithRetry({ uri: base.toString() });
      try {
        for (const name of worldDatabases) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    }
    rmSync(dir, { recursive: true, force: true });
    await mysqlTemplate?.drop();
  };
}

/** Copies the migrated SQLite template to `file` (a file that does not exist yet). */
export function copySqliteTemplate(file: string): void {
  const template = process.env[sqliteVar];
  if (!template) throw new Error(`${sqliteVar} is not set: the suite's global setup did not run`);
  copyFileSync(template, file);
}

interface MysqlClone {
  createTables: string[];
  copyRows: string[];
}
const mysqlClones = new Map<string, Promise<MysqlClone>>();

/** The template's tables as statements that make them again in another database (read once per process). */
async function readMysqlTemplate(baseUrl: string, template: string): Promise<MysqlClone> {
  const connection = await connectWithRetry({ uri: baseUrl });
  try {
    const [tables] = await connection.query<mysql.RowDataPacket[]>(
      `SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?
       ORDER BY TABLE_NAME`,
      [template],
    );
    const createTables: string[] = [];
    const copyRows: string[] = [];
    for (const { name, type } of tables as Array<{ name: string; type: string }>) {
      if (type !== 'BASE TABLE') throw new Error(`template ${template}: ${name} is a ${type}, not copied`);
      const [[created]] = await connection.query<mysql.RowDataPacket[]>(
        `SHOW CREATE TABLE \`${template}\`.\`${name}\``,
      );
      createTables.push(String(created['Create Table']));
      const [[count]] = await connection.query<mysql.RowDataPacket[]>(
        `SELECT COUNT(*) AS n FROM \`${template}\`.\`${name}\``,
      );
      if (Number(count.n) > 0)
        copyRows.push(`INSERT INTO \`${name}\` SELECT * FROM \`${template}\`.\`${name}\``);
    }
    return { createTables, copyRows };
  } finally {
    await connection.end();
  }
}

/**
 * Connections that make a copy's tables side by side: MariaDB makes each table's file and waits for the disk,
 * so one connection spends most of a copy waiting (docs/decisions/0054).
 */
const COPY_CONNECTIONS = 4;

/**
 * A new connection, tried again (up to 3 times, 0.2 then 0.4 s apart) when the connect itself fails with a reset,
 * a refusal or a timeout: CI saw `connect ECONNRESET 127.0.0.1:3306` once at the start of a run, when the workers
 * and the world builder open their copies' connections together, and it failed every file of that world. Only
 * the connect is tried again: nothing has been sent on it yet.
 */
export async function connectWithRetry(options: mysql.ConnectionOptions): Promise<mysql.Connection> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await mysql.createConnection(options);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (attempt >= 3 || !['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT'].includes(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** Makes the tables and rows of the MySQL database `template` in the (empty) database at `url`. */
export async function copyMysqlDatabase(url: string, template: string): Promise<void> {
  const base = new URL(url);
  base.pathname = '/';
  let clone = mysqlClones.get(template);
  if (!clone) mysqlClones.set(template, (clone = readMysqlTemplate(base.toString(), template)));
  const { createTables, copyRows } = await clone;
  const shares = Array.from({ length: COPY_CONNECTIONS }, (_, k) =>
    createTables.filter((_statement, i) => i % COPY_CONNECTIONS === k),
  ).filter((share) => share.length > 0);
  // Foreign keys name tables that another connection may not have made yet: checks off while they are made.
  const run = async (statements: string[]) => {
    const connection = await connectWithRetry({ uri: url, multipleStatements: true });
    try {
      await connection.query(['SET FOREIGN_KEY_CHECKS = 0', ...statements].join(';\n'));
    } finally {
      await connection.end();
    }
  };
  await Promise.all(shares.map(run));
  if (copyRows.length > 0) await run(copyRows);
}

/** Makes the tables and rows of the migrated MySQL template in the (empty) database at `url`. */
export async function copyMysqlTemplate(url: string): Promise<void> {
  const template = process.env[mysqlVar];
  if (!template) throw new Error(`${mysqlVar} is not set: the suite's global setup did not run`);
  await copyMysqlDatabase(url, template);
}
