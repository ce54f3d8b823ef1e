import { Brackets, type DataSource, type EntityManager, In } from 'typeorm';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import { RegistryPayment, RegistryStatement, RegistryTransaction } from './financial-record.entity.js';
import {
  RegistryProgramAccount,
  RegistryProgramAddress,
  RegistryProgramContact,
  RegistryProgramOwner,
  RegistrySubProgram,
} from './program-account.entity.js';
import { RegistryBusiness, RegistryBusinessAddress } from './registry-business.entity.js';

// Reads of the registry that other modules need by id, so that they never query the registry's tables
// themselves (decision 0020: a module reads another's data through its services).

// The registry's rows as other modules receive them: types only, so they read them through these functions
// and never query the registry's tables (decision 0042).
export type { RegistryBusiness, RegistryBusinessAddress } from './registry-business.entity.js';
export type { RegistryPayment, RegistryStatement, RegistryTransaction } from './financial-record.entity.js';
export type {
  RegistryProgramAccount,
  RegistryProgramAddress,
  RegistryProgramContact,
  RegistryProgramOwner,
  RegistrySubProgram,
} from './program-account.entity.js';

type Db = DataSource | EntityManager;
const byPosition = { position: 'ASC' } as const;

/** Registry businesses by id (one statement, batch loaders' shape: rows in no particular order). */
export function registryBusinessesByIds(db: Db, ids: readonly string[]): Promise<RegistryBusiness[]> {
  return db.getRepository(RegistryBusiness).findBy({ id: In([...ids]) });
}

/** A registry business by its business number (BN9); null when the registry has none. */
export function registryBusinessByNumber(db: Db, businessNumber: string): Promise<RegistryBusiness | null> {
  return db.getRepository(RegistryBusiness).findOneBy({ businessNumber });
}

/** The addresses of registry businesses, in their position order (one statement). */
export function registryAddressesOf(
  db: Db,
  businessIds: readonly string[],
): Promise<RegistryBusinessAddress[]> {
  return db
    .getRepository(RegistryBusinessAddress)
    .find({ where: { businessId: In([...businessIds]) }, order: byPosition });
}

/** The program accounts of registry businesses, by account number (one statement). */
export function programAccountsOfBusinesses(
  db: Db,
  businessIds: readonly string[],
): Promise<RegistryProgramAccount[]> {
  return db
    .getRepository(RegistryProgramAccount)
    .find({ where: { businessId: In([...businessIds]) }, order: { accountNumber: 'ASC' } });
}

/**
 * Program accounts by id (one statement), only those of `businessId` (a registry business id) when it is
 * given; rows in no particular order.
 */
export function programAccountsByIds(
  db: Db,
  ids: readonly string[],
  businessId?: string,
): Promise<RegistryProgramAccount[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .getRepository(RegistryProgramAccount)
    .findBy(businessId === undefined ? { id: In([...ids]) } : { id: In([...ids]), businessId });
}

/** The program accounts of one program type of registry businesses (one statement). */
export function programAccountsOfType(
  db: Db,
  businessIds: readonly string[],
  programType: RegistryProgramAccount['programType'],
): Promise<RegistryProgramAccount[]> {
  if (businessIds.length === 0) return Promise.resolve([]);
  return db.getRepository(RegistryProgramAccount).findBy({ businessId: In([...businessIds]), programType });
}

/**
 * A program account's transactions of these ids, in id order, locked for update where the driver has row
 * locks (MySQL/MariaDB; SQLite has one writer): the first statement of a transaction that changes their
 * allocations, so concurrent changes take the rows in the same order (no deadlock).
 */
export function lockTransactions(
  manager: EntityManager,
  programAccountId: string,
  ids: readonly string[],
): Promise<RegistryTransaction[]> {
  return manager.find(RegistryTransaction, {
    where: { id: In([...ids]), programAccountId },
    order: { id: 'ASC' },
    ...(manager.connection.options.type !== 'better-sqlite3'
      ? { lock: { mode: 'pessimistic_write' as const } }
      : {}),
  });
}

/** Registry transactions by id (one statement; rows in no particular order). */
export function transactionsByIds(db: Db, ids: readonly string[]): Promise<RegistryTransaction[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.getRepository(RegistryTransaction).findBy({ id: In([...ids]) });
}

/** A registry business's program account by its account number; null when it has none of that number. */
export function programAccountByNumber(
  db: Db,
  businessId: string,
  accountNumber: string,
): Promise<RegistryProgramAccount | null> {
  return db.getRepository(RegistryProgramAccount).findOneBy({ accountNumber, businessId });
}

