import { type ModuleManifest } from '../../app/module-manifest.js';
import { OfficersResolver } from './officers.resolver.js';

export const officersModule: ModuleManifest = {
  name: 'officers',
  resolvers: [OfficersResolver],
};
