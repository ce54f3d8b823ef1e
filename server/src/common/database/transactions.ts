import { type DataSource, type EntityManager } from 'typeorm';
import { DatabaseWaitTimeout } from './availability.js';

// better-sqlite3 gives TypeORM a single connection, shared by every caller. Two `dataSource.transaction()`
// calls that overlap in time would both run on it: the second nests as a SAVEPOINT inside the first, so a
// rollback of one undoes the other's writes, or commits them early. On SQLite, transactions are therefore
// queued one after another in this process (SQLite allows one writer at a time anyway). MySQL hands each
// transaction its own pooled connection and needs no queue.
const queues = new WeakMap<DataSource, Promise<unknown>>();
/** How many queued transactions of a data source have not settled (waiting for their turn or running). */
const open = new WeakMap<DataSource, number>();

// How long a transaction may wait for its turn in that queue: the SQLite counterpart of the MySQL pool's
// acquire timeout (DB_ACQUIRE_TIMEOUT_MS). Without it a queued write waited as long as the queue was long, and
// could commit after its request had already answered 503 (decision 0021).
const queueWaitLimits = new WeakMap<DataSource, number>();
const DEFAULT_QUEUE_WAIT_MS = 3_000;

/** Bounds how long a transaction on this SQLite data source waits for the ones queued before it. */
export function limitTransactionQueueWait(dataSource: DataSource, ms: number): void {
  queueWaitLimits.set(dataSource, ms);
}

export interface TransactionOptions {
  /**
   * Whether a deadlock or lock-wait timeout runs the whole of `work` again (default true). The database rolled
   * the transaction back, so repeating it is safe as long as `work` does nothing outside the database that
   * must not happen twice; pass false when it does.
   */
  retry?: boolean;
}

/** How many times a transaction that lost a deadlock runs again before its error goes to the caller. */
export const TRANSACTION_RETRIES = 3;

/**
 * Runs `work` in one database transaction: all of its writes commit together or none do. Keep the work
 * short and free of slow non-database steps (password hashing belongs before it): on SQLite every other
 * transaction waits for it. A deadlock or lock-wait timeout (MySQL) is retried up to TRANSACTION_RETRIES times after a short random pause (see TransactionOptions.retry).
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runTransaction(dataSource, work);
    } catch (error) {
      if (options.retry === false || attempt >= TRANSACTION_RETRIES || !isRetryableLockError(error))
        throw error;
      // Jitter, growing with each attempt, so that the two sides of a deadlock do not meet again.
      await new Promise((resolve) => setTimeout(resolve, (5 + Math.random() * 20) * (attempt + 1)));
    }
  }
}

function runTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource.transaction(work);
  const limit = queueWaitLimits.get(dataSource) ?? DEFAULT_QUEUE_WAIT_MS;
  // The turn comes when the previous transaction settles, whatever its outcome.
  const turn = (queues.get(dataSource) ?? Promise.resolve()).then(
    () => undefined,
    () => undefined,
  );
  // Only the wait for the turn is bounded here; the work's own statements are bounded by the busy timeout.
  // A transaction that gave up never runs: its caller has been told it did not happen.
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DatabaseWaitTimeout()), limit);
    void turn.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  const run = ready.then(() => dataSource.transaction(work));
  open.set(dataSource, (open.get(dataSource) ?? 0) + 1);
  const settled = () => open.set(dataSource, (open.get(dataSource) ?? 1) - 1);
  run.then(settled, settled);
  // The next transaction's turn comes after this one ran, or, when this one gave up, after the previous one.
  queues.set(
    dataSource,
    turn.then(() => run).catch(() => undefined),
  );
  return run;
}

/**
 * Runs synchronous `work` (better-sqlite3 statements sent straight to the driver: common/database/prepared.ts)
 * in one SQLite transaction. With no queued transaction open, it runs on the spot: a synchronous transaction
 * cannot interleave with anything else in this process. Otherwise it takes its turn in the queue, inside a
 * transaction of its own, so that it never lands inside another caller's.
 */
export async function syncTransactionInTurn<T>(dataSource: DataSource, work: () => T): Promise<T> {
  if (!open.get(dataSource)) {
    const db = (dataSource.driver as unknown as { databaseConnection: SqliteTransactions })
      .databaseConnection;
    return db.transaction(work)();
  }
  return runTransaction(dataSource, () => Promise.resolve().then(work));
}

interface SqliteTransactions {
  transaction<T>(work: () => T): () => T;
}

function driverCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string } }).driverError;
  return driverError?.code ?? (error as { code?: string }).code;
}

/**
 * Whether a transaction failed only because of another one and may simply run again: a deadlock or a
 * lock-wait timeout on MySQL.
 */
export function isRetryableLockError(error: unknown): boolean {
  const code = driverCode(error);
  // SQLite's busy error is not retried: it comes after the busy timeout already waited for the lock.
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

/** Whether a failed query broke a unique constraint (both drivers). */
export function isUniqueViolation(error: unknown): boolean {
  const code = driverCode(error);
  return (
    code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
