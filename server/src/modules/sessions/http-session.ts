import { type Request } from 'express';
import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { readBearerToken } from '../api-tokens/bearer.js';
import { RequestSession } from './request-session.js';
import { isSecureRequest, readSessionToken, type CookieTarget } from './session-cookie.js';

/**
 * The session of an HTTP request, built one way for /graphql and the REST routes: the session cookie, or the
 * API token of `Authorization: Bearer` when the route takes one (the cookie is then ignored).
 */
export function sessionOfRequest(
  req: Request,
  res: CookieTarget,
  deps: { dataSource: DataSource; config: AppConfig },
  options: { bearer: boolean },
): RequestSession {
  return new RequestSession({
    dataSource: deps.dataSource,
    config: deps.config,
    res,
    token: readSessionToken(req.headers.cookie),
    // Read when a cookie is set or cleared (req.secure weighs the trusted proxies): most requests set none.
    get secure() {
      return isSecureRequest(req, deps.config);
    },
    ...(options.bearer ? { bearerToken: readBearerToken(req.get('authorization')) } : {}),
  });
}
