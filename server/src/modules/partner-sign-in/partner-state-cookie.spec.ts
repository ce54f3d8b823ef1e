import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openPartnerState, sealPartnerState, type PartnerLoginState } from './partner-state-cookie.js';

const key = randomBytes(32);
const state: PartnerLoginState = { codeVerifier: 'v', state: 's', nonce: 'n', lang: 'fr', expiresAt: 2_000 };

describe('partner state cookie', () => {
  it('round-trips while valid', () => {
    expect(openPartnerState(sealPartnerState(state, key), key, 1_999)).toEqual(state);
  });

  it('refuses an expired, altered, foreign-key or malformed cookie', () => {
    const sealed = sealPartnerState(state, key);
    expect(openPartnerState(sealed, key, 2_000)).toBeUndefined();
    const [payload, mac] = sealed.split('.');
    const altered = Buffer.from(JSON.stringify({ ...state, lang: 'en' })).toString('base64url');
    expect(openPartnerState(`${altered}.${mac}`, key, 0)).toBeUndefined();
    expect(openPartnerState(sealed, randomBytes(32), 0)).toBeUndefined();
    expect(openPartnerState(payload, key, 0)).toBeUndefined();
    expect(openPartnerState(undefined, key, 0)).toBeUndefined();
  });
});
