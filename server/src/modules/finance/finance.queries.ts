import DataLoader from 'dataloader';
import { In, type DataSource, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { pageSize, type PageInfo } from '../../common/graphql/connection.js';
import {
  RegistryFinancialSecurity,
  RegistryInvoice,
  RegistryStatement,
  RegistryTransaction,
} from '../registry/financial-record.entity.js';
import { RegistryProgramAccount } from '../registry/program-account.entity.js';
import { isCalendarDate } from '../registry/reference-data.schema.js';
import {
  CreditApplication,
  FinancialSecurityChange,
  PadAgreement,
  TransactionAllocation,
} from './finance.entities.js';
import { effectiveState } from './finance.rules.js';
import { type AccountTransaction } from './finance.types.js';

// Reads of program account finances. Lists are keyset pages over (calendar date, id), newest first, written
// `d < ? OR (d = ? AND id < ?)` (architecture.md §3); a page costs a fixed number of statements.

interface DatePosition {
  date: string;
  id: string;
}

export function encodeDateCursor(position: DatePosition): string {
  return Buffer.from(`${position.date}|${position.id}`, 'utf8').toString('base64url');
}

/** BAD_USER_INPUT when the cursor is not one this API made. */
export function decodeDateCursor(cursor: string): DatePosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/.exec(text);
  if (!match || !isCalendarDate(match[1]))
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument: 'after' });
  return { date: match[1], id: match[2] };
}

function dateArgument(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!isCalendarDate(value))
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument });
  return value;
}

