import { randomBytes } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import express, { type Request, type Response, type Router } from 'express';
import { type PartnerIdentity, type PartnerSignInClient } from './partner-sign-in.client.js';
import { openPartnerState, partnerStateCookieName, sealPartnerState } from './partner-state-cookie.js';

export interface PartnerSignInRoutesOptions {
  /** Undefined when no partner is configured: the start route then says so to the person. */
  client: () => PartnerSignInClient | undefined;
  /** Whether cookies get the Secure flag for this request. */
  secure: (req: Request) => boolean;
  /** Finds or creates the person for this partner identity, opens the session and sets its cookie. */
  completeSignIn: (req: Request, res: Response, identity: PartnerIdentity) => Promise<void>;
  /** The portal's public address (PUBLIC_URL), once known: the partner sends the person back there. */
  publicUrl?: () => string | undefined;
  now?: () => number;
}

const loopbackNames = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Where to send a person who opened the portal as another name of this machine than PUBLIC_URL's
 * (127.0.0.1 beside localhost): the partner returns to PUBLIC_URL, where the browser would not send the
 * sign-in attempt's cookie, and the sign-in would fail as "took too long or was started in another
 * browser" (portal issue, defect 12). So the attempt starts at PUBLIC_URL's address. Only loopback names
 * are treated so: behind a proxy that rewrites Host, any other difference would redirect for ever.
 */
export function canonicalStartUrl(
  requestHost: string | undefined,
  publicUrl: string | undefined,
  originalUrl: string,
): string | null {
  if (!requestHost || !publicUrl) return null;
  const target = new URL(publicUrl);
  const requested = new URL(`${target.protocol}//${requestHost}`);
  if (requested.host === target.host) return null;
  if (!loopbackNames.test(requested.hostname) || !loopbackNames.test(target.hostname)) return null;
  if ((requested.port || '80') !== (target.port || '80')) return null;
  return new URL(originalUrl, target).toString();
}

const attemptLifetimeMs = 10 * 60 * 1000;
const cookiePath = '/auth/partner';

/**
 * GET /auth/partner/start?lang=en|fr sends the person to the sign-in partner; GET /auth/partner/callback
 * checks state, nonce and PKCE, opens the portal session and continues to the terms of use. Failures land
 * on the partner sign-in page with a stable error code the app explains in the person's language.
 */
export function partnerSignInRoutes(options: PartnerSignInRoutesOptions): Router {
  const router = express.Router();
  const key = randomBytes(32);
  const now = options.now ?? Date.now;

  const fail = (res: Response, lang: 'en' | 'fr', code: string) => {
    res.redirect(302, `/${lang}/sign-in/partner?error=${code}`);
  };

  router.get('/auth/partner/start', async (req, res) => {
    const lang = req.query.lang === 'fr' ? 'fr' : 'en';
    const canonical = canonicalStartUrl(req.get('host'), options.publicUrl?.(), req.originalUrl);
    if (canonical) {
      res.redirect(302, canonical);
      return;
    }
    const client = options.client();
    if (!client) {
      fail(res, lang, 'PARTNER_UNAVAILABLE');
      return;
    }
    try {
      const start = await client.start(lang);
      const sealed = sealPartnerState(
        {
          codeVerifier: start.codeVerifier,
          state: start.state,
          nonce: start.nonce,
          lang,
          expiresAt: now() + attemptLifetimeMs,
        },
        key,
      );
      res.cookie(partnerStateCookieName, sealed, {
        httpOnly: true,
        // Lax: the partner's redirect back is a top-level GET navigation, which Lax cookies accompany.
        sameSite: 'lax',
        secure: options.secure(req),
        path: cookiePath,
        maxAge: attemptLifetimeMs,
      });
      res.redirect(302, start.url.toString());
    } catch (error) {
      req.log.warn({ err: error }, 'sign-in partner unreachable');
      fail(res, lang, 'PARTNER_UNAVAILABLE');
    }
  });

  router.get('/auth/partner/callback', async (req, res) => {
    const state = openPartnerState(
      parseCookies(req.headers.cookie ?? '')[partnerStateCookieName],
      key,
      now(),
    );
    res.clearCookie(partnerStateCookieName, { path: cookiePath });
    const lang = state?.lang ?? 'en';
    const client = options.client();
    if (!state || !client) {
      fail(res, lang, 'PARTNER_EXPIRED');
      return;
    }
    if (req.query.error) {
      fail(res, lang, req.query.error === 'access_denied' ? 'PARTNER_CANCELLED' : 'PARTNER_FAILED');
      return;
    }
    let identity: PartnerIdentity;
    try {
      const callbackUrl = new URL(req.originalUrl, client.settings.redirectUri);
      identity = await client.finish(callbackUrl, state);
    } catch (error) {
      req.log.warn(
        { err: { type: (error as Error).name, code: (error as { code?: string }).code } },
        'partner sign-in refused',
      );
      fail(res, lang, 'PARTNER_FAILED');
      return;
    }
    try {
      await options.completeSignIn(req, res, identity);
      res.redirect(302, `/${lang}/terms`);
    } catch (error) {
      if ((error as { extensions?: { reason?: unknown } }).extensions?.reason === 'CREDENTIAL_REVOKED') {
        fail(res, lang, 'PARTNER_REVOKED');
        return;
      }
      req.log.error({ err: error }, 'partner sign-in could not open a session');
      fail(res, lang, 'PARTNER_FAILED');
    }
  });

  return router;
}
