import { type ModuleManifest } from '../../app/module-manifest.js';
import { clientGroupEntities } from './client-groups.entities.js';
import {
  BusinessClientGroupsResolver,
  ClientGroupResolver,
  ClientGroupsResolver,
  EmployeeAssignmentResolver,
} from './client-groups.resolver.js';

export const clientGroupsModule: ModuleManifest = {
  name: 'client-groups',
  resolvers: [
    ClientGroupsResolver,
    ClientGroupResolver,
    EmployeeAssignmentResolver,
    BusinessClientGroupsResolver,
  ],
  entities: clientGroupEntities,
};
