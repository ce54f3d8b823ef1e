import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { OperationTypeNode } from 'graphql';
import { catchError, from, mergeMap, of, tap, throwError, type Observable } from 'rxjs';
import { SessionDocument } from '../generated/graphql';
import persistedDocumentIds from '../generated/persisted-document-ids.json';
import { languageOfPath } from './language';
import { type SessionClock, sessionClock } from './session-clock';

/**
 * The server answers user errors (`userErrors { message }`) in the language of `Accept-Language`;
 * the portal's language is the one in the URL, whatever the browser prefers, so send that.
 */
export const languageLink = new ApolloLink((operation, forward) => {
  const language = languageOfPath(window.location.pathname) ?? 'en';
  operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
    headers: { ...headers, 'Accept-Language': language },
  }));
  return forward(operation);
});

/**
 * Sends each operation's persisted id (codegen's sha256 of the text Apollo Client sends) beside the text:
 * a server with trusted documents on refuses text that is not the app's, or that does not match its id
 * (docs/api.md, "Limits and cost").
 */
export const persistedDocumentLink = new ApolloLink((operation, forward) => {
  const id = (persistedDocumentIds as Record<string, string>)[operation.operationName ?? ''];
  if (id) operation.extensions.persistedDocumentId = id;
  return forward(operation);
});

export const csrfHeader = 'X-CSRF-Token';
const csrfRejected = 'CSRF_TOKEN_INVALID';

/** Where the CSRF link gets the session's token; `fresh` asks the server rather than the cache. */
export type CsrfTokenSource = (client: ApolloClient, fresh: boolean) => Promise<string | undefined>;

/**
 * The token from the cached `session` answer; the server is asked when nothing is cached (first
 * mutation after a reload) or when it refused the cached token. A cached `session: null` means
 * signed out: the mutations allowed then (sign-in, registration, password reset) need no token.
 */
export const sessionCsrfToken: CsrfTokenSource = async (client, fresh) => {
  const cached = fresh ? null : client.cache.readQuery({ query: SessionDocument });
  if (cached) return cached.session?.csrfToken;
  const { data } = await client.query({ query: SessionDocument, fetchPolicy: 'network-only' });
  return data?.session?.csrfToken;
};

function isCsrfRejection(value: unknown): boolean {
  if (CombinedGraphQLErrors.is(value)) {
    return value.errors.some((error) => error.extensions?.code === csrfRejected);
  }
  if (ServerError.is(value)) return value.statusCode === 403 && value.bodyText.includes(csrfRejected);
  // A result delivered as data: `errors` beside `data`.
  const errors = (value as { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } | null)
    ?.errors;
  return errors?.some((error) => error.extensions?.code === csrfRejected) ?? false;
}

/**
 * Every mutation carries the session's CSRF token (the session cookie alone is not enough, see
 * docs/design/identity-api.graphql). A token the server refuses (the session changed in another tab)
 * is fetched again and the mutation retried once.
 */
export function createCsrfLink(tokenSource: CsrfTokenSource = sessionCsrfToken): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (operation.operationType !== OperationTypeNode.MUTATION) return forward(operation);
    const attempt = (fresh: boolean): Observable<ApolloLink.Result> =>
      from(tokenSource(operation.client, fresh)).pipe(
        mergeMap((token) => {
          operation.setContext(({ headers }: { headers?: Record<string, string> }) => {
            const next = { ...headers };
            if (token) next[csrfHeader] = token;
            else delete next[csrfHeader];
            return { headers: next };
          });
          return forward(operation);
        }),
      );
    return attempt(false).pipe(
      mergeMap((result) => (isCsrfRejection(result) ? attempt(true) : of(result))),
      catchError((error: unknown) => (isCsrfRejection(error) ? attempt(true) : throwError(() => error))),
    );
  });
}

/** Feeds the session clock: every answer is activity, and `session` answers say how long the session lasts. */
export function createSessionActivityLink(clock: SessionClock = sessionClock): ApolloLink {
  return new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      tap((result) => {
        const data = result.data as
          { session?: { idleExpiresAt: string; absoluteExpiresAt: string } | null } | null | undefined;
        if (operation.operationName === 'Session' && data && 'session' in data) {
          clock.noteSession(data.session ?? null);
        } else {
          clock.noteResponse();
        }
      }),
    ),
  );
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // The profile has no id of its own: pages that ask for different fields of it add up.
      PersonalProfile: { merge: true },
      LockedCredential: { keyFields: ['userId'] },
    },
  });
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([
      languageLink,
      createCsrfLink(),
      createSessionActivityLink(),
      persistedDocumentLink,
      // Same origin as the page: the server serves both /graphql and the built client.
      new HttpLink({ uri: '/graphql', credentials: 'same-origin', includeExtensions: true }),
    ]),
    cache: createCache(),
  });
}
