import { type ModuleManifest } from '../../app/module-manifest.js';
import { LicensedBrokersResolver } from './licensed-brokers.resolver.js';
import { registryEntities } from './registry.entities.js';

/**
 * The agency's reference data: its tables, and the public list of licensed customs brokers; the import runs
 * from the CLI and at first start.
 */
export const registryModule: ModuleManifest = {
  name: 'registry',
  entities: registryEntities,
  resolvers: [LicensedBrokersResolver],
};
