import { type ModuleManifest } from '../../app/module-manifest.js';
import { Bulletin } from './bulletin.entity.js';
import { BulletinsResolver } from './bulletins.resolver.js';
import { PortalResolver } from './portal.resolver.js';

export const portalModule: ModuleManifest = {
  name: 'portal',
  resolvers: [PortalResolver, BulletinsResolver],
  entities: [Bulletin],
};
