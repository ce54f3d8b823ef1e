import {
  In,
  type DataSource,
  type EntityManager,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { pageSize, type PageInfo } from '../../common/graphql/connection.js';
import {
  RegistryFinancialSecurity,
  RegistryInvoice,
  RegistryStatement,
  RegistryTransaction,
} from './financial-record.entity.js';
import { isCalendarDate } from './reference-data.schema.js';

// The registry's financial records (statements, invoices, transactions, financial securities) as the finance
// module reads them (issue 19 item 3, decision 0042's follow-up): the records are the agency registry's, imported
// with it, so their entities stay here and finance reads them through these functions, never by querying the
// tables itself. Lists are keyset pages over (calendar date, id), newest first, written
// `d < ? OR (d = ? AND id < ?)` (architecture.md §3); a page costs a fixed number of statements.

export type { RegistryFinancialSecurity, RegistryInvoice } from './financial-record.entity.js';

type Db = DataSource | EntityManager;

export interface DatePosition {
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

export function dateArgument(value: string | null | undefined, argument: string): string | null {
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
export async function datePage<R extends ObjectLiteral & { id: string }>(
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

/** A page of an account's transactions, newest first, between `from` and `to` inclusive. */
export async function transactionsPage(
  db: Db,
  programAccountId: string,
  options: { first?: number | null; after?: string | null; from?: string | null; to?: string | null },
): Promise<DatePage<RegistryTransaction>> {
  const from = dateArgument(options.from, 'from');
  const to = dateArgument(options.to, 'to');
  const qb = db
    .getRepository(RegistryTransaction)
    .createQueryBuilder('t')
    .where('t.programAccountId = :programAccountId', { programAccountId });
  if (from) qb.andWhere('t.transactionDate >= :from', { from });
  if (to) qb.andWhere('t.transactionDate <= :to', { to });
  return datePage(qb, 't', 'transactionDate', options, 20);
}

export function statementsPage(
  db: Db,
  programAccountId: string,
  options: { first?: number | null; after?: string | null },
): Promise<DatePage<RegistryStatement>> {
  const qb = db
    .getRepository(RegistryStatement)
    .createQueryBuilder('s')
    .where('s.programAccountId = :programAccountId', { programAccountId });
  return datePage(qb, 's', 'statementDate', options, 12);
}

export function invoicesPage(
  db: Db,
  programAccountId: string,
  options: { first?: number | null; after?: string | null },
): Promise<DatePage<RegistryInvoice>> {
  const qb = db
    .getRepository(RegistryInvoice)
    .createQueryBuilder('i')
    .where('i.programAccountId = :programAccountId', { programAccountId });
  return datePage(qb, 'i', 'invoiceDate', options, 20);
}

/** The newest transactions of the given accounts (the home page's "recent transactions"). */
export function recentTransactionRows(
  db: Db,
  programAccountIds: readonly string[],
  take: number,
): Promise<RegistryTransaction[]> {
  if (programAccountIds.length === 0) return Promise.resolve([]);
  return db.getRepository(RegistryTransaction).find({
    where: { programAccountId: In([...programAccountIds]) },
    order: { transactionDate: 'DESC', id: 'DESC' },
    take,
  });
}

/**
 * Finance's allocations of registry transactions (its own table, named by the caller so that the registry
 * never imports finance's entity): how much of each transaction the portal has already applied.
 */
export interface AllocationJoin {
  /** Its table name (the caller reads it from its own entity's metadata). */
  table: string;
  /** Column of the allocation table holding the registry transaction's id. */
  transactionColumn: string;
  /** Column of the allocation table holding the allocated amount in cents. */
  allocatedColumn: string;
}

/** The account balance, the credit still available, and what is still owed: three sums in one statement each. */
export async function programAccountBalance(
  db: Db,
  programAccountId: string,
  allocations: AllocationJoin,
): Promise<{ balanceCents: number; availableCreditCents: number; amountOwingCents: number }> {
  const sum = async (select: string, where: string, params: Record<string, unknown> = {}) => {
    const row = await db
      .getRepository(RegistryTransaction)
      .createQueryBuilder('t')
      .leftJoin(allocations.table, 'a', `a.${allocations.transactionColumn} = t.id`)
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
      `-t.amount_cents - COALESCE(a.${allocations.allocatedColumn}, 0)`,
      "t.status = 'UNAPPLIED_CREDIT' AND t.amount_cents < 0",
    ),
    sum(
      `t.amount_cents - COALESCE(a.${allocations.allocatedColumn}, 0)`,
      't.status IN (:...payable) AND t.amount_cents > 0',
      {
        payable: ['POSTED', 'PARTIALLY_PAID'],
      },
    ),
  ]);
  return { balanceCents, availableCreditCents, amountOwingCents };
}

/** An account's financial security (one statement); null when it has none. */
export function financialSecurityOf(
  db: Db,
  programAccountId: string,
): Promise<RegistryFinancialSecurity | null> {
  return db.getRepository(RegistryFinancialSecurity).findOneBy({ programAccountId });
}

/** The transaction numbers of registry transactions by id (one statement, two columns). */
export async function transactionNumbersByIds(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .getRepository(RegistryTransaction)
    .find({ select: { id: true, transactionNumber: true }, where: { id: In([...ids]) } });
  return new Map(rows.map((t) => [t.id, t.transactionNumber]));
}

/** One account's figures for the account indicators (issue 16 item 5). */
export interface AccountFinanceSums {
  programAccountId: string;
  /** Outstanding agency invoices whose due date has passed. */
  overdueCount: number;
  overdueCents: number;
  /** Statements with an amount due whose due date is today or later. */
  statementsDueCount: number;
  statementsDueCents: number;
  /** The financial security on file (0 when there is none). */
  securityCents: number;
}

/**
 * The account indicators' sums of `programAccountIds` on `today` (YYYY-MM-DD), by account: ONE grouped
 * statement (three grouped selects under UNION ALL), whatever the number of accounts.
 */
export async function accountFinanceSums(
  db: Db,
  programAccountIds: readonly string[],
  today: string,
): Promise<Map<string, AccountFinanceSums>> {
  const sums = new Map<string, AccountFinanceSums>();
  if (programAccountIds.length === 0) return sums;
  const ids = [...programAccountIds];
  const marks = ids.map(() => '?').join(', ');
  const rows: Array<{ kind: string; account: string; n: string | number; cents: string | number | null }> =
    await db.query(
      `SELECT 'overdue' AS kind, program_account_id AS account, COUNT(*) AS n, SUM(amount_cents) AS cents
         FROM registry_invoice WHERE status = 'OUTSTANDING' AND due_date < ? AND program_account_id IN (${marks})
         GROUP BY program_account_id
       UNION ALL
       SELECT 'due', program_account_id, COUNT(*), SUM(amount_due_cents)
         FROM registry_statement WHERE amount_due_cents > 0 AND due_date >= ? AND program_account_id IN (${marks})
         GROUP BY program_account_id
       UNION ALL
       SELECT 'security', program_account_id, COUNT(*), SUM(amount_cents)
         FROM registry_financial_security WHERE program_account_id IN (${marks})
         GROUP BY program_account_id`,
      [today, ...ids, today, ...ids, ...ids],
    );
  for (const row of rows) {
    const entry = sums.get(row.account) ?? {
      programAccountId: row.account,
      overdueCount: 0,
      overdueCents: 0,
      statementsDueCount: 0,
      statementsDueCents: 0,
      securityCents: 0,
    };
    // MySQL answers COUNT and SUM as strings, SQLite as numbers.
    const n = Number(row.n);
    const cents = Number(row.cents ?? 0);
    if (row.kind === 'overdue') {
      entry.overdueCount = n;
      entry.overdueCents = cents;
    } else if (row.kind === 'due') {
      entry.statementsDueCount = n;
      entry.statementsDueCents = cents;
    } else entry.securityCents = cents;
    sums.set(row.account, entry);
  }
  return sums;
}
