import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { authenticateApiToken, type AuthenticatedToken } from '../api-tokens/api-tokens.service.js';
import { UserSession } from './user-session.entity.js';
import { clearSessionCookie, setSessionCookie, type CookieTarget } from './session-cookie.js';
import { resolveSession, type ActiveSession, type StartedSession } from './session.service.js';

/**
 * The session of one HTTP request: loaded once (by the session plugin, before any resolver runs), then read
 * synchronously by resolvers and field resolvers; mutations that sign in or out update it and the cookie.
 */
export class RequestSession {
  private state: { loaded: false } | { loaded: true; active: ActiveSession | null } = { loaded: false };
  private loading: Promise<ActiveSession | null> | undefined;
  private bearer: AuthenticatedToken | null = null;

  constructor(
    private readonly deps: {
      dataSource: DataSource;
      config: AppConfig;
      res: CookieTarget;
      /** The token from the request's cookie, if it carried one. */
      token: string | undefined;
      /** Whether cookies get the Secure flag (isSecureRequest). */
      secure: boolean;
      /** The secret of `Authorization: Bearer`, if the request came with one (the cookie is then ignored). */
      bearerToken?: string | undefined;
    },
  ) {}

  /**
   * A session already known, for work outside an HTTP request (an export's pages, decision 0029): a person's
   * background session, or a token's (then `apiToken` is set and the standing source restricts as for a
   * bearer request).
   */
  static preloaded(
    deps: { dataSource: DataSource; config: AppConfig },
    active: ActiveSession,
    token: AuthenticatedToken | null,
  ): RequestSession {
    const session = new RequestSession({
      ...deps,
      res: { append: () => undefined },
      token: undefined,
      secure: false,
      bearerToken: token ? '' : undefined,
    });
    session.bearer = token;
    session.state = { loaded: true, active };
    session.loading = Promise.resolve(active);
    return session;
  }

  /** The token the request came with (so that a new sign-in can end that session). */
  get token(): string | undefined {
    return this.deps.token;
  }

  /** Loads the session once per request; a cookie that no longer opens a session is cleared. */
  load(): Promise<ActiveSession | null> {
    this.loading ??= (async () => {
      if (this.deps.bearerToken !== undefined) return this.loadBearer(this.deps.bearerToken);
      const active = this.deps.token
        ? await resolveSession(this.deps.dataSource, this.deps.config, this.deps.token)
        : null;
      if (this.deps.token && !active) clearSessionCookie(this.deps.res, this.deps.secure);
      this.state = { loaded: true, active };
      return active;
    })();
    return this.loading;
  }

  /**
   * A bearer request acts as its token's creator (an active BAM of the token's business) for the services'
   * rules, while the standing source restricts it to the token's business and scope
   * (docs/decisions/0014-broker-api.md). An unknown, expired or revoked token is UNAUTHENTICATED (HTTP 401),
   * never an anonymous request.
   */
  private async loadBearer(secret: string): Promise<ActiveSession> {
    const found = await authenticateApiToken(this.deps.dataSource, this.deps.config, secret);
    if (!found)
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'errors.tokenInvalid',
        {},
        { reason: 'TOKEN_INVALID', http: { status: 401 } },
      );
    this.bearer = found;
    const { token, user } = found;
    // No row: a token request has no browser session, no cookie and so no CSRF token.
    const session = Object.assign(new UserSession(), {
      id: `token:${token.id}`,
      tokenHash: '',
      userId: user.id,
      csrfToken: '',
      createdAt: token.createdAt,
      lastSeenAt: this.deps.config.now(),
      absoluteExpiresAt: token.expiresAt,
      termsAcceptedAt: token.createdAt,
      previousSignInAt: null,
      ipAddress: null,
      userAgent: null,
      activeBusinessId: token.businessId,
    });
    const active = { session, user };
    this.state = { loaded: true, active };
    return active;
  }

  /** The request came with `Authorization: Bearer` (known before the token is looked up). */
  get hasBearer(): boolean {
    return this.deps.bearerToken !== undefined;
  }

  /** The API token the request came with, once loaded; null for a browser session or nobody. */
  get apiToken(): AuthenticatedToken | null {
    return this.bearer;
  }

  /** The signed-in session, or null. Only valid once loaded, which the session plugin guarantees. */
  get current(): ActiveSession | null {
    if (!this.state.loaded) throw new Error('RequestSession read before it was loaded');
    return this.state.active;
  }

  /** A session was just opened: set its cookie and make it this request's session. */
  begin(started: StartedSession): void {
    setSessionCookie(this.deps.res, started.token, this.deps.config, this.deps.secure);
    this.state = { loaded: true, active: { session: started.session, user: started.user } };
  }

  /** The session was ended: forget the cookie. */
  end(): void {
    if (this.bearer) return;
    clearSessionCookie(this.deps.res, this.deps.secure);
    this.state = { loaded: true, active: null };
  }
}
