import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecurityEvent } from '../../src/modules/audit/security-event.entity.js';
import { purgeExpiredSessions } from '../../src/modules/sessions/session.service.js';
import { UserSession } from '../../src/modules/sessions/user-session.entity.js';
import { drivers } from '../support/databases.js';
import { type GqlClient } from '../support/gql-client.js';
import {
  ME,
  RESPOND_TO_TERMS,
  SESSION,
  SIGN_OUT,
  SIGN_OUT_EVERYWHERE,
  acceptTerms,
  codes,
  payload,
  seedUser,
  signIn,
  type Viewer,
} from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;
const me = async (client: GqlClient) =>
  (await client.gql(ME)).body.data?.me as (Viewer & { recentSecurityEvents: Array<{ type: string }> }) | null;

describe.each(drivers)('sessions, cookie and CSRF on %s', (driver) => {
  let t: TestApp;
  let username: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    username = 'Sessions2026';
    await seedUser(t.dataSource, username);
  });
  afterAll(async () => t?.close());

  const sessionRow = (client: GqlClient) =>
    t.dataSource.getRepository(UserSession).findOneBy({
      tokenHash: createHash('sha256')
        .update(client.session ?? '')
        .digest('hex'),
    });

  it('signs in and out; the welcome page gets the previous sign-in; only a hash of the token is stored', async () => {
    const browser = t.client();
    const first = await signIn(browser, username);
    const viewer = payload<{ viewer: Viewer }>(first).viewer;
    // The very first sign-in of this person: there is no previous one.
    expect(viewer.previousSignInAt).toBeNull();
    const startedAt = (await sessionRow(browser))!.createdAt.getTime();
    const cookie = first.setCookies.find((c) => c.startsWith('passerelle_session='))!;
    expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(cookie).not.toMatch(/Secure|Max-Age|Expires/);

    const row = await sessionRow(browser);
    expect(row).not.toBeNull();
    expect(row!.tokenHash).not.toBe(browser.session);
    expect(JSON.stringify(row)).not.toContain(browser.session!);

    const second = t.client();
    const again = payload<{ viewer: Viewer }>(await signIn(second, username.toLowerCase())).viewer;
    // The sign-in before this one is the first browser's.
    expect(new Date(again.previousSignInAt!).getTime()).toBe(startedAt);

    const out = await browser.gql(SIGN_OUT);
    expect(payload(out)).toEqual({ signedOut: true, userErrors: [] });
    expect(out.setCookies[0]).toMatch(
      /^passerelle_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/,
    );
    expect(await me(browser)).toBeNull();
    expect(await sessionRow(browser)).toBeNull();
    expect(payload(await t.client().gql(SIGN_OUT))).toEqual({ signedOut: false, userErrors: [] });
    // Newest first: the second browser signed in, then the first one signed out.
    expect((await me(second))?.recentSecurityEvents.map((e) => e.type).slice(0, 2)).toEqual([
      'SIGNED_OUT',
      'SIGN_IN_SUCCEEDED',
    ]);
  });

  it('replaces the browser’s session when it signs in again', async () => {
    const browser = t.client();
    await signIn(browser, username);
    const old = browser.session!;
    await signIn(browser, username);
    expect(browser.session).not.toBe(old);
    const replay = t.client();
    replay.setSession(old);
    expect(await me(replay)).toBeNull();
  });

  it('signs out everywhere: every session of the person ends, the other browser’s too', async () => {
    const laptop = t.client();
    const phone = t.client();
    await signIn(laptop, username);
    await signIn(phone, username);
    expect(await me(phone)).not.toBeNull();
    expect(payload(await laptop.gql(SIGN_OUT_EVERYWHERE))).toEqual({ signedOut: true, userErrors: [] });
    expect(await me(laptop)).toBeNull();
    expect(await me(phone)).toBeNull();
    expect(
      await t.dataSource.getRepository(SecurityEvent).countBy({ type: 'SIGNED_OUT_EVERYWHERE' as never }),
    ).toBe(1);
    const anonymous = await t.client().gql(SIGN_OUT_EVERYWHERE);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a mutation sent with the session cookie but without the right X-CSRF-Token, and changes nothing', async () => {
    const browser = t.client();
    await signIn(browser, username);
    for (const csrf of ['none', 'not-the-token', `${(await browser.csrf())!.slice(0, -1)}x`]) {
      const refused = await browser.gql(RESPOND_TO_TERMS, { accept: true }, { csrf });
      expect(refused.status, csrf).toBe(403);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors).toEqual([
        {
          message: 'Your page is out of date. Reload it and try again.',
          extensions: { code: 'CSRF_TOKEN_INVALID' },
        },
      ]);
      const out = await browser.gql(SIGN_OUT, undefined, { csrf });
      expect(out.status).toBe(403);
    }
    // Even a session-starting mutation needs the token once a session exists.
    expect(
      (
        await browser.gql(
          'mutation { signIn(input: { username: "x", password: "y" }) { viewer { id } } }',
          undefined,
          { csrf: 'none' },
        )
      ).status,
    ).toBe(403);
    const still = await me(browser);
    expect(still?.termsAccepted).toBe(false);
    // Queries need no token; with the token the mutation runs.
    await acceptTerms(browser);
    expect((await me(browser))?.termsAccepted).toBe(true);
    // Without a session there is nothing to forge: session-starting mutations run without the header.
    expect(codes(await signIn(t.client(), username))).toEqual([]);
  });

  it('asks the terms at every sign-in; declining signs out and is recorded', async () => {
    const browser = t.client();
    await signIn(browser, username);
    await acceptTerms(browser);
    await signIn(browser, username);
    expect((await me(browser))?.termsAccepted).toBe(false);
    const declined = await browser.gql(RESPOND_TO_TERMS, { accept: false });
    expect(payload(declined)).toEqual({ viewer: null, userErrors: [] });
    expect(browser.session).toBeUndefined();
    const later = t.client();
    await signIn(later, username);
    expect((await me(later))?.recentSecurityEvents.map((e) => e.type).slice(0, 2)).toEqual([
      'SIGN_IN_SUCCEEDED',
      'TERMS_DECLINED',
    ]);
  });

  it('tells the idle and absolute expiry times, and records activity at most once a minute', async () => {
    const browser = t.client();
    await signIn(browser, username);
    const row = (await sessionRow(browser))!;
    const info = (await browser.gql(SESSION)).body.data?.session as Record<string, string>;
    expect(info.csrfToken).toBe(row.csrfToken);
    expect(new Date(info.absoluteExpiresAt).getTime()).toBe(row.createdAt.getTime() + 12 * 60 * MINUTE);
    expect(new Date(info.idleExpiresAt).getTime()).toBe(row.lastSeenAt.getTime() + 20 * MINUTE);

    for (let i = 0; i < 3; i++) {
      t.clock.advance(15_000);
      await me(browser);
    }
    expect((await sessionRow(browser))!.lastSeenAt.getTime()).toBe(row.lastSeenAt.getTime());
    t.clock.advance(20_000);
    await me(browser);
    const touched = (await sessionRow(browser))!.lastSeenAt.getTime();
    expect(touched).toBeGreaterThanOrEqual(row.lastSeenAt.getTime() + 65_000);
    const later = (await browser.gql(SESSION)).body.data?.session as Record<string, string>;
    expect(new Date(later.idleExpiresAt).getTime()).toBe(touched + 20 * MINUTE);
  });

  it('ends a session after 20 minutes without activity, not before', async () => {
    const browser = t.client();
    await signIn(browser, username);
    t.clock.advance(19 * MINUTE);
    expect(await me(browser)).not.toBeNull();
    t.clock.advance(19 * MINUTE);
    expect(await me(browser)).not.toBeNull();
    const row = await sessionRow(browser);
    t.clock.advance(20 * MINUTE);
    const expired = await browser.gql(ME);
    expect(expired.body.data?.me).toBeNull();
    // The browser is told to forget the cookie, and the row is gone.
    expect(browser.session).toBeUndefined();
    expect(await t.dataSource.getRepository(UserSession).findOneBy({ id: row!.id })).toBeNull();
  });

  it('purges the sessions past their idle or absolute expiry that nobody comes back to, and only those', async () => {
    const idle = t.client();
    await signIn(idle, username);
    const active = t.client();
    await signIn(active, username);
    const idleRow = await sessionRow(idle);
    const activeRow = await sessionRow(active);
    // 11 h 50 min later: the idle one has been idle that long; the other stayed active (every 15 min).
    for (let elapsed = 0; elapsed < 11 * 60 + 45; elapsed += 15) {
      t.clock.advance(15 * MINUTE);
      expect(await me(active)).not.toBeNull();
    }
    t.clock.advance(5 * MINUTE);
    const rows = t.dataSource.getRepository(UserSession);
    expect(await purgeExpiredSessions(t.dataSource, t.config)).toBeGreaterThanOrEqual(1);
    expect(await rows.findOneBy({ id: idleRow!.id })).toBeNull();
    expect(await rows.findOneBy({ id: activeRow!.id })).not.toBeNull();
    // Past its 12 hours, the active one goes too, without being seen again.
    t.clock.advance(10 * MINUTE);
    expect(await purgeExpiredSessions(t.dataSource, t.config)).toBeGreaterThanOrEqual(1);
    expect(await rows.findOneBy({ id: activeRow!.id })).toBeNull();
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const browser = t.client();
    await signIn(browser, username);
    const token = browser.session!;
    // Active every 15 minutes for 11 h 45 min...
    for (let elapsed = 15; elapsed < 12 * 60; elapsed += 15) {
      t.clock.advance(15 * MINUTE);
      expect(await me(browser), `${elapsed} min`).not.toBeNull();
    }
    // ...and over at 12 h.
    t.clock.advance(15 * MINUTE);
    expect(await me(browser)).toBeNull();
    const replay = t.client();
    replay.setSession(token);
    expect(await me(replay)).toBeNull();
    expect(
      await t.dataSource
        .getRepository(UserSession)
        .findOneBy({ tokenHash: createHash('sha256').update(token).digest('hex') }),
    ).toBeNull();
  });
});

