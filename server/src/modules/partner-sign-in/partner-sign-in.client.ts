import * as oidc from 'openid-client';

export interface PartnerSignInSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The portal's callback, exactly as registered with the partner. */
  redirectUri: string;
}

export interface AuthorizationStart {
  url: URL;
  codeVerifier: string;
  state: string;
  nonce: string;
}

export interface PartnerIdentity {
  issuer: string;
  subject: string;
}

/**
 * The portal's side of OpenID Connect with a sign-in partner: authorization code flow with PKCE (S256),
 * state and nonce. Discovery happens on first use and is cached, so the portal starts even while the
 * partner is unreachable.
 */
export class PartnerSignInClient {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(readonly settings: PartnerSignInSettings) {}

  private config(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        undefined,
        oidc.ClientSecretBasic(this.settings.clientSecret),
        // Plain http is accepted only for a partner on this machine (the bundled demo partner).
        isLoopback(this.settings.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** Builds the partner's authorization URL and the secrets the callback must check. */
  async start(lang: 'en' | 'fr'): Promise<AuthorizationStart> {
    const config = await this.config();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ui_locales: lang === 'fr' ? 'fr-CA fr' : 'en-CA en',
    });
    return { url, codeVerifier, state, nonce };
  }

  /** Exchanges the code (checking state, nonce and PKCE) and returns who the partner says signed in. */
  async finish(
    callbackUrl: URL,
    checks: { codeVerifier: string; state: string; nonce: string },
  ): Promise<PartnerIdentity> {
    const config = await this.config();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims?.sub) throw new Error('the partner returned no subject');
    return { issuer: claims.iss, subject: claims.sub };
  }
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}
