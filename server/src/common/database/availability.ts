// When the database does not answer in time, the request answers SERVICE_UNAVAILABLE (HTTP 503 with
// Retry-After) rather than waiting or failing as an internal error (decision 0021). These are the errors that
// mean "the database is away or busy", on either driver, as opposed to a bug.

/** How long a caller is told to wait before trying again after a 503 (the Retry-After header, seconds). */
export const RETRY_AFTER_SECONDS = 5;

/** A wait on the database outlived its limit (no pooled connection in time, a readiness probe). */
export class DatabaseWaitTimeout extends Error {
  readonly code = 'DB_WAIT_TIMEOUT';
  constructor() {
    super('The database did not answer in time');
    this.name = 'DatabaseWaitTimeout';
  }
}

const unavailableCodes = new Set([
  // Ours: no pooled connection, or no answer to a probe, in time; Redis (the shared state) did not answer.
  'DB_WAIT_TIMEOUT',
  'SHARED_STATE_UNAVAILABLE',
  // mysql2: the query outlived its timeout; the connection was lost, refused or never answered.
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // The server: too many connections, shutting down, a lock not granted in time (after the retries), a
  // deadlock that outlived the retries, a statement stopped by max_statement_time.
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_STATEMENT_TIMEOUT',
  'ER_QUERY_TIMEOUT',
  // SQLite: another writer held the lock past the busy timeout.
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_LOCKED',
]);

/**
 * Whether an error means the database is unreachable, too slow or too busy right now (a retry later may
 * work), on either driver: TypeORM's QueryFailedError is looked through to the driver's error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const candidate = current as {
      code?: unknown;
      fatal?: unknown;
      driverError?: unknown;
      cause?: unknown;
      originalError?: unknown;
    };
    if (typeof candidate.code === 'string' && unavailableCodes.has(candidate.code)) return true;
    // mysql2 marks a connection it had to give up as fatal ("Can't add new command when connection is in
    // closed state" has no code).
    if (candidate.fatal === true) return true;
    // A GraphQLError made of an error thrown by a plugin (the cost take on Redis) keeps it as originalError.
    current = candidate.driverError ?? candidate.cause ?? candidate.originalError;
  }
  return false;
}

/** What the logs may say about such an error: its type and code, never the driver's message or stack. */
export function describeUnavailable(error: unknown): { type: string; code: string | undefined } {
  const driverError = (error as { driverError?: unknown }).driverError ?? error;
  const code = (driverError as { code?: unknown }).code;
  return {
    type: error instanceof Error ? error.name : typeof error,
    code: typeof code === 'string' ? code : undefined,
  };
}
