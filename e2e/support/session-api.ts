import { expect } from 'vitest';

/**
 * A signed-in GraphQL client, as a broker's system would hold one: keeps the session cookie, and sends the
 * session's X-CSRF-Token on mutations. For journeys that need an actor other than the browser's person
 * (an officer issuing a key, say).
 */
export class SessionApi {
  /** Cookies by name, as a browser keeps them: a later Set-Cookie replaces one, Max-Age=0 drops it. */
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  private constructor(
    private readonly baseUrl: string,
    private readonly language: 'en' | 'fr',
  ) {}

  /** Signs in with a GCKey username and password and accepts the portal's terms of use for the session. */
  static async signIn(
    baseUrl: string,
    username: string,
    password: string,
    language: 'en' | 'fr' = 'en',
  ): Promise<SessionApi> {
    const api = new SessionApi(baseUrl, language);
    const signIn = (await api.request(
      'mutation ($input: SignInInput!) { signIn(input: $input) { userErrors { code } } }',
      { input: { username, password } },
    )) as { signIn: { userErrors: unknown[] } };
    expect(signIn.signIn.userErrors).toEqual([]);
    expect(api.cookies.size).toBeGreaterThan(0);
    const terms = (await api.request(
      'mutation { respondToTerms(accept: true) { userErrors { code } } }',
    )) as { respondToTerms: { userErrors: unknown[] } };
    expect(terms.respondToTerms.userErrors).toEqual([]);
    return api;
  }

  /** Sends one operation; fails the test on GraphQL errors, returns `data`. */
  async request(query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
    const isMutation = /^\s*mutation\b/.test(query);
    // The token belongs to the session: ask for it once there is one (after sign-in), before a mutation.
    if (isMutation && this.cookies.size > 0 && !this.csrfToken) await this.refreshCsrfToken();
    const body = await this.send(query, variables, isMutation);
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  private async refreshCsrfToken(): Promise<void> {
    const body = await this.send('{ session { csrfToken } }', {}, false);
    expect(body.errors).toBeUndefined();
    this.csrfToken = (body.data as { session: { csrfToken: string } | null }).session?.csrfToken;
  }

  private async send(
    query: string,
    variables: Record<string, unknown>,
    isMutation: boolean,
  ): Promise<{ data?: unknown; errors?: unknown }> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'accept-language': this.language,
    };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (isMutation && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    let sessionChanged = false;
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
      sessionChanged = true;
    }
    // A new session (sign-in) has a new token.
    if (sessionChanged) this.csrfToken = undefined;
    return (await response.json()) as { data?: unknown; errors?: unknown };
  }
}
