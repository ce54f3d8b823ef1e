import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { SessionDocument, SignOutDocument, ViewerDocument } from '../generated/graphql';
import { createCsrfLink, csrfHeader } from './apollo-client';

interface Sent {
  operationName: string | undefined;
  token: string | undefined;
}

/**
 * A stand-in for the server: answers Session with the current token, refuses mutations whose
 * X-CSRF-Token is not that token (as the API does, 403 CSRF_TOKEN_INVALID), and records what it got.
 */
function fakeServer(options: { token: () => string | null; refuseAs?: 'data' | 'http' }) {
  const sent: Sent[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        const headers = (operation.getContext().headers ?? {}) as Record<string, string>;
        sent.push({ operationName: operation.operationName, token: headers[csrfHeader] });
        const current = options.token();
        if (operation.operationName === 'Session') {
          observer.next({
            data: {
              session: current
                ? {
                    __typename: 'SessionInfo',
                    csrfToken: current,
                    idleExpiresAt: '2026-01-01T00:20:00Z',
                    absoluteExpiresAt: '2026-01-01T08:00:00Z',
                  }
                : null,
            },
          });
        } else if (operation.operationName === 'SignOut' && headers[csrfHeader] !== current) {
          const body = {
            errors: [{ message: 'Reload the page', extensions: { code: 'CSRF_TOKEN_INVALID' } }],
          };
          if (options.refuseAs === 'http') {
            // What HttpLink reports for a 403 whose body is not `application/graphql-response+json`.
            const bodyText = JSON.stringify(body);
            observer.error(
              new ServerError('Response not successful', {
                response: new Response(bodyText, { status: 403 }),
                bodyText,
              }),
            );
            return;
          }
          observer.next(body);
        } else if (operation.operationName === 'SignOut') {
          observer.next({
            data: { signOut: { __typename: 'SignOutPayload', signedOut: true, userErrors: [] } },
          });
        } else {
          observer.next({ data: { me: null } });
        }
        observer.complete();
      }),
  );
  return { link, sent };
}

function clientWith(server: ReturnType<typeof fakeServer>) {
  return new ApolloClient({
    link: ApolloLink.from([createCsrfLink(), server.link]),
    cache: new InMemoryCache(),
  });
}

describe('CSRF link', () => {
  it('sends the cached session token with every mutation, and never with queries', async () => {
    const server = fakeServer({ token: () => 'token-A' });
    const client = clientWith(server);
    await client.query({ query: SessionDocument });
    await client.query({ query: ViewerDocument });

    const { data } = await client.mutate({ mutation: SignOutDocument });

    expect(data?.signOut.signedOut).toBe(true);
    expect(server.sent).toEqual([
      { operationName: 'Session', token: undefined },
      { operationName: 'Viewer', token: undefined },
      { operationName: 'SignOut', token: 'token-A' },
    ]);
  });

  it('asks for the session first when nothing is cached (a mutation right after a reload)', async () => {
    const server = fakeServer({ token: () => 'token-A' });
    const client = clientWith(server);

    await client.mutate({ mutation: SignOutDocument });

    expect(server.sent).toEqual([
      { operationName: 'Session', token: undefined },
      { operationName: 'SignOut', token: 'token-A' },
    ]);
  });

  it('sends no token when the cache knows nobody is signed in', async () => {
    const server = fakeServer({ token: () => null });
    const client = clientWith(server);
    await client.query({ query: SessionDocument });

    await client.mutate({ mutation: SignOutDocument }).catch(() => undefined);

    expect(server.sent.at(-1)).toEqual({ operationName: 'SignOut', token: undefined });
  });

  it.each(['data', 'http'] as const)(
    'fetches a new token and retries once when the server refuses the cached one (%s)',
    async (refuseAs) => {
      let token = 'token-A';
      const server = fakeServer({ token: () => token, refuseAs });
      const client = clientWith(server);
      await client.query({ query: SessionDocument });
      // The session changed elsewhere (signed in again in another tab).
      token = 'token-B';

      const { data } = await client.mutate({ mutation: SignOutDocument });

      expect(data?.signOut.signedOut).toBe(true);
      expect(server.sent).toEqual([
        { operationName: 'Session', token: undefined },
        { operationName: 'SignOut', token: 'token-A' },
        { operationName: 'Session', token: undefined },
        { operationName: 'SignOut', token: 'token-B' },
      ]);
      // The new token is cached for the next mutation.
      expect(client.readQuery({ query: SessionDocument })?.session?.csrfToken).toBe('token-B');
    },
  );
});
