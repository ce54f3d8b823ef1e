import { type DataSource, type EntityManager, In } from 'typeorm';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import { RegistryTransaction } from './financial-record.entity.js';
import { RegistryProgramAccount } from './program-account.entity.js';
import { RegistryBusiness } from './registry-business.entity.js';

// Reads of the registry that other modules need by id, so that they never query the registry's tables
// themselves (decision 0020: a module reads another's data through its services).

/** The name a registry business goes by: its operating name, else its legal name. */
export function registryBusinessName(
  registry: Pick<RegistryBusiness, 'operatingName' | 'legalName'>,
): string {
  return registry.operatingName || registry.legalName;
}

/** Names of registry businesses by id (one statement). */
export async function registryBusinessNames(
  manager: EntityManager,
  ids: string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await manager.findBy(RegistryBusiness, { id: In(wanted) });
  return new Map(rows.map((r) => [r.id, registryBusinessName(r)]));
}

export interface ProgramAccountSummary {
  id: string;
  /** The registry business's id. */
  businessId: string;
  accountNumber: string;
  name: string;
}

/** Program accounts by id (one statement). */
export async function programAccountSummaries(
  manager: EntityManager,
  ids: string[],
): Promise<Map<string, ProgramAccountSummary>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await manager.findBy(RegistryProgramAccount, { id: In(wanted) });
  return new Map(
    rows.map((a) => [
      a.id,
      { id: a.id, businessId: a.businessId, accountNumber: a.accountNumber, name: a.name },
    ]),
  );
}

/**
 * A registry business's columns in another module's one-statement read (a join through `registry_business`,
 * as the broker's client page does), and the entity back from such a row: the registry keeps its entity.
 */
export const registryBusinessRow = {
  columns: (dataSource: DataSource, alias: string, prefix: string): string =>
    entityColumns(dataSource, RegistryBusiness, alias, prefix),
  hydrate: (dataSource: DataSource, row: Record<string, unknown>, prefix: string): RegistryBusiness | null =>
    hydrate(dataSource, RegistryBusiness, row, prefix),
};

export interface TransactionSummary {
  id: string;
  programAccountId: string;
  transactionNumber: string;
  /** 'YYYY-MM-DD' */
  transactionDate: string;
  transactionType: string;
  status: string;
  amountCents: number;
  dutiesAndTaxesCents: number;
}

/**
 * A registry transaction by id (claims read the transaction they are about); null when there is none. With
 * `forUpdate`, its row is locked until the caller's transaction ends (MariaDB; SQLite has one writer), so that
 * the writes about one transaction (its claims' totals) are taken one at a time.
 */
export async function transactionSummary(
  manager: EntityManager,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TransactionSummary | null> {
  const lock = options.forUpdate && manager.connection.options.type !== 'better-sqlite3';
  const row = await manager.findOne(RegistryTransaction, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  return row
    ? {
        id: row.id,
        programAccountId: row.programAccountId,
        transactionNumber: row.transactionNumber,
        transactionDate: row.transactionDate,
        transactionType: row.transactionType,
        status: row.status,
        amountCents: row.amountCents,
        dutiesAndTaxesCents: row.dutiesAndTaxesCents,
      }
    : null;
}
