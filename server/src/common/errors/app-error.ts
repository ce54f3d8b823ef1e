import { GraphQLError } from 'graphql';
import { type MessageKey, type MessageParams } from '../i18n/messages.js';

/**
 * Stable error codes. Every module adds its own here so that one list documents what clients may see;
 * anything that is not an AppError reaches the client as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A mutation sent with a session cookie but without the session's X-CSRF-Token (HTTP 403). */
  CSRF_TOKEN_INVALID: 'CSRF_TOKEN_INVALID',
  /** Too many requests of a kind from one address; extensions.retryAt says when to try again. */
  THROTTLED: 'THROTTLED',
  /** A single query whose static cost is above the per-query maximum (HTTP 400; docs/api.md). */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** Trusted documents only: a browser session sent an operation that is not one of the app's (HTTP 400). */
  PERSISTED_DOCUMENT_REQUIRED: 'PERSISTED_DOCUMENT_REQUIRED',
  /** `Idempotency-Key` already used by this caller for another request in the last 24 hours (HTTP 422). */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** The same request is still running under this `Idempotency-Key` (HTTP 409, Retry-After). */
  IDEMPOTENCY_KEY_IN_USE: 'IDEMPOTENCY_KEY_IN_USE',
  /** The first request under this key was done, but its answer was too large to keep (HTTP 409). */
  IDEMPOTENCY_ANSWER_NOT_KEPT: 'IDEMPOTENCY_ANSWER_NOT_KEPT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The one error type the API throws on purpose. The message is written in the caller's language by the
 * localization plugin, from `messageKey` and `params`; `extensions.code` never changes once published.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    extensions: Record<string, unknown> = {},
  ) {
    super(messageKey, { extensions: { ...extensions, code } });
    this.name = 'AppError';
  }
}
