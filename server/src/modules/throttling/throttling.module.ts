import { type ModuleManifest } from '../../app/module-manifest.js';
import { AddressThrottle, CredentialThrottle } from './throttle.entities.js';

export const throttlingModule: ModuleManifest = {
  name: 'throttling',
  entities: [CredentialThrottle, AddressThrottle],
};
