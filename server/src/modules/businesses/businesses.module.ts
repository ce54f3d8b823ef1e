import { type ModuleManifest } from '../../app/module-manifest.js';
import { businessEntities } from './businesses.entities.js';
import {
  AccessRequestResolver,
  BusinessResolver,
  MembershipResolver,
  ViewerBusinessesResolver,
} from './businesses.resolver.js';
import { EmployeesResolver } from './employees.resolver.js';
import { BusinessAuditEventResolver, OfficerBusinessesResolver } from './officer-businesses.resolver.js';
import { RegistrationResolver } from './registration.resolver.js';

export const businessesModule: ModuleManifest = {
  name: 'businesses',
  resolvers: [
    RegistrationResolver,
    BusinessResolver,
    MembershipResolver,
    AccessRequestResolver,
    ViewerBusinessesResolver,
    OfficerBusinessesResolver,
    BusinessAuditEventResolver,
    EmployeesResolver,
  ],
  entities: businessEntities,
};
