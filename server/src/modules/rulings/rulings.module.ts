import { type ModuleManifest } from '../../app/module-manifest.js';
import { rulingEntities } from './rulings.entities.js';
import {
  BusinessRulingsResolver,
  OfficerRulingsResolver,
  ProgramAccountRulingsResolver,
  RulingsResolver,
} from './rulings.resolver.js';

export const rulingsModule: ModuleManifest = {
  name: 'rulings',
  resolvers: [
    RulingsResolver,
    BusinessRulingsResolver,
    ProgramAccountRulingsResolver,
    OfficerRulingsResolver,
  ],
  entities: rulingEntities,
};
