import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/env.js';
import { isSecureRequest, readSessionToken } from './session-cookie.js';

describe('the session cookie', () => {
  it('is Secure over HTTPS or in production with COOKIE_SECURE=auto, and as told otherwise', () => {
    const dev = loadConfig({});
    const prod = loadConfig({ NODE_ENV: 'production' });
    expect(isSecureRequest({ secure: false }, dev)).toBe(false);
    expect(isSecureRequest({ secure: true }, dev)).toBe(true);
    expect(isSecureRequest({ secure: false }, prod)).toBe(true);
    expect(isSecureRequest({ secure: false }, loadConfig({ COOKIE_SECURE: 'true' }))).toBe(true);
    expect(
      isSecureRequest({ secure: true }, loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' })),
    ).toBe(false);
  });

  it('is read only when it looks like a session token', () => {
    const token = 'a'.repeat(43);
    expect(readSessionToken(`theme=dark; passerelle_session=${token}`)).toBe(token);
    expect(readSessionToken('passerelle_session=short')).toBeUndefined();
    expect(readSessionToken(`passerelle_session=${'a'.repeat(42)}!`)).toBeUndefined();
    expect(readSessionToken(undefined)).toBeUndefined();
  });
});
