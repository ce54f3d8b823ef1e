import { type Request, type Response } from 'express';
import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { findOrCreatePartnerUser, type PartnerIdentity } from '../users/users.service.js';
import { isSecureRequest, readSessionToken, setSessionCookie } from './session-cookie.js';
import { startSession } from './session.service.js';

/**
 * The last step of a sign-in partner's callback (partner-sign-in.routes.ts `completeSignIn`): finds or creates
 * the person of (issuer, subject), opens the session through the same path as a password sign-in (previous
 * sign-in time, SIGN_IN_SUCCEEDED, any session of this browser replaced) and sets the session cookie. The
 * terms of use are then asked, as after every sign-in. Throws FORBIDDEN (extensions.reason
 * CREDENTIAL_REVOKED) when the person revoked this credential.
 */
export function completePartnerSignIn(
  dataSource: DataSource,
  config: AppConfig,
): (req: Request, res: Response, identity: PartnerIdentity) => Promise<void> {
  return async (req, res, identity) => {
    const user = await findOrCreatePartnerUser(dataSource, identity, config.now());
    const started = await startSession(dataSource, config, {
      userId: user.id,
      ipAddress: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
      replacesToken: readSessionToken(req.headers.cookie),
    });
    setSessionCookie(res, started.token, config, isSecureRequest(req, config));
  };
}
