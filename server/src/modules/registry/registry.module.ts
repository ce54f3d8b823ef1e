import { type ModuleManifest } from '../../app/module-manifest.js';
import { registryEntities } from './registry.entities.js';

/** The agency's reference data: tables only; the import runs from the CLI and at first start. */
export const registryModule: ModuleManifest = {
  name: 'registry',
  entities: registryEntities,
};
