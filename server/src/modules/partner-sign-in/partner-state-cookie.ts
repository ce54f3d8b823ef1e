import { createHmac, timingSafeEqual } from 'node:crypto';

export interface PartnerLoginState {
  codeVerifier: string;
  state: string;
  nonce: string;
  lang: 'en' | 'fr';
  /** Epoch milliseconds after which the attempt is void. */
  expiresAt: number;
}

export const partnerStateCookieName = 'passerelle_partner';

/**
 * The in-flight partner sign-in lives in a short-lived, HMAC-signed, HttpOnly cookie rather than in the
 * database: nothing to clean up, and a forged or altered cookie is refused.
 */
export function sealPartnerState(value: PartnerLoginState, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  const mac = createHmac('sha256', key).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

/** Returns the state when the cookie is authentic and not expired; otherwise undefined. */
export function openPartnerState(
  cookie: string | undefined,
  key: Buffer,
  now: number,
): PartnerLoginState | undefined {
  if (!cookie) return undefined;
  const [payload, mac] = cookie.split('.');
  if (!payload || !mac) return undefined;
  const expected = createHmac('sha256', key).update(payload).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PartnerLoginState;
    return value.expiresAt > now ? value : undefined;
  } catch {
    return undefined;
  }
}
