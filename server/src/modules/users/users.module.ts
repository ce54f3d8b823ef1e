import { type ModuleManifest } from '../../app/module-manifest.js';
import { User } from './user.entity.js';
import { ViewerResolver } from './viewer.resolver.js';

export const usersModule: ModuleManifest = {
  name: 'users',
  resolvers: [ViewerResolver],
  entities: [User],
};
