import { type ModuleManifest } from '../../app/module-manifest.js';
import { BusinessDelegationResolver, DelegationQueryResolver } from './delegation.resolver.js';

export const delegationModule: ModuleManifest = {
  name: 'delegation',
  resolvers: [DelegationQueryResolver, BusinessDelegationResolver],
};
