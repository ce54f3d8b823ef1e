import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { OperationTypeNode, print } from 'graphql';
import { AppError, ErrorCode } from '../common/errors/app-error.js';
import {
  claimKey,
  completeKey,
  keyProblem,
  KEY_MAX_LENGTH,
  releaseKey,
  requestHash,
} from '../modules/idempotency/idempotency.service.js';
import { type AppContext } from './context.js';

// `Idempotency-Key` for every mutation (docs/api.md "Idempotent writes", decision 0029). One plugin instead
// of an input field on each mutation: it covers the mutations other modules add without touching them.
// Its didResolveOperation runs beside the session, CSRF, scope and cost checks; when one of them refuses the
// request, the answer has no data and willSendResponse gives the key back. `responseForOperation` answers a
// replay without running anything.

/** How long a retry waits for the same request still running under its key before answering a conflict. */
export const WAIT_FOR_FIRST_MS = 5_000;
const POLL_MS = 50;

/** The caller a key belongs to: the token, or the person (across their sessions); null for anonymous. */
function callerOf(context: AppContext): string | null {
  const token = context.session.apiToken;
  if (token) return `token:${token.token.id}`;
  const user = context.session.current?.user;
  return user ? `user:${user.id}` : null;
}

function refused(
  reason: string,
  status: number,
  messageKey: 'errors.idempotencyKeyInvalid' | 'errors.idempotencyKeyNeedsCaller',
  params = {},
) {
  return new AppError(ErrorCode.BAD_USER_INPUT, messageKey, params, {
    argument: 'Idempotency-Key',
    reason,
    http: { status },
  });
}

export function idempotencyPlugin(): ApolloServerPlugin<AppContext> {
  return {
    requestDidStart() {
      let held: { caller: string; key: string; owner: string } | null = null;
      let replay: GraphQLResponse | null = null;
      return Promise.resolve({
        // Errors thrown here keep their code and HTTP status (in responseForOperation they would be a 500);
        // the replay itself is answered by responseForOperation, which skips execution.
        async didResolveOperation({ contextValue, operation, document, request }) {
          const key = request.http?.headers.get('idempotency-key');
          // Queries are idempotent already: the header is ignored on them.
          if (key === undefined || operation?.operation !== OperationTypeNode.MUTATION) return;
          const problem = keyProblem(key);
          if (problem) throw refused(problem, 400, 'errors.idempotencyKeyInvalid', { max: KEY_MAX_LENGTH });
          // The plugins' didResolveOperation hooks run side by side: load the session (once per request) here too.
          await contextValue.session.load();
          const caller = callerOf(contextValue);
          if (!caller) throw refused('IDEMPOTENCY_KEY_NEEDS_CALLER', 400, 'errors.idempotencyKeyNeedsCaller');
          const hash = requestHash(print(document), request.operationName ?? null, request.variables);
          const { dataSource, config } = contextValue;
          const waitUntil = Date.now() + WAIT_FOR_FIRST_MS;
          for (;;) {
            const claim = await claimKey(dataSource, config.now(), caller, key, hash);
            if (claim.kind === 'claimed') {
              held = { caller, key, owner: claim.owner };
              return;
            }
            if (claim.kind === 'mismatch')
              throw new AppError(
                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                'errors.idempotencyKeyReused',
                {},
                { http: { status: 422 } },
              );
            if (claim.kind === 'replay') {
              const headers = new HeaderMap([['idempotent-replayed', 'true']]);
              if (claim.response === null)
                throw new AppError(
                  ErrorCode.IDEMPOTENCY_ANSWER_NOT_KEPT,
                  'errors.idempotencyAnswerNotKept',
                  {},
                  { http: { status: 409, headers } },
                );
              const body = JSON.parse(claim.response) as { data?: Record<string, unknown>; errors?: [] };
              replay = {
                http: { status: claim.httpStatus ?? undefined, headers },
                body: { kind: 'single', singleResult: body },
              };
              return;
            }
            // The same request is running under this key: wait (bounded) for its answer.
            if (Date.now() >= waitUntil)
              throw new AppError(
                ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                'errors.idempotencyKeyInUse',
                {},
                { http: { status: 409, headers: new Map([['retry-after', '1']]) } },
              );
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          }
        },
        responseForOperation() {
          return Promise.resolve(replay);
        },
        async willSendResponse({ response, contextValue }) {
          if (!held || response.body.kind !== 'single') return;
          const { caller, key, owner } = held;
          held = null;
          const { data, errors } = response.body.singleResult;
          // An answer without data, or whose every field is null beside errors, is an error before or instead of
          // the change (each mutation is one transaction): nothing changed, so the key is given back for a retry.
          const failed = !data || (!!errors?.length && Object.values(data).every((value) => value === null));
          if (failed) await releaseKey(contextValue.dataSource, caller, key, owner);
          else
            await completeKey(
              contextValue.dataSource,
              caller,
              key,
              owner,
              JSON.stringify(errors ? { data, errors } : { data }),
              response.http.status ?? 200,
            );
        },
      });
    },
  };
}
