import { parseCookie, stringifySetCookie } from 'cookie';
import { type AppConfig } from '../../config/env.js';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'passerelle_session';

/** What a response needs to set a cookie: Express's `res` fits. */
export interface CookieTarget {
  append(field: string, value: string): unknown;
}

/** The session cookie's attributes (docs/decisions/0007-sessions-and-csrf.md). */
export interface SessionCookieOptions {
  name: typeof SESSION_COOKIE;
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
}

/**
 * Whether cookies get the Secure flag for this request: COOKIE_SECURE=true|false decides; `auto` means when
 * the request came over HTTPS (Express's req.secure, which trusts X-Forwarded-Proto from a loopback proxy)
 * or NODE_ENV=production.
 */
export function isSecureRequest(req: { secure: boolean }, config: AppConfig): boolean {
  const setting = config.identity.cookieSecure;
  return setting === 'auto' ? req.secure || config.isProduction : setting;
}

export function sessionCookieOptions(secure: boolean): SessionCookieOptions {
  return { name: SESSION_COOKIE, httpOnly: true, sameSite: 'lax', path: '/', secure };
}

/**
 * Sets the session cookie. A browser-session cookie (no Max-Age): closing the browser forgets it, and the
 * server ends the session anyway after the idle or absolute timeout.
 */
export function setSessionCookie(
  res: CookieTarget,
  token: string,
  _config: AppConfig,
  secure: boolean,
): void {
  res.append(
    'Set-Cookie',
    stringifySetCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure }),
  );
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(res: CookieTarget, secure: boolean): void {
  res.append(
    'Set-Cookie',
    stringifySetCookie(SESSION_COOKIE, '', {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure,
      maxAge: 0,
      expires: new Date(0),
    }),
  );
}

/** The session token from a Cookie header, if it carries one that looks like ours (43 base64url characters). */
export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const token = parseCookie(cookieHeader)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}
