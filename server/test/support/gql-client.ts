import { type GqlBody } from './test-app.js';

export interface GqlClientOptions {
  /** Sent as X-Forwarded-For, which the app trusts from loopback: each client can be its own address. */
  ip?: string;
  lang?: 'en' | 'fr';
}

export interface GqlCallOptions {
  /** 'auto' (default): send the session's CSRF token on mutations; 'none': send none; anything else: send that. */
  csrf?: string;
  headers?: Record<string, string>;
}

export interface GqlResult {
  status: number;
  body: GqlBody;
  /** The Set-Cookie lines of the response. */
  setCookies: string[];
}

const SESSION = 'passerelle_session';

/**
 * A browser-like GraphQL client for integration tests: keeps the session cookie it is given, sends it back,
 * and sends the session's X-CSRF-Token on mutations (fetched from `session { csrfToken }` whenever the cookie
 * changed), unless told otherwise.
 */
export class GqlClient {
  private sessionCookie: string | undefined;
  private csrfToken: string | undefined;

  constructor(
    private readonly url: string,
    private readonly options: GqlClientOptions = {},
  ) {}

  /** The session cookie's value, if the client holds one. */
  get session(): string | undefined {
    return this.sessionCookie;
  }

  /** Replaces the held cookie (e.g. to replay a stolen or expired one). */
  setSession(value: string | undefined): void {
    this.sessionCookie = value;
    this.csrfToken = undefined;
  }

  async csrf(): Promise<string | undefined> {
    if (!this.sessionCookie) return undefined;
    if (!this.csrfToken) {
      const { body } = await this.send('{ session { csrfToken } }', undefined, 'none', {});
      this.csrfToken = (body.data?.session as { csrfToken?: string } | null)?.csrfToken;
    }
    return this.csrfToken;
  }

  async gql(
    query: string,
    variables?: Record<string, unknown>,
    options: GqlCallOptions = {},
  ): Promise<GqlResult> {
    const csrf = options.csrf ?? 'auto';
    const isMutation = /^\s*mutation\b/.test(query);
    const token = !isMutation || csrf === 'none' ? undefined : csrf === 'auto' ? await this.csrf() : csrf;
    return this.send(query, variables, token ?? 'none', options.headers ?? {});
  }

  private async send(
    query: string,
    variables: Record<string, unknown> | undefined,
    csrfToken: string,
    extraHeaders: Record<string, string>,
  ): Promise<GqlResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
    if (this.options.ip) headers['x-forwarded-for'] = this.options.ip;
    if (this.options.lang) headers['accept-language'] = this.options.lang;
    if (this.sessionCookie) headers.cookie = `${SESSION}=${this.sessionCookie}`;
    if (csrfToken !== 'none') headers['x-csrf-token'] = csrfToken;
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      if (pair.slice(0, index).trim() !== SESSION) continue;
      const value = pair.slice(index + 1).trim();
      this.sessionCookie = value === '' || /max-age=0/i.test(line) ? undefined : value;
      this.csrfToken = undefined;
    }
    return { status: res.status, body: (await res.json()) as GqlBody, setCookies };
  }
}
