import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { clearSessionCookie, setSessionCookie, type CookieTarget } from './session-cookie.js';
import { resolveSession, type ActiveSession, type StartedSession } from './session.service.js';

/**
 * The session of one HTTP request: loaded once (by the session plugin, before any resolver runs), then read
 * synchronously by resolvers and field resolvers; mutations that sign in or out update it and the cookie.
 */
export class RequestSession {
  private state: { loaded: false } | { loaded: true; active: ActiveSession | null } = { loaded: false };
  private loading: Promise<ActiveSession | null> | undefined;

  constructor(
    private readonly deps: {
      dataSource: DataSource;
      config: AppConfig;
      res: CookieTarget;
      /** The token from the request's cookie, if it carried one. */
      token: string | undefined;
      /** Whether cookies get the Secure flag (isSecureRequest). */
      secure: boolean;
    },
  ) {}

  /** The token the request came with (so that a new sign-in can end that session). */
  get token(): string | undefined {
    return this.deps.token;
  }

  /** Loads the session once per request; a cookie that no longer opens a session is cleared. */
  load(): Promise<ActiveSession | null> {
    this.loading ??= (async () => {
      const active = this.deps.token
        ? await resolveSession(this.deps.dataSource, this.deps.config, this.deps.token)
        : null;
      if (this.deps.token && !active) clearSessionCookie(this.deps.res, this.deps.secure);
      this.state = { loaded: true, active };
      return active;
    })();
    return this.loading;
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
    clearSessionCookie(this.deps.res, this.deps.secure);
    this.state = { loaded: true, active: null };
  }
}
