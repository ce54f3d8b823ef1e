import { type DataSource, type EntityManager } from 'typeorm';

// better-sqlite3 gives TypeORM a single connection, shared by every caller. Two `dataSource.transaction()`
// calls that overlap in time would both run on it: the second nests as a SAVEPOINT inside the first, so a
// rollback of one undoes the other's writes, or commits them early. On SQLite, transactions are therefore
// queued one after another in this process (SQLite allows one writer at a time anyway). MySQL hands each
// transaction its own pooled connection and needs no queue.
const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one database transaction: all of its writes commit together or none do. Keep the work
 * short and free of slow non-database steps (password hashing belongs before it): on SQLite every other
 * transaction waits for it.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
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

/** Whether a failed query broke a unique constraint (both drivers). */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } }).driverError;
  const code = driverError?.code ?? (error as { code?: string }).code;
  return (
    code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
