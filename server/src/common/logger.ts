import { pino, type Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { describeUnavailable, isDatabaseUnavailable } from './database/availability.js';

export type { Logger };

/**
 * Error serializer that keeps personal data out of the logs: database errors are reduced to their driver
 * code (their messages and parameters can carry values people typed, such as an email in a duplicate key), and
 * connection errors to their type and code.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  // A lost or refused connection: the driver's message names the host and port, its stack tells nothing.
  if (isDatabaseUnavailable(error)) return describeUnavailable(error);
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as { code?: string; errno?: number } | undefined;
    return { type: 'QueryFailedError', code: driverError?.code, errno: driverError?.errno };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { type: error.name, message: error.message, code, stack: error.stack };
  }
  return { type: typeof error };
}

/** JSON-lines logger. Redacts credentials and cookies should a caller ever pass them. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'passerelle' },
      serializers: { err: serializeError },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.password',
          '*.token',
          '*.secret',
          '*.email',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
