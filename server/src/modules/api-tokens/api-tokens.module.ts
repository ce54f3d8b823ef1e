import { type ModuleManifest } from '../../app/module-manifest.js';
import { apiTokenEntities } from './api-tokens.entities.js';
import {
  ApiTokenConnectionResolver,
  ApiTokensResolver,
  BusinessApiTokensResolver,
} from './api-tokens.resolver.js';

export const apiTokensModule: ModuleManifest = {
  name: 'api-tokens',
  resolvers: [ApiTokensResolver, BusinessApiTokensResolver, ApiTokenConnectionResolver],
  entities: apiTokenEntities,
};
