import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startDevIdentityProvider,
  type DevIdentityProvider,
} from '../../src/dev-identity-provider/dev-identity-provider.js';
import {
  PartnerSignInClient,
  type PartnerIdentity,
} from '../../src/modules/partner-sign-in/partner-sign-in.client.js';
import {
  canonicalStartUrl,
  partnerSignInRoutes,
} from '../../src/modules/partner-sign-in/partner-sign-in.routes.js';
import { completePartnerSignIn } from '../../src/modules/sessions/partner-session.js';
import { HttpClient } from '../support/http-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('sign-in partner (OpenID Connect, code + PKCE) against the bundled identity provider', () => {
  let t: TestApp;
  let idp: DevIdentityProvider;
  let client: PartnerSignInClient | undefined;
  let portalUrl: string | undefined;
  const signedIn: PartnerIdentity[] = [];

  beforeAll(async () => {
    t = await startTestApp('sqlite', {
      routes: ({ dataSource, config }) => {
        const complete = completePartnerSignIn(dataSource, config);
        return [
          partnerSignInRoutes({
            client: () => client,
            secure: () => false,
            publicUrl: () => portalUrl,
            completeSignIn: async (req, res, identity) => {
              signedIn.push(identity);
              await complete(req, res, identity);
            },
          }),
        ];
      },
    });
    const redirectUri = `${t.url}/auth/partner/callback`;
    idp = await startDevIdentityProvider({
      port: 0,
      host: '127.0.0.1',
      publicHost: '127.0.0.1',
      clientId: 'passerelle',
      clientSecret: 'test-secret',
      redirectUri,
    });
    client = new PartnerSignInClient({
      issuer: idp.issuer,
      clientId: 'passerelle',
      clientSecret: 'test-secret',
      redirectUri,
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** Walks start -> partner login page, returning the form's action URL. */
  async function reachLoginForm(http: HttpClient, lang: 'en' | 'fr') {
    const { res, visited } = await http.follow(`${t.url}/auth/partner/start?lang=${lang}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<html lang="${lang}">`);
    const action = /action="([^"]+)"/.exec(html)?.[1];
    expect(action).toBeDefined();
    const authorize = new URL(visited[1]);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    return new URL(action!, idp.issuer).toString();
  }

  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

  it('signs a person in and lands on the terms of use in their language', async () => {
    const http = new HttpClient();
    const action = await reachLoginForm(http, 'fr');
    const { visited } = await http.follow(action, form({ account: 'alice', password: 'anything' }));
    expect(visited.at(-1)).toBe(`${t.url}/fr/terms`);
    expect(signedIn.at(-1)).toEqual({ issuer: idp.issuer, subject: 'partner-alice' });
    // The portal session works: the person is a PARTNER credential holder who has not accepted the terms yet.
    expect(http.cookie(t.url, 'passerelle_session')).toBeTruthy();
    const me = await http.request(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { credentialKind username termsAccepted previousSignInAt } }' }),
    });
    expect(((await me.json()) as { data: unknown }).data).toEqual({
      me: { credentialKind: 'PARTNER', username: null, termsAccepted: false, previousSignInAt: null },
    });
    // The one-time login state is gone once used.
    expect(http.cookie(t.url, 'passerelle_partner')).toBeUndefined();
  });

  it('gives the same subject, hence the same person, for the same partner account', async () => {
    const http = new HttpClient();
    const action = await reachLoginForm(http, 'en');
    await http.follow(action, form({ account: 'alice', password: 'other' }));
    expect(signedIn.at(-1)?.subject).toBe('partner-alice');
    const me = await http.request(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { credentialKind previousSignInAt } }' }),
    });
    const body = (await me.json()) as {
      data: { me: { credentialKind: string; previousSignInAt: string | null } };
    };
    expect(body.data.me.credentialKind).toBe('PARTNER');
    // Second sign-in of the same person: the first one is now the previous sign-in.
    expect(body.data.me.previousSignInAt).not.toBeNull();
  });

  it('returns to the partner page with PARTNER_CANCELLED when the person cancels', async () => {
    const http = new HttpClient();
    const action = await reachLoginForm(http, 'en');
    const { visited } = await http.follow(action, form({ cancel: '1' }));
    expect(visited.at(-1)).toBe(`${t.url}/en/sign-in/partner?error=PARTNER_CANCELLED`);
  });

  it('refuses a callback without the login state cookie (forged or replayed)', async () => {
    const http = new HttpClient();
    const action = await reachLoginForm(http, 'en');
    const count = signedIn.length;
    const res = await http.request(action, form({ account: 'mallory', password: 'x' }));
    // Walk the partner's redirects, but arrive at the portal from a browser without the state cookie.
    let location = new URL(res.headers.get('location')!, idp.issuer).toString();
    while (!location.startsWith(t.url)) {
      const hop = await http.request(location);
      location = new URL(hop.headers.get('location')!, location).toString();
    }
    const { visited } = await new HttpClient().follow(location);
    expect(visited.at(-1)).toBe(`${t.url}/en/sign-in/partner?error=PARTNER_EXPIRED`);
    expect(signedIn.length).toBe(count);
  });

  it('shows the partner login page again with an error for a malformed account name', async () => {
    const http = new HttpClient();
    const action = await reachLoginForm(http, 'en');
    const res = await http.request(action, form({ account: 'A!', password: 'x' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('role="alert"');
  });

  it('says the partner is unavailable when none is configured or reachable', async () => {
    const saved = client;
    client = new PartnerSignInClient({ ...saved!.settings, issuer: 'http://127.0.0.1:9' });
    try {
      const { visited } = await new HttpClient().follow(`${t.url}/auth/partner/start?lang=fr`);
      expect(visited.at(-1)).toBe(`${t.url}/fr/sign-in/partner?error=PARTNER_UNAVAILABLE`);
      client = undefined;
      const again = await new HttpClient().follow(`${t.url}/auth/partner/start?lang=en`);
      expect(again.visited.at(-1)).toBe(`${t.url}/en/sign-in/partner?error=PARTNER_UNAVAILABLE`);
    } finally {
      client = saved;
    }
  });

  it('starts at the public address when the portal was opened as another name of this machine (defect 12)', async () => {
    portalUrl = t.url.replace('127.0.0.1', 'localhost');
    try {
      const res = await fetch(`${t.url}/auth/partner/start?lang=fr`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`${portalUrl}/auth/partner/start?lang=fr`);
      // No attempt was started here: its cookie would never come back from the other address.
      expect(res.headers.get('set-cookie')).toBeNull();
    } finally {
      portalUrl = undefined;
    }
  });
});

describe('canonicalStartUrl', () => {
  const start = '/auth/partner/start?lang=en';
  it('moves between loopback names of the same port only', () => {
    expect(canonicalStartUrl('127.0.0.1:4000', 'http://localhost:4000', start)).toBe(
      'http://localhost:4000/auth/partner/start?lang=en',
    );
    expect(canonicalStartUrl('[::1]:4000', 'http://localhost:4000', start)).toBe(
      'http://localhost:4000/auth/partner/start?lang=en',
    );
    expect(canonicalStartUrl('localhost:4000', 'http://localhost:4000', start)).toBeNull();
    expect(canonicalStartUrl('127.0.0.1:4001', 'http://localhost:4000', start)).toBeNull();
  });

  it('leaves other hosts alone, so a proxy that rewrites Host cannot make a redirect loop', () => {
    expect(canonicalStartUrl('app:4000', 'https://portal.example.ca', start)).toBeNull();
    expect(canonicalStartUrl('127.0.0.1:443', 'https://portal.example.ca', start)).toBeNull();
    expect(canonicalStartUrl(undefined, 'http://localhost:4000', start)).toBeNull();
    expect(canonicalStartUrl('127.0.0.1:4000', undefined, start)).toBeNull();
  });
});
