import { type ModuleManifest } from '../../app/module-manifest.js';
import {
  AccountStatementConnectionResolver,
  AccountTransactionConnectionResolver,
  AgencyInvoiceConnectionResolver,
} from './finance-connections.resolver.js';
import {
  BusinessAccountIndicatorsResolver,
  ProgramAccountIndicatorsResolver,
} from './finance-indicators.resolver.js';
import {
  BusinessRecentTransactionsResolver,
  FinanceMutationsResolver,
  ProgramAccountFinanceResolver,
} from './finance.resolver.js';
import { financeEntities } from './finance.entities.js';

export const financeModule: ModuleManifest = {
  name: 'finance',
  resolvers: [
    ProgramAccountFinanceResolver,
    BusinessRecentTransactionsResolver,
    FinanceMutationsResolver,
    AccountTransactionConnectionResolver,
    AccountStatementConnectionResolver,
    AgencyInvoiceConnectionResolver,
    BusinessAccountIndicatorsResolver,
    ProgramAccountIndicatorsResolver,
  ],
  entities: financeEntities,
};