/** The `take` most recent transactions of an account, newest first (date, then number). */
export function recentTransactionsOf(
  db: Db,
  programAccountId: string,
  take: number,
): Promise<RegistryTransaction[]> {
  return db.getRepository(RegistryTransaction).find({
    where: { programAccountId },
    order: { transactionDate: 'DESC', transactionNumber: 'DESC' },
    take,
  });
}

/** An account's transaction by its number; null when there is none. */
export function transactionByNumber(
  db: Db,
  programAccountId: string,
  transactionNumber: string,
): Promise<RegistryTransaction | null> {
  return db.getRepository(RegistryTransaction).findOneBy({ programAccountId, transactionNumber });
}

/** An account's latest payment (date, then reference); null when there is none. */
export function latestPaymentOf(db: Db, programAccountId: string): Promise<RegistryPayment | null> {
  return db.getRepository(RegistryPayment).findOne({
    where: { programAccountId },
    order: { paymentDate: 'DESC', reference: 'DESC' },
  });
}

/** An account's latest statement; null when there is none. */
export function latestStatementOf(db: Db, programAccountId: string): Promise<RegistryStatement | null> {
  return db.getRepository(RegistryStatement).findOne({
    where: { programAccountId },
    order: { statementDate: 'DESC' },
  });
}

/** Whether a registry business has any program account (one statement). */
export function hasProgramAccounts(db: Db, businessId: string): Promise<boolean> {
  return db.getRepository(RegistryProgramAccount).existsBy({ businessId });
}

/** One program account by id; null when there is none. */
export function programAccountById(db: Db, id: string): Promise<RegistryProgramAccount | null> {
  return db.getRepository(RegistryProgramAccount).findOneBy({ id });
}

/** The addresses, contacts, owners and sub-programs of program accounts, each in position order. */
export function programAddressesOf(db: Db, accountIds: readonly string[]): Promise<RegistryProgramAddress[]> {
  return db
    .getRepository(RegistryProgramAddress)
    .find({ where: { programAccountId: In([...accountIds]) }, order: byPosition });
}
export function programContactsOf(db: Db, accountIds: readonly string[]): Promise<RegistryProgramContact[]> {
  return db
    .getRepository(RegistryProgramContact)
    .find({ where: { programAccountId: In([...accountIds]) }, order: byPosition });
}
export function programOwnersOf(db: Db, accountIds: readonly string[]): Promise<RegistryProgramOwner[]> {
  return db
    .getRepository(RegistryProgramOwner)
    .find({ where: { programAccountId: In([...accountIds]) }, order: byPosition });
}
export function subProgramsOf(db: Db, accountIds: readonly string[]): Promise<RegistrySubProgram[]> {
  return db
    .getRepository(RegistrySubProgram)
    .find({ where: { programAccountId: In([...accountIds]) }, order: byPosition });
}

/** Registry businesses whose BN starts with the query (digits) or whose name contains it; at most `max`. */
export async function searchRegistryBusinesses(
  dataSource: DataSource,
  query: string,
  max: number,
): Promise<RegistryBusiness[]> {
  const text = query.trim();
  if (!text) return [];
  const builder = dataSource.getRepository(RegistryBusiness).createQueryBuilder('b');
  // '!' as the LIKE escape: a backslash is read differently by SQLite and MySQL string literals.
  const like = `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  if (/^\d{1,9}$/.test(text)) builder.where('b.business_number LIKE :prefix', { prefix: `${text}%` });
  else
    builder.where(
      new Brackets((where) =>
        where
          .where("LOWER(b.legal_name) LIKE LOWER(:like) ESCAPE '!'", { like })
          .orWhere("LOWER(b.operating_name) LIKE LOWER(:like) ESCAPE '!'", { like }),
      ),
    );
  return builder.orderBy('b.legal_name', 'ASC').addOrderBy('b.business_number', 'ASC').take(max).getMany();
}

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

/** Registry program account ids by account number (`123456789RM0001`), for seeding the demo (one statement). */
export async function programAccountIdsByNumber(
  manager: EntityManager,
  accountNumbers: string[],
): Promise<Map<string, string>> {
  if (accountNumbers.length === 0) return new Map();
  const rows = await manager.findBy(RegistryProgramAccount, { accountNumber: In(accountNumbers) });
  return new Map(rows.map((a) => [a.accountNumber, a.id]));
}
