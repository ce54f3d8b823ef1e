import { type DataSource } from 'typeorm';
import { DatabaseWaitTimeout } from '../common/database/availability.js';
import { type DatabaseTimeouts } from '../config/env.js';

// mysql2 bounds the connect (connectTimeout) but neither the wait for a free pooled connection nor, unless
// asked per query, a statement's wait for its answer: with the database frozen, requests waited 20 s and
// more. TypeORM's own query timeout (enableQueryTimeout) also logs every slow query with its parameters, so
// the pool is wrapped here instead (decision 0021).

type Callback = (error: Error | null, value?: unknown) => void;

interface PooledConnection {
  query(sql: unknown, values: unknown, callback?: unknown): unknown;
  destroy(): void;
  release(): void;
  [bounded]?: true;
}

interface MysqlPool {
  getConnection(callback: (error: Error | null, connection?: PooledConnection) => void): void;
}

const bounded = Symbol('bounded');

/** Rejects with `error` (a timeout by default) when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseWaitTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Gives every statement a client-side timeout (the connection is then destroyed: its late answer must not be
 * read as the next statement's), every connection InnoDB's lock wait timeout, and the pool an acquire timeout.
 */
function boundConnection(connection: PooledConnection, timeouts: DatabaseTimeouts): void {
  if (connection[bounded]) return;
  connection[bounded] = true;
  const query = connection.query.bind(connection);
  connection.query = (sql: unknown, values: unknown, callback?: unknown) => {
    const options = typeof sql === 'string' ? { sql } : (sql as object);
    const done = (typeof values === 'function' ? values : callback) as Callback | undefined;
    const wrapped: Callback = (error, ...rest) => {
      if ((error as { code?: string } | null)?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') connection.destroy();
      done?.(error, ...rest);
    };
    const payload = { timeout: timeouts.queryMs, ...options };
    // No callback: a streamed query, whose caller handles its own events.
    if (!done) return query(payload, values);
    return typeof values === 'function' ? query(payload, wrapped) : query(payload, values, wrapped);
  };
  // Queued on the connection before the caller's first statement; a failure shows on that statement.
  connection.query(
    `SET SESSION innodb_lock_wait_timeout = ${Math.max(1, Math.ceil(timeouts.lockMs / 1000))}`,
    () => undefined,
  );
}

/** Applies the acquire, query and lock-wait timeouts to a MySQL data source's pool (once it is initialized). */
export function boundMysqlPool(dataSource: DataSource, timeouts: DatabaseTimeouts): void {
  const pool = (dataSource.driver as unknown as { pool?: MysqlPool }).pool;
  if (!pool) return;
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      callback(new DatabaseWaitTimeout());
    }, timeouts.acquireMs);
    getConnection((error, connection) => {
      if (settled) {
        // Too late for the caller, who already answered 503: back to the pool for the next one.
        connection?.release();
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (connection) boundConnection(connection, timeouts);
      callback(error, connection);
    });
  };
}
