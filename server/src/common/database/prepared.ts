import { type DataSource } from 'typeorm';
import { syncTransactionInTurn } from './transactions.js';

// The statements of a hot path sent to the driver itself (decision 0052: a password sign-in): SQL written once
// with `?` placeholders, no query builder, no entity metadata, rows read back by the module that owns their
// table. better-sqlite3 runs each through a statement prepared once per data source; mysql2 through the
// pool's bounded connections (bounded-waits.ts). Every statement is reported to the data source's logger, as
// TypeORM reports its own, so that the specs and the bench count them. Dates are bound as each driver stores
// an instant: UTC text on SQLite (as TypeORM writes it), a Date that mysql2 writes in the pool's zone (UTC).

export type Row = Record<string, unknown>;

/** A statement and its values (`?` placeholders, in order). */
export interface Statement {
  sql: string;
  values: readonly unknown[];
}

/** What a statement answered: the rows it read, the rows it changed. */
export interface Ran {
  rows: Row[];
  changes: number;
}

/** One statement of `runInOrder`; the next one runs only when `next` (if given) says so of this one's answer. */
export interface Step extends Statement {
  next?: (ran: Ran) => boolean;
}

interface SqliteStatement {
  reader: boolean;
  all(values: unknown[]): Row[];
  run(values: unknown[]): { changes: number };
}

interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  transaction<T>(work: () => T): () => T;
}

interface MysqlConnection {
  query(sql: string, values: unknown[], callback: (error: Error | null, result?: unknown) => void): void;
  release(): void;
}

interface MysqlPool {
  getConnection(callback: (error: Error | null, connection?: MysqlConnection) => void): void;
}

const prepared = new WeakMap<DataSource, Map<string, SqliteStatement>>();

function sqliteDatabase(dataSource: DataSource): SqliteDatabase {
  return (dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
}

/** An instant as TypeORM writes a `datetime` on SQLite: `YYYY-MM-DD HH:MM:SS.mmm`, UTC. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 23).replace('T', ' ');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}

function runSqlite(dataSource: DataSource, { sql, values }: Statement): Ran {
  let statements = prepared.get(dataSource);
  if (!statements) prepared.set(dataSource, (statements = new Map<string, SqliteStatement>()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = sqliteDatabase(dataSource).prepare(sql)));
  const bound = values.map(sqliteValue);
  if (statement.reader) return { rows: statement.all(bound), changes: 0 };
  return { rows: [], changes: statement.run(bound).changes };
}

function runMysql(dataSource: DataSource, { sql, values }: Statement): Promise<Ran> {
  const pool = (dataSource.driver as unknown as { pool: MysqlPool }).pool;
  return new Promise((resolve, reject) => {
    // The pool's getConnection and each connection's query are bounded (acquire, query and lock waits).
    pool.getConnection((error, connection) => {
      if (error || !connection) return reject(error ?? new Error('no connection'));
      connection.query(
        sql,
        values.map((value) => value ?? null),
        (failed, result) => {
          connection.release();
          if (failed) return reject(failed);
          if (Array.isArray(result)) resolve({ rows: result as Row[], changes: 0 });
          else resolve({ rows: [], changes: (result as { affectedRows?: number }).affectedRows ?? 0 });
        },
      );
    });
  });
}

const isSqlite = (dataSource: DataSource) => dataSource.options.type === 'better-sqlite3';

function logged(dataSource: DataSource, statement: Statement): void {
  dataSource.logger.logQuery(statement.sql, statement.values as unknown[]);
}

/** Runs one statement (its own commit when it writes). Throws the driver's error (unique violations included). */
export async function runStatement(dataSource: DataSource, statement: Statement): Promise<Ran> {
  logged(dataSource, statement);
  return isSqlite(dataSource) ? runSqlite(dataSource, statement) : runMysql(dataSource, statement);
}

/**
 * Runs `steps` one after another, each only when the previous one's `next` allows it; answers what each step
 * that ran answered. On SQLite they run in one transaction (one commit instead of one per write: each commit is
 * a write of the WAL and its fsync on the server's thread), on the spot when no queued transaction
 * (transactions.ts) is open on the connection, or else in their turn in that queue. On MySQL each is its own
 * statement, as `runStatement` runs it: one row per statement, nothing held across them, nothing to deadlock.
 * The statements and what they change are the same on both; on SQLite a failure undoes the steps before it.
 */
export async function runInOrder(dataSource: DataSource, steps: readonly Step[]): Promise<Ran[]> {
  if (isSqlite(dataSource))
    return syncTransactionInTurn(dataSource, () => {
      const answers: Ran[] = [];
      for (const step of steps) {
        logged(dataSource, step);
        const ran = runSqlite(dataSource, step);
        answers.push(ran);
        if (step.next && !step.next(ran)) break;
      }
      return answers;
    });
  const answers: Ran[] = [];
  for (const step of steps) {
    const ran = await runStatement(dataSource, step);
    answers.push(ran);
    if (step.next && !step.next(ran)) break;
  }
  return answers;
}

/** The value of an instant column read by a statement of this file, as a Date (each driver answers its own way). */
export function instantOf(value: unknown): Date | null {
  if (value == null) return null;
  if (value instanceof Date) return value;
  const text = value as string;
  // SQLite: TypeORM's UTC text; anything else (an ISO string) as Date reads it.
  return new Date(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text,
  );
}
