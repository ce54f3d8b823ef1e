import { type ModuleManifest } from '../../app/module-manifest.js';
import { PortalResolver } from './portal.resolver.js';

export const portalModule: ModuleManifest = {
  name: 'portal',
  resolvers: [PortalResolver],
};
