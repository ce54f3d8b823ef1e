import { expect } from 'vitest';

/**
 * A signed-in GraphQL client, as a broker's system would hold one: keeps the session cookie, and sends the
 * session's X-CSRF-Token on mutations. For journeys that need an actor other than the browser's person
 * (an officer issuing a key, say).
 */
export class SessionApi {
  private cookie: string | undefined;
  private csrfToken: string | undefined;

  private constructor(private readonly baseUrl: string) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<SessionApi> {
    const api = new SessionApi(baseUrl);
    const signIn = (await api.request(
      'mutation ($input: SignInInput!) { signIn(input: $input) { userErrors { code } } }',
      { input: { username, password } },
    )) as { signIn: { userErrors: unknown[] } };
    expect(signIn.signIn.userErrors).toEqual([]);
    const session = (await api.request('{ session { csrfToken } }')) as { session: { csrfToken: string } };
    api.csrfToken = session.session.csrfToken;
    await api.request('mutation { respondToTerms(accept: true) { userErrors { code } } }');
    return api;
  }

  /** Sends one operation; fails the test on GraphQL errors, returns `data`. */
  async request(query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && /^\s*mutation/.test(query)) headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  }
}
