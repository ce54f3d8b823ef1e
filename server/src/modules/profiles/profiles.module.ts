import { type ModuleManifest } from '../../app/module-manifest.js';
import { PersonalProfileRecord } from './personal-profile.entity.js';
import { ProfileResolver } from './profile.resolver.js';
import { ViewerProfileResolver } from './viewer-profile.resolver.js';

export const profilesModule: ModuleManifest = {
  name: 'profiles',
  resolvers: [ProfileResolver, ViewerProfileResolver],
  entities: [PersonalProfileRecord],
};
