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
  /** The highest monthly total of assessed duties and taxes in the 12 months up to today (0 when none). */
  highestMonthCents: number;
  /**
   * The financial security the agency requires of the account (decision 0044): its own figure when the agency
   * set one, else the agency's rule applied to highestMonthCents; 0 for an account of another program than RM
   * (security is held for RM accounts only); null for an RM account when the agency set neither.
   */
  securityRequiredCents: number | null;
}

/** The agency's rule as stored: `percent`% of the highest month, never below `minimumCents`. */
export interface SecurityRule {
  percentOfHighestMonth: number;
  minimumCents: number;
}

/** The rule applied to a highest month, in integer cents rounded up (BigInt: no float ever rounds). */
export function securityRequiredByRule(rule: SecurityRule, highestMonthCents: number): number {
  const product = BigInt(highestMonthCents) * BigInt(rule.percentOfHighestMonth);
  const share = Number((product + 99n) / 100n);
  return Math.max(rule.minimumCents, share);
}

/**
 * The first day of the 12-month window that ends on `today` (YYYY-MM-DD): the first of the month 11 months
 * before today's, so the window is today's month so far and the 11 calendar months before it.
 */
export function securityWindowStart(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 11;
  const start = new Date(Date.UTC(year, month - 1, 1));
  return start.toISOString().slice(0, 10);
}

/** The statuses of transactions that assess duties and taxes (credits and cancelled ones do not). */
const ASSESSED_STATUSES = ['POSTED', 'PARTIALLY_PAID', 'PAID'];

/**
 * The account indicators' sums of `programAccountIds` on `today` (YYYY-MM-DD), by account, with the security
 * the agency requires of each: ONE statement (grouped selects under UNION ALL), whatever the number of
 * accounts. Every requested account that exists has an entry.
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
  const assessed = ASSESSED_STATUSES.map(() => '?').join(', ');
  // SUBSTR of a DATE column is its 'YYYY-MM' month on both SQLite (text) and MySQL (DATE as a string).
  const rows: Array<{
    kind: string;
    account: string;
    n: string | number | null;
    cents: string | number | null;
  }> = await db.query(
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
         GROUP BY program_account_id
       UNION ALL
       SELECT 'highest', m.account, COUNT(*), MAX(m.total)
         FROM (SELECT program_account_id AS account, SUM(duties_and_taxes_cents) AS total
                 FROM registry_transaction
                WHERE status IN (${assessed}) AND transaction_date >= ? AND transaction_date <= ?
                  AND program_account_id IN (${marks})
                GROUP BY program_account_id, SUBSTR(transaction_date, 1, 7)) m
         GROUP BY m.account
       UNION ALL
       SELECT 'account', id, CASE WHEN program_code = 'RM' THEN 1 ELSE 0 END, required_security_cents
         FROM registry_program_account WHERE id IN (${marks})
       UNION ALL
       SELECT 'rule', '', percent_of_highest_month, minimum_cents FROM registry_security_rule`,
    [
      today,
      ...ids,
      today,
      ...ids,
      ...ids,
      ...ASSESSED_STATUSES,
      securityWindowStart(today),
      today,
      ...ids,
      ...ids,
    ],
  );
  const entry = (account: string): AccountFinanceSums => {
    const found = sums.get(account);
    if (found) return found;
    const created: AccountFinanceSums = {
      programAccountId: account,
      overdueCount: 0,
      overdueCents: 0,
      statementsDueCount: 0,
      statementsDueCents: 0,
      securityCents: 0,
      highestMonthCents: 0,
      securityRequiredCents: null,
    };
    sums.set(account, created);
    return created;
  };
  let rule: SecurityRule | null = null;
  const accounts = new Map<string, { rm: boolean; ownCents: number | null }>();
  for (const row of rows) {
    // MySQL answers COUNT and SUM as strings, SQLite as numbers.
    const n = Number(row.n ?? 0);
    const cents = row.cents === null ? null : Number(row.cents);
    if (row.kind === 'rule') {
      rule = { percentOfHighestMonth: n, minimumCents: cents ?? 0 };
      continue;
    }
    if (row.kind === 'account') {
      accounts.set(row.account, { rm: n === 1, ownCents: cents });
      entry(row.account);
      continue;
    }
    const sum = entry(row.account);
    if (row.kind === 'overdue') {
      sum.overdueCount = n;
      sum.overdueCents = cents ?? 0;
    } else if (row.kind === 'due') {
      sum.statementsDueCount = n;
      sum.statementsDueCents = cents ?? 0;
    } else if (row.kind === 'highest') sum.highestMonthCents = cents ?? 0;
    else sum.securityCents = cents ?? 0;
  }
  for (const [id, account] of accounts) {
    const sum = entry(id);
    if (!account.rm) sum.securityRequiredCents = 0;
    else if (account.ownCents !== null) sum.securityRequiredCents = account.ownCents;
    else if (rule) sum.securityRequiredCents = securityRequiredByRule(rule, sum.highestMonthCents);
  }
  return sums;
}