describe('the Secure flag of the session cookie', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { env: { COOKIE_SECURE: 'auto' } });
    await seedUser(t.dataSource, 'SecureFlag1');
  });
  afterAll(async () => t?.close());

  it('is set when the request came over HTTPS through a proxy (auto)', async () => {
    const plain = await signIn(t.client(), 'SecureFlag1');
    expect(plain.setCookies[0]).not.toMatch(/Secure/);
    const https = await t
      .client()
      .gql(
        'mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } } }',
        { input: { username: 'SecureFlag1', password: 'Xk7pQ2vz!m' } },
        { headers: { 'x-forwarded-proto': 'https' } },
      );
    expect(https.setCookies[0]).toMatch(/; Secure/);
  });
});

describe.each(drivers)('a session counted in seconds (SESSION_IDLE_SECONDS) on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(driver, { env: { SESSION_IDLE_SECONDS: '20' } });
    await seedUser(t.dataSource, 'Seconds2026');
  });
  afterAll(async () => t?.close());

  it('ends after 20 s without activity, and activity every few seconds keeps it (touched at a quarter of it)', async () => {
    const browser = t.client();
    await signIn(browser, 'Seconds2026');
    const info = (await browser.gql(SESSION)).body.data?.session as Record<string, string>;
    const started = t.clock.now().getTime();
    expect(new Date(info.idleExpiresAt).getTime()).toBeLessThanOrEqual(started + 20_000);
    // Activity every 6 s for a minute: past a minute-long touch interval, the session would have ended.
    for (let i = 0; i < 10; i++) {
      t.clock.advance(6_000);
      expect(await me(browser)).not.toBeNull();
    }
    t.clock.advance(19_000);
    expect(await me(browser)).not.toBeNull();
    t.clock.advance(20_000);
    expect(await me(browser)).toBeNull();
  });
});
