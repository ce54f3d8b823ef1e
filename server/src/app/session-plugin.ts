import { type ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { AppError, ErrorCode } from '../common/errors/app-error.js';
import { csrfTokenMatches } from '../modules/sessions/session.service.js';
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
        async didResolveOperation({ contextValue, operation, request }) {
          const active = await contextValue.session.load();
          if (operation?.operation !== OperationTypeNode.MUTATION || !active) return;
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
