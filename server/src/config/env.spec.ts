import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database under ./data and port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ type: 'sqlite', file: path.join(config.dataDir, 'passerelle.sqlite') });
    expect(path.basename(config.dataDir)).toBe('data');
    expect(config.introspection).toBe(true);
  });

  it('resolves DATA_DIR against the working directory and honours PORT', () => {
    const config = loadConfig({ DATA_DIR: 'var/db', PORT: '8080' }, '/srv/app');
    expect(config.dataDir).toBe('/srv/app/var/db');
    expect(config.port).toBe(8080);
  });

  it('switches to MySQL with DATABASE_URL and turns introspection off in production', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://app:pw@db:3306/passerelle', NODE_ENV: 'production' });
    expect(config.database).toEqual({ type: 'mysql', url: 'mysql://app:pw@db:3306/passerelle' });
    expect(config.introspection).toBe(false);
    expect(config.isProduction).toBe(true);
  });

  it('lists every bad value at once, readably', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'postgres://x',
        LOG_LEVEL: 'loud',
        SEED_DEMO_DATA: 'maybe',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const { problems, message } = caught as ConfigError;
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'SEED_DEMO_DATA',
    ]);
    expect(message).toMatch(/^Invalid configuration:\n {2}- /);
  });

  it('turns the demo world off with DEMO_WORLD=false and keeps the demo reference data', () => {
    expect(loadConfig({})).toMatchObject({ seedDemoData: true, demo: true });
    expect(loadConfig({ DEMO_WORLD: 'false' })).toMatchObject({ seedDemoData: true, demo: false });
    expect(loadConfig({ SEED_DEMO_DATA: 'false' })).toMatchObject({ seedDemoData: false, demo: false });
  });

  it('accepts a port at the top of the range and refuses one past it', () => {
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
    expect(() => loadConfig({ PORT: '65536' })).toThrow(ConfigError);
  });

  it('uses the bundled sign-in partner outside production unless an issuer is configured', () => {
    expect(loadConfig({}).partner).toEqual({ kind: 'bundled', port: 4001 });
    expect(loadConfig({ NODE_ENV: 'production' }).partner).toEqual({ kind: 'none' });
    expect(
      loadConfig({
        OIDC_ISSUER: 'https://id.example.ca',
        OIDC_CLIENT_ID: 'portal',
        OIDC_CLIENT_SECRET: 's3cret',
      }).partner,
    ).toEqual({
      kind: 'external',
      issuer: 'https://id.example.ca',
      clientId: 'portal',
      clientSecret: 's3cret',
    });
  });

  it('requires the client id and secret with an issuer', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example.ca' })).toThrow(/OIDC_CLIENT_ID/);
  });

  it('has the identity defaults of docs/identity.md and reads their overrides', () => {
    expect(loadConfig({}).identity).toEqual({
      cookieSecure: 'auto',
      sessionIdleMs: 20 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      lockoutThreshold: 5,
      lockoutMs: 30 * 60_000,
      addressFailureLimit: 30,
      addressLookupLimit: 60,
      addressWindowMs: 15 * 60_000,
      secret: undefined,
    });
    const custom = loadConfig({
      COOKIE_SECURE: 'false',
      SESSION_IDLE_MINUTES: '5',
      LOCKOUT_THRESHOLD: '3',
      AUTH_SECRET: 'x'.repeat(32),
    }).identity;
    expect(custom).toMatchObject({ cookieSecure: false, sessionIdleMs: 300_000, lockoutThreshold: 3 });
    // Seconds, when set, win over minutes (tests watch a session end in seconds).
    expect(loadConfig({ SESSION_IDLE_MINUTES: '5', SESSION_IDLE_SECONDS: '8' }).identity.sessionIdleMs).toBe(
      8_000,
    );
    expect(() => loadConfig({ SESSION_IDLE_SECONDS: '0' })).toThrow(/SESSION_IDLE_SECONDS/);
    expect(() => loadConfig({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow(ConfigError);
  });
});
