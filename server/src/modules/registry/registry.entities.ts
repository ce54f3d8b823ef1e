import {
  RegistryFinancialSecurity,
  RegistryInvoice,
  RegistryPayment,
  RegistrySecurityRule,
  RegistryStatement,
  RegistryTransaction,
} from './financial-record.entity.js';
import {
  RegistryProgramAccount,
  RegistryProgramAddress,
  RegistryProgramContact,
  RegistryProgramOwner,
  RegistrySubProgram,
} from './program-account.entity.js';
import { RegistryBusiness, RegistryBusinessAddress } from './registry-business.entity.js';

/** The reference-record entities, listed in the registry module's manifest (registry.module.ts). */
export const registryEntities = [
  RegistryBusiness,
  RegistryBusinessAddress,
  RegistryProgramAccount,
  RegistryProgramAddress,
  RegistryProgramContact,
  RegistryProgramOwner,
  RegistrySubProgram,
  RegistryTransaction,
  RegistryPayment,
  RegistryStatement,
  RegistryInvoice,
  RegistryFinancialSecurity,
  RegistrySecurityRule,
];
