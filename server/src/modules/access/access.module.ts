import { type ModuleManifest } from '../../app/module-manifest.js';
import { BusinessAccessResolver } from './viewer-access.resolver.js';

export const accessModule: ModuleManifest = {
  name: 'access',
  resolvers: [BusinessAccessResolver],
};
