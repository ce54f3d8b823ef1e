import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';
import { renderLoginPage } from './login-page.js';

export interface DevIdentityProviderOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  host: string;
  /** Host name the browser and the portal use to reach it (the issuer is http://<publicHost>:<port>). */
  publicHost: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface DevIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

// Demo partner accounts are any name of this shape; the subject is derived from it, so the same name
// always comes back as the same person.
const accountName = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** The portal passes its language in ui_locales ("fr-CA fr" or "en-CA en"). */
function languageOf(uiLocales: unknown): 'en' | 'fr' {
  return typeof uiLocales === 'string' && uiLocales.startsWith('fr') ? 'fr' : 'en';
}

/**
 * A small OpenID Connect provider of the project's own (oidc-provider), standing in for a bank-backed
 * sign-in partner on local runs and in tests: authorization code flow with PKCE (S256), a bilingual login
 * page served from here (oidc-provider's development pages load web fonts from the internet), and no
 * consent screen (a sign-in partner only proves who the person is). Never for production.
 */
export async function startDevIdentityProvider(
  options: DevIdentityProviderOptions,
): Promise<DevIdentityProvider> {
  const app = express();
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${options.publicHost}:${port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => Promise.resolve({ accountId: sub, claims: () => Promise.resolve({ sub }) }),
    claims: { openid: ['sub'] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), use: 'sig', alg: 'RS256' }] },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in partner error</title></head><body><main><h1>Sign-in partner error</h1><p>${String(out.error).replace(/[<>&]/g, '')}</p></main></body></html>`;
      return Promise.resolve();
    },
  };
  const provider = new Provider(issuer, configuration);

  const page = (res: Response, html: string, status = 200) => res.status(status).type('html').send(html);

  app.get('/interaction/:uid', async (req: Request, res: Response) => {
    const details = await provider.interactionDetails(req, res);
    const lang = languageOf(details.params.ui_locales);
    if (details.prompt.name === 'login') {
      page(res, renderLoginPage({ lang, action: `/interaction/${details.uid}/login`, error: false }));
      return;
    }
    // No consent screen: grant what the portal asked for (openid) and go back to it.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({
          accountId: details.session!.accountId,
          clientId: String(details.params.client_id),
        });
    grant!.addOIDCScope('openid');
    const grantId = await grant!.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  app.post(
    '/interaction/:uid/login',
    express.urlencoded({ extended: false, limit: '4kb' }),
    async (req, res) => {
      const details = await provider.interactionDetails(req, res);
      const lang = languageOf(details.params.ui_locales);
      const body = req.body as { account?: string; password?: string; cancel?: string };
      if (body.cancel !== undefined) {
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'The person cancelled the sign-in.' },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const account = (body.account ?? '').trim().toLowerCase();
      if (!accountName.test(account) || !body.password) {
        page(res, renderLoginPage({ lang, action: `/interaction/${details.uid}/login`, error: true }), 400);
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: `partner-${account}` } },
        { mergeWithLastSubmission: false },
      );
    },
  );

  app.use(provider.callback());

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
