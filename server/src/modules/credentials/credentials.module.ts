import { type ModuleManifest } from '../../app/module-manifest.js';
import { CredentialRecovery } from './credential-recovery.entity.js';
import { CredentialsResolver } from './credentials.resolver.js';
import { ServerSecret } from './server-secret.entity.js';

export const credentialsModule: ModuleManifest = {
  name: 'credentials',
  resolvers: [CredentialsResolver],
  entities: [CredentialRecovery, ServerSecret],
};
