import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import {
  AccountStatementConnection,
  AccountTransactionConnection,
  AgencyInvoiceConnection,
} from './finance.types.js';

// totalCount runs only when it is asked for (a separate COUNT over the list's filters).

@Resolver(() => AccountTransactionConnection)
export class AccountTransactionConnectionResolver {
  @FieldResolver(() => Int, { description: 'Every item of the list (within from/to), not only this page.' })
  totalCount(@Root() connection: AccountTransactionConnection): Promise<number> {
    return connection.count();
  }
}

@Resolver(() => AccountStatementConnection)
export class AccountStatementConnectionResolver {
  @FieldResolver(() => Int, { description: 'Every item of the list, not only this page.' })
  totalCount(@Root() connection: AccountStatementConnection): Promise<number> {
    return connection.count();
  }
}

@Resolver(() => AgencyInvoiceConnection)
export class AgencyInvoiceConnectionResolver {
  @FieldResolver(() => Int, { description: 'Every item of the list, not only this page.' })
  totalCount(@Root() connection: AgencyInvoiceConnection): Promise<number> {
    return connection.count();
  }
}
