import { type ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { AppError, ErrorCode } from '../common/errors/app-error.js';
import { csrfTokenMatches } from '../modules/sessions/session.service.js';
import { readTokenMutations, rootFieldNames, tokenMutations } from '../modules/api-tokens/token-policy.js';
import { type AppContext } from './context.js';

/**
 * Loads the request's session once, before any resolver runs (so that `me`, its fields and every guard read
 * the same session without another query), then guards mutations against cross-site request forgery: a
 * mutation that arrives with a live session cookie must carry that session's token in X-CSRF-Token, or it
 * is refused with HTTP 403 and CSRF_TOKEN_INVALID before anything runs. Without a live session there is no
 * authority to forge: the session-starting mutations (registerLocalCredential, signIn,
 * resetForgottenPassword) run, and the others answer UNAUTHENTICATED. docs/decisions/0007-sessions-and-csrf.md.
 */
export function sessionPlugin(): ApolloServerPlugin<AppContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation({ contextValue, operation, request, document }) {
          const active = await contextValue.session.load();
          if (operation?.operation !== OperationTypeNode.MUTATION || !active) return;
          const token = contextValue.session.apiToken;
          if (token) {
            // A bearer request has no cookie, so nothing to forge: no CSRF token. Its scope decides instead.
            if (
              token.token.scope !== 'READ_WRITE' &&
              rootFieldNames(document, operation).some((name) => !readTokenMutations.has(name))
            )
              throw new AppError(
                ErrorCode.FORBIDDEN,
                'errors.tokenReadOnly',
                {},
                { reason: 'TOKEN_READ_ONLY', http: { status: 403 } },
              );
            if (rootFieldNames(document, operation).some((name) => !tokenMutations.has(name)))
              throw new AppError(
                ErrorCode.FORBIDDEN,
                'errors.tokenNotAllowed',
                {},
                { reason: 'TOKEN_NOT_ALLOWED', http: { status: 403 } },
              );
            return;
          }
          if (!csrfTokenMatches(active.session, request.http?.headers.get('x-csrf-token'))) {
            throw new AppError(
              ErrorCode.CSRF_TOKEN_INVALID,
              'errors.csrfTokenInvalid',
              {},
              { http: { status: 403 } },
            );
          }
        },
      });
    },
  };
}
