import { type DataSource, type EntityManager } from 'typeorm';

// better-sqlite3 gives TypeORM a single connection, shared by every caller. Two `dataSource.transaction()`
// calls that overlap in time would both run on it: the second nests as a SAVEPOINT inside the first, so a
// rollback of one undoes the other's writes, or commits them early. On SQLite, transactions are therefore
// queued one after another in this process (SQLite allows one writer at a time anyway). MySQL hands each
// transaction its own pooled connection and needs no queue.
const queues = new WeakMap<DataSource, Promise<unknown>>();

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
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(
    () => dataSource.transaction(work),
    () => dataSource.transaction(work),
  );
  // The queue continues whatever this transaction's outcome; callers still see their own error.
  queues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
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
