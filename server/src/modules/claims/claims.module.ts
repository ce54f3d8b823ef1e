import { type ModuleManifest } from '../../app/module-manifest.js';
import { claimEntities } from './claims.entities.js';
import {
  AccountTransactionClaimsResolver,
  BusinessClaimsResolver,
  ClaimsResolver,
  OfficerClaimsResolver,
  ProgramAccountClaimsResolver,
} from './claims.resolver.js';

export const claimsModule: ModuleManifest = {
  name: 'claims',
  resolvers: [
    ClaimsResolver,
    AccountTransactionClaimsResolver,
    BusinessClaimsResolver,
    ProgramAccountClaimsResolver,
    OfficerClaimsResolver,
  ],
  entities: claimEntities,
};