export interface DatePage<R> {
  rows: R[];
  edges: Array<{ cursor: string; row: R }>;
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

/** One keyset page of `qb` (already filtered) on `alias.dateProperty`, `alias.id`. */
async function datePage<R extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<R>,
  alias: string,
  dateProperty: keyof R & string,
  options: { first?: number | null; after?: string | null },
  fallback: number,
): Promise<DatePage<R>> {
  const size = pageSize(options.first, fallback);
  const counter = qb.clone();
  if (options.after) {
    const at = decodeDateCursor(options.after);
    qb.andWhere(
      `(${alias}.${dateProperty} < :keysetDate OR (${alias}.${dateProperty} = :keysetDate AND ${alias}.id < :keysetId))`,
      { keysetDate: at.date, keysetId: at.id },
    );
  }
  const fetched = await qb
    .orderBy(`${alias}.${dateProperty}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(size + 1)
    .getMany();
  const rows = fetched.slice(0, size);
  const edges = rows.map((row) => ({
    cursor: encodeDateCursor({ date: String(row[dateProperty]), id: row.id }),
    row,
  }));
  return {
    rows,
    edges,
    pageInfo: { hasNextPage: fetched.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    count: () => counter.getCount(),
  };
}

/** The allocations of transactions, by id (0 when the portal never touched one): one statement per batch. */
export function createAllocationLoader(dataSource: DataSource): DataLoader<string, number> {
  return new DataLoader<string, number>(async (ids) => {
    const rows = await dataSource
      .getRepository(TransactionAllocation)
      .findBy({ transactionId: In([...ids]) });
    const map = new Map(rows.map((row) => [row.transactionId, row.allocatedCents]));
    return ids.map((id) => map.get(id) ?? 0);
  });
}

export function transactionNode(row: RegistryTransaction, allocatedCents: number): AccountTransaction {
  return {
    id: row.id,
    programAccountId: row.programAccountId,
    transactionNumber: row.transactionNumber,
    transactionDate: row.transactionDate,
    description: row.description,
    descriptionFr: row.descriptionFr || null,
    type: row.transactionType,
    amountCents: row.amountCents,
    dutiesAndTaxesCents: row.dutiesAndTaxesCents,
    ...effectiveState(row, allocatedCents),
  };
}

/** A page of an account's transactions, newest first, between `from` and `to` inclusive. */
export async function transactionsPage(
  dataSource: DataSource,
  programAccountId: string,
  options: { first?: number | null; after?: string | null; from?: string | null; to?: string | null },
): Promise<DatePage<RegistryTransaction>> {
  const from = dateArgument(options.from, 'from');
  const to = dateArgument(options.to, 'to');
  const qb = dataSource
    .getRepository(RegistryTransaction)
    .createQueryBuilder('t')
    .where('t.programAccountId = :programAccountId', { programAccountId });
  if (from) qb.andWhere('t.transactionDate >= :from', { from });
  if (to) qb.andWhere('t.transactionDate <= :to', { to });
  return datePage(qb, 't', 'transactionDate', options, 20);
}

export function statementsPage(
  dataSource: DataSource,
  programAccountId: string,
  options: { first?: number | null; after?: string | null },
): Promise<DatePage<RegistryStatement>> {
  const qb = dataSource
    .getRepository(RegistryStatement)
    .createQueryBuilder('s')
    .where('s.programAccountId = :programAccountId', { programAccountId });
  return datePage(qb, 's', 'statementDate', options, 12);
}

export function invoicesPage(
  dataSource: DataSource,
  programAccountId: string,
  options: { first?: number | null; after?: string | null },
): Promise<DatePage<RegistryInvoice>> {
  const qb = dataSource
    .getRepository(RegistryInvoice)
    .createQueryBuilder('i')
    .where('i.programAccountId = :programAccountId', { programAccountId });
  return datePage(qb, 'i', 'invoiceDate', options, 20);
}

/** The newest transactions of the given accounts (the home page's "recent transactions"). */
export function recentTransactionRows(
  dataSource: DataSource,
  programAccountIds: readonly string[],
  take: number,
): Promise<RegistryTransaction[]> {
  if (programAccountIds.length === 0) return Promise.resolve([]);
  return dataSource.getRepository(RegistryTransaction).find({
    where: { programAccountId: In([...programAccountIds]) },
    order: { transactionDate: 'DESC', id: 'DESC' },
    take,
  });
}

/** The account balance, the credit still available, and what is still owed: three sums in one statement each. */
export async function accountBalance(
  dataSource: DataSource,
  programAccountId: string,
): Promise<{ balanceCents: number; availableCreditCents: number; amountOwingCents: number }> {
  const sum = async (select: string, where: string, params: Record<string, unknown> = {}) => {
    const row = await dataSource
      .getRepository(RegistryTransaction)
      .createQueryBuilder('t')
      .leftJoin(TransactionAllocation, 'a', 'a.transaction_id = t.id')
      .select(`COALESCE(SUM(${select}), 0)`, 'total')
      .where('t.programAccountId = :programAccountId', { programAccountId })
      .andWhere(where, params)
      .getRawOne<{ total: string | number }>();
    // MySQL answers SUM as a decimal string, SQLite as a number.
    return Number(row?.total ?? 0);
  };
  const [balanceCents, availableCreditCents, amountOwingCents] = await Promise.all([
    sum('t.amount_cents', "t.status <> 'CANCELLED'"),
    sum(
      '-t.amount_cents - COALESCE(a.allocated_cents, 0)',
      "t.status = 'UNAPPLIED_CREDIT' AND t.amount_cents < 0",
    ),
    sum(
      't.amount_cents - COALESCE(a.allocated_cents, 0)',
      't.status IN (:...payable) AND t.amount_cents > 0',
      {
        payable: ['POSTED', 'PARTIALLY_PAID'],
      },
    ),
  ]);
  return { balanceCents, availableCreditCents, amountOwingCents };
}

export function securityOf(dataSource: DataSource, programAccountId: string) {
  return dataSource.getRepository(RegistryFinancialSecurity).findOneBy({ programAccountId });
}

/** Newest first, at most 100 (an account's changes are few; the agency processes them). */
export function securityChangesOf(dataSource: DataSource, programAccountId: string) {
  return dataSource.getRepository(FinancialSecurityChange).find({
    where: { programAccountId },
    order: { submittedAt: 'DESC', id: 'DESC' },
    take: 100,
  });
}

/** Newest first, at most 100: the active agreement (if any) and the cancelled ones. */
export function padAgreementsOf(dataSource: DataSource, programAccountId: string) {
  return dataSource.getRepository(PadAgreement).find({
    where: { programAccountId },
    order: { createdAt: 'DESC', id: 'DESC' },
    take: 100,
  });
}

/** Newest first, at most `take` (1 to 100), with the transaction numbers they name. */
export async function creditApplicationsOf(dataSource: DataSource, programAccountId: string, take: number) {
  const rows = await dataSource.getRepository(CreditApplication).find({
    where: { programAccountId },
    order: { appliedAt: 'DESC', id: 'DESC' },
    take,
  });
  const ids = [...new Set(rows.flatMap((r) => [r.creditTransactionId, r.targetTransactionId]))];
  const transactions = ids.length
    ? await dataSource
        .getRepository(RegistryTransaction)
        .find({ select: { id: true, transactionNumber: true }, where: { id: In(ids) } })
    : [];
  const numbers = new Map(transactions.map((t) => [t.id, t.transactionNumber]));
  return rows.map((row) => ({
    row,
    creditNumber: numbers.get(row.creditTransactionId) ?? '',
    targetNumber: numbers.get(row.targetTransactionId) ?? '',
  }));
}

export function isRmAccount(account: RegistryProgramAccount): boolean {
  return account.programCode === 'RM';
}
