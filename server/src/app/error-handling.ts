import { type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { type GraphQLFormattedError } from 'graphql';
import {
  describeUnavailable,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from '../common/database/availability.js';
import { AppError, ErrorCode } from '../common/errors/app-error.js';
import { isMessageKey, translate } from '../common/i18n/messages.js';
import { type AppContext } from './context.js';

// Errors Apollo raises about the request itself: they describe the caller's mistake, not our internals.
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function isRequestError(extensions: Readonly<Record<string, unknown>> | undefined): boolean {
  const code = extensions?.code;
  return typeof code === 'string' && requestErrorCodes.has(code);
}

/**
 * Apollo's formatError: AppErrors keep their code and message key; request errors pass; anything else is
 * masked so that no internal detail (SQL, stack, driver message) reaches the client. The plugin below logs it.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    // `http` (a status such as 403) is for Apollo's response, which has already read it; not for the body.
    const { http: _http, ...extensions } = original.extensions;
    return {
      message: original.messageKey,
      ...(formatted.locations && { locations: formatted.locations }),
      ...(formatted.path && { path: formatted.path }),
      extensions: { ...extensions, messageKey: original.messageKey, params: original.params },
    };
  }
  if (isRequestError(formatted.extensions)) return formatted;
  if (isDatabaseUnavailable(original))
    return {
      message: 'errors.serviceUnavailable',
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, messageKey: 'errors.serviceUnavailable' },
    };
  return {
    message: 'errors.internal',
    ...(formatted.path && { path: formatted.path }),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageKey: 'errors.internal' },
  };
}

/**
 * Logs unexpected errors with the request's id (formatError has no context), and writes each error's
 * message in the caller's language from the key formatError left on it.
 */
export function errorHandlingPlugin(): ApolloServerPlugin<AppContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (original instanceof AppError || isRequestError(error.extensions)) continue;
            // The driver's message names hosts and its stack says nothing useful: type and code only.
            if (isDatabaseUnavailable(original)) {
              contextValue.log.warn(
                { err: describeUnavailable(original), path: error.path },
                'database unavailable in a GraphQL request',
              );
              continue;
            }
            contextValue.log.error(
              { err: original, path: error.path },
              'unexpected error in a GraphQL request',
            );
          }
          return Promise.resolve();
        },
        willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return Promise.resolve();
          if (
            response.body.singleResult.errors.some(
              (e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE,
            )
          ) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
          const lang = contextValue?.lang ?? 'en';
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
            const { messageKey, params, ...extensions } = error.extensions ?? {};
            if (!isMessageKey(messageKey)) return error;
            const message = translate(lang, messageKey, (params ?? {}) as Record<string, string | number>);
            return { ...error, message, extensions };
          });
          return Promise.resolve();
        },
      });
    },
  };
}
