import { type Request, type Response, type Router } from 'express';
import { type AppConfig } from '../../config/env.js';
import { type Logger } from '../../common/logger.js';
import {
  startDevIdentityProvider,
  type DevIdentityProvider,
} from '../../dev-identity-provider/dev-identity-provider.js';
import { isSecureRequest } from '../sessions/session-cookie.js';
import { PartnerSignInClient, type PartnerIdentity } from './partner-sign-in.client.js';
import { partnerSignInRoutes } from './partner-sign-in.routes.js';

// The bundled provider only ever talks to this process, so a per-start secret is enough.
const bundledClientId = 'passerelle-portal';

export interface PartnerSignIn {
  routes: Router;
  /** Once the portal listens: starts the bundled provider if configured and points the client at the partner. */
  start(publicUrl: string): Promise<void>;
  close(): Promise<void>;
}

/** Wires the sign-in partner for this process: external issuer, bundled demo provider, or none. */
export function createPartnerSignIn(
  config: AppConfig,
  log: Logger,
  completeSignIn: (req: Request, res: Response, identity: PartnerIdentity) => Promise<void>,
): PartnerSignIn {
  let client: PartnerSignInClient | undefined;
  let bundled: DevIdentityProvider | undefined;
  let portalUrl: string | undefined;
  const routes = partnerSignInRoutes({
    client: () => client,
    secure: (req) => isSecureRequest(req, config),
    completeSignIn,
    publicUrl: () => portalUrl,
  });
  return {
    routes,
    async start(publicUrl) {
      portalUrl = publicUrl;
      const redirectUri = `${publicUrl}/auth/partner/callback`;
      const { partner } = config;
      if (partner.kind === 'external') {
        client = new PartnerSignInClient({ ...partner, redirectUri });
      } else if (partner.kind === 'bundled') {
        const clientSecret = crypto.randomUUID();
        bundled = await startDevIdentityProvider({
          port: partner.port,
          host: config.host,
          publicHost: new URL(publicUrl).hostname,
          clientId: bundledClientId,
          clientSecret,
          redirectUri,
        });
        client = new PartnerSignInClient({
          issuer: bundled.issuer,
          clientId: bundledClientId,
          clientSecret,
          redirectUri,
        });
        log.info({ issuer: bundled.issuer }, 'bundled demo sign-in partner listening');
      }
    },
    async close() {
      await bundled?.close();
    },
  };
}
