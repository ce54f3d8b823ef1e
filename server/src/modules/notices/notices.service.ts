import { type DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { type StandingSource } from '../../common/auth/access-directive.js';
import {
  AccessAction,
  AccessArea,
  accessTable,
  ActorKind,
  visibleScope,
} from '../../common/auth/access-table.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { decodeCursor, keysetBefore } from '../../common/graphql/connection.js';
import { type Problem } from '../../common/errors/problems.js';
import { agencyDay } from '../../common/time/agency-date.js';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import {
  allBusinessRefs,
  businessRefByNumber,
  type BusinessRef,
} from '../businesses/business-directory.service.js';
import { ownBusinessesOf, providerReach, type ReachCaller } from '../relationships/provider-reach.js';
import { standingsFromRows, type StandingRow } from '../access/standing-source.js';
import { RelationshipType } from '../relationships/relationships.types.js';
import { MembershipStatus } from '../businesses/businesses.types.js';
import {
  programAccountsOfType,
  type RegistryBusiness,
  registryBusinessesByIds,
  type RegistryProgramAccount,
} from '../registry/registry-lookups.service.js';
import { RelationshipStatus } from '../relationships/relationships.types.js';
import { type NoticeDraft, writeNotices } from './notice-writer.js';
import { MailOutbox, Notice, NoticeRead } from './notices.entities.js';
import {
  MailStatus,
  NoticeAudience,
  NoticeType,
  type NoticeFilterInput,
  type PostNoticeInput,
} from './notices.types.js';
import { characterCount } from '../../common/rules/text-rules.js';

export const NOTICE_SUBJECT_MAX_LENGTH = 200;
export const NOTICE_BODY_MAX_LENGTH = 5000;
/** The list's default range: the last 6 months (seed 003 §2.4 "Plage de dates"). */
export const NOTICE_DEFAULT_MONTHS = 6;

const NOTICE_AREAS = [
  AccessArea.NOTICES,
  AccessArea.COLLECTIONS_NOTICES,
  AccessArea.ACCESS_MANAGEMENT,
  AccessArea.RELATIONSHIP_MANAGEMENT,
  AccessArea.MESSAGES,
  AccessArea.CORRESPONDENCE,
  AccessArea.REQUESTS_AND_TRANSACTIONS,
] as const;

/**
 * The notice areas the clients' branch reads, from the access table (never restated here): a provider's
 * employee reads the areas both relationship types may view, business management every notice of the area,
 * program management those of no program account or of one the relationship names (IN_SCOPE); an agency
 * officer reads the areas the officer column allows. The branch's SQL expresses exactly that shape; a table
 * it cannot express (program management denied an area business management reads, say) stops the server at
 * startup rather than showing a notice the table forbids.
 */
export function clientNoticeAreas(table: typeof accessTable = accessTable): {
  provider: AccessArea[];
  officer: AccessArea[];
} {
  const view = (area: AccessArea, kind: ActorKind) => table[area][kind][AccessAction.VIEW];
  const provider = NOTICE_AREAS.filter(
    (area) =>
      view(area, ActorKind.BUSINESS_MANAGEMENT) !== 'DENIED' ||
      view(area, ActorKind.PROGRAM_MANAGEMENT) !== 'DENIED',
  );
  for (const area of provider) {
    if (
      view(area, ActorKind.BUSINESS_MANAGEMENT) === 'DENIED' ||
      view(area, ActorKind.PROGRAM_MANAGEMENT) !== 'IN_SCOPE'
    )
      throw new Error(
        `The notices' client branch reads ${area} as business management: all, program management: in scope; the access table now says otherwise`,
      );
  }
  const officer = NOTICE_AREAS.filter((area) => view(area, ActorKind.AGENCY_OFFICER) !== 'DENIED');
  for (const area of officer) {
    if (view(area, ActorKind.AGENCY_OFFICER) !== 'ALLOWED')
      throw new Error(
        `The notices' client branch reads ${area} whole for officers; the access table now says otherwise`,
      );
  }
  return { provider, officer };
}

const clientAreas = clientNoticeAreas();

export interface NoticeRow extends Notice {
  readAt: Date | null;
}

/** A predicate over `n` (notice) and its parameters. */
interface Predicate {
  sql: string;
  params: Record<string, unknown>;
  /** The list index a visibility branch reads (its leading column is the branch's equality). */
  index?: 'IDX_notice_recipient_list' | 'IDX_notice_business_list';
}

/** Who reads notices: a person or a token (as for the provider reach), and whether they are an agency officer. */
export interface NoticeCaller extends ReachCaller {
  officer: boolean;
}

/**
 * The caller's own businesses (a token: its business alone), and whether any of them is the provider of an
 * accepted relationship (only then can the caller reach clients). One statement for a person, none for a token.
 */
async function ownBusinesses(
  dataSource: DataSource,
  caller: NoticeCaller,
): Promise<{ own: string[]; provides: boolean }> {
  if (caller.token) return { own: [caller.token.businessId], provides: true };
  return ownBusinessesOf(dataSource, caller.userId);
}

/**
 * The branch of the clients the caller reaches through the providers they work for (or their token's
 * business), their own businesses left out (those have their own branches): a join through the relationship,
 * membership, assignment and client-group tables (relationships/provider-reach.ts), never a list of businesses.
 * A provider reads a client's notices of the areas clientNoticeAreas takes from the access table: every one
 * under business management, those of no program account or of one the relationship names under program
 * management. An agency officer's standing reads the officer's areas of every client of their businesses,
 * assigned or not. A table that allows no area leaves the branch empty.
 */
function clientBranch(caller: NoticeCaller, own: string[], businessFilter: string | null): Predicate {
  const outside = own.length ? ' AND n.business_id NOT IN (:...ownBusinesses)' : '';
  const only = businessFilter ? ' AND n.business_id = :onlyBusiness' : '';
  const base = `n.recipient_user_id IS NULL${outside}${only}`;
  const branchScope = {
    ...(own.length ? { ownBusinesses: own } : {}),
    ...(businessFilter ? { onlyBusiness: businessFilter } : {}),
  };
  const areas = caller.officer ? clientAreas.officer : clientAreas.provider;
  if (areas.length === 0) return { sql: '1 = 0', params: {} };
  if (caller.officer) {
    const clients =
      'SELECT oc.client_business_id FROM business_relationship oc INNER JOIN business_membership om' +
      ' ON om.business_id = oc.provider_business_id AND om.user_id = :me AND om.status = :reachActive' +
      ' WHERE oc.status = :reachAccepted';
    return {
      sql: `${base} AND n.area IN (:...officerAreas) AND n.business_id IN (${clients})`,
      params: {
        ...branchScope,
        officerAreas: areas,
        reachActive: MembershipStatus.ACTIVE,
        reachAccepted: RelationshipStatus.ACCEPTED,
      },
      index: 'IDX_notice_business_list',
    };
  }
  const reach = providerReach(caller);
  const scoped = providerReach(caller, 'sr', 'spm');
  return {
    sql:
      `${base} AND n.area IN (:...providerAreas) AND n.business_id IN (SELECT r.client_business_id FROM ${reach.from} WHERE ${reach.where})` +
      ` AND (n.program_account_id IS NULL OR EXISTS (SELECT 1 FROM ${scoped.from} WHERE ${scoped.where}` +
      ' AND sr.client_business_id = n.business_id AND (sr.type = :wholeBusiness OR EXISTS (SELECT 1 FROM' +
      ' relationship_program_account srp WHERE srp.relationship_id = sr.id AND srp.program_account_id = n.program_account_id))))',
    params: {
      ...reach.params,
      ...branchScope,
      providerAreas: areas,
      wholeBusiness: RelationshipType.BUSINESS_MANAGEMENT,
    },
    index: 'IDX_notice_business_list',
  };
}

/** Which notices the caller may see: one branch per audience (the caller as person, each reachable business). */
interface Visibility {
  /** Each branch selects from one index prefix (recipient_user_id, or business_id), so its order is the index's. */
  branches: Predicate[];
  /** The branches joined by OR, for counts (no order needed). */
  any: Predicate;
}

/**
 * Which notices the caller may see, as SQL: those addressed to them; for each of their own businesses, its
 * notices whose area the access table lets them view (within their program scope for IN_SCOPE rules), from
 * the request's StandingSource (the same loader @access reads); and the notices of the clients they reach as a
 * provider, in one branch joined in SQL (clientBranch). A person belongs to a few businesses: their branches
 * stay index walks in order; a provider's clients, however many, are one branch.
 */
async function visibility(
  dataSource: DataSource,
  access: StandingSource,
  caller: NoticeCaller,
  businessFilter: string | null,
): Promise<Visibility> {
  const userId = caller.userId;
  const branches: Predicate[] = [
    businessFilter
      ? {
          sql: 'n.recipient_user_id = :me AND n.business_id = :onlyBusiness',
          params: { me: userId, onlyBusiness: businessFilter },
          index: 'IDX_notice_recipient_list',
        }
      : { sql: 'n.recipient_user_id = :me', params: { me: userId }, index: 'IDX_notice_recipient_list' },
  ];
  const { own, provides } = await ownBusinesses(dataSource, caller);
  const businesses = businessFilter ? own.filter((id) => id === businessFilter) : own;
  const standings = await Promise.all(businesses.map((id) => access.standing(id)));
  businesses.forEach((businessId, i) => {
    const params: Record<string, unknown> = {};
    const all: string[] = [];
    const scoped: string[] = [];
    for (const area of NOTICE_AREAS) {
      const scope = visibleScope(standings[i], area, AccessAction.VIEW);
      if (scope === 'ALL') all.push(area);
      else if (scope.size > 0) {
        const key = `s${i}_${scoped.length}`;
        params[`${key}a`] = area;
        params[`${key}p`] = [...scope];
        // A business-level notice (no program account) is reachable with any scope, as in the access table.
        scoped.push(
          `(n.area = :${key}a AND (n.program_account_id IS NULL OR n.program_account_id IN (:...${key}p)))`,
        );
      }
    }
    if (all.length === 0 && scoped.length === 0) return;
    params[`b${i}`] = businessId;
    const parts = [...(all.length ? [`n.area IN (:...a${i})`] : []), ...scoped];
    if (all.length) params[`a${i}`] = all;
    branches.push({
      sql: `n.business_id = :b${i} AND n.recipient_user_id IS NULL AND (${parts.join(' OR ')})`,
      params,
      index: 'IDX_notice_business_list',
    });
  });
  if (provides && !(businessFilter && own.includes(businessFilter)))
    branches.push(clientBranch(caller, own, businessFilter));
  return {
    branches,
    any: {
      sql: `(${branches.map((b) => `(${b.sql})`).join(' OR ')})`,
      params: Object.assign({}, ...branches.map((b) => b.params)) as Record<string, unknown>,
    },
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(value: string, argument: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument });
  return value;
}

/** The default start of the range: the same day 6 months ago (agency day). */
export function defaultFrom(now: Date): string {
  const today = agencyDay(now);
  const [y, m, d] = today.split('-').map(Number);
  const back = new Date(Date.UTC(y, m - 1 - NOTICE_DEFAULT_MONTHS, 1));
  const lastDay = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  back.setUTCDate(Math.min(d, lastDay));
  return back.toISOString().slice(0, 10);
}

export interface NoticeCursor {
  displayDate: string;
  id: string;
}

export function encodeNoticeCursor(row: NoticeCursor): string {
  return Buffer.from(`${row.displayDate}|${row.id}`, 'utf8').toString('base64url');
}

function decodeNoticeCursor(cursor: string): NoticeCursor {
  const match = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  if (!match) throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument: 'after' });
  return { displayDate: match[1], id: match[2] };
}

function baseQuery(dataSource: DataSource, userId: string, where: Predicate): SelectQueryBuilder<Notice> {
  return dataSource
    .getRepository(Notice)
    .createQueryBuilder('n')
    .where(where.sql, where.params)
    .setParameter('me', userId);
}

export interface NoticePage {
  rows: NoticeRow[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

/** SQL and its positional parameters, as the driver runs it. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * SQLite refuses a compound SELECT of more than 500 terms (SQLITE_MAX_COMPOUND_SELECT); a caller reaching more
 * businesses than this (a provider with hundreds of clients) gets one OR query instead, sorted in a temporary
 * B-tree: correct, slower, and rare.
 */
const MAX_LIST_BRANCHES = 400;

/**
 * For a token: the relationship through which it reaches each notice's business, with the program accounts it
 * names (columns tr_* and trp_*), so that the page hands the request's standings over (standingsFromRows, the
 * loader's rule on the same reach): the notices' @access fields then decide without another statement.
 */
function tokenStandingJoin(
  dataSource: DataSource,
  caller: NoticeCaller,
): { select: string; sql: string; params: unknown[] } {
  if (!caller.token) return { select: '', sql: '', params: [] };
  const reach = providerReach(caller);
  const [sql, params] = dataSource.driver.escapeQueryWithParameters(
    ` LEFT JOIN (${reach.from}) ON r.client_business_id = nn.business_id AND ${reach.where}` +
      ' LEFT JOIN relationship_program_account trp ON trp.relationship_id = r.id',
    reach.params,
  );
  return {
    select: ', r.id AS tr_id, r.type AS tr_type, pm.role AS tr_role, trp.program_account_id AS trp_account',
    sql,
    params,
  };
}

/**
 * The statements of one list page, built once for both the service and the query-plan test (they must be
 * the same SQL): `page` the ids and positions of the page (size + 1 rows), `count` the filter's total.
 *
 * The page is a UNION ALL with one arm per branch of the visibility, each arm walking one index
 * ((recipient_user_id | business_id), display_date, id) backwards from the cursor: SQLite merges the arms in
 * order (MERGE (UNION ALL)) and stops after size + 1 rows, so no sort and no scan whatever the table holds.
 * MySQL runs each arm with its own ORDER BY and LIMIT on the index, then sorts at most branches × (size + 1)
 * rows. One OR over the branches would read every matching row and sort them (docs/notices.md, decision 0016).
 */
export async function noticeListStatements(
  dataSource: DataSource,
  access: StandingSource,
  caller: NoticeCaller,
  now: Date,
  filter: NoticeFilterInput | null | undefined,
  size: number,
  after: string | null | undefined,
): Promise<{ page: SqlStatement; count: SqlStatement }> {
  const from = filter?.from ? checkDay(filter.from, 'filter.from') : defaultFrom(now);
  const to = filter?.to ? checkDay(filter.to, 'filter.to') : agencyDay(now);
  const position = after ? decodeNoticeCursor(after) : null;
  const userId = caller.userId;
  const visible = await visibility(dataSource, access, caller, filter?.businessId ?? null);
  const filtered = (where: Predicate) => {
    const q = baseQuery(dataSource, userId, where).andWhere(
      'n.display_date >= :from AND n.display_date <= :to',
      { from, to },
    );
    if (filter?.type) q.andWhere('n.type = :type', { type: filter.type });
    return q;
  };
  const mysql = dataSource.options.type !== 'better-sqlite3';
  const quote = (name: string) => dataSource.driver.escape(name);
  const tokenReach = tokenStandingJoin(dataSource, caller);
  const arm = (where: Predicate) => {
    const q = filtered(where).select('n.id', 'id').addSelect('n.display_date', 'displayDate');
    // The bound `display_date <= :kDate` is an index range, the OR a filter on it: written as
    // `a < ? OR (a = ? AND b < ?)` alone, SQLite may split a small arm into a MULTI-INDEX OR and sort it.
    if (position)
      q.andWhere('n.display_date <= :kDate AND (n.display_date < :kDate OR n.id < :kId)', {
        kDate: position.displayDate,
        kId: position.id,
      });
    // SQLite takes no ORDER BY or LIMIT inside a compound arm (its merge reads each arm in index order);
    // MySQL needs them there, or it would read every matching row before the outer LIMIT.
    if (mysql)
      q.orderBy('n.display_date', 'DESC')
        .addOrderBy('n.id', 'DESC')
        .limit(size + 1);
    const [sql, params] = q.getQueryAndParameters();
    return { sql: mysql ? `(${sql})` : sql, params: params as unknown[] };
  };
  const arms = visible.branches.length <= MAX_LIST_BRANCHES ? visible.branches.map(arm) : [arm(visible.any)];
  return {
    // The page's notices and the caller's reads of them come with it: the walk picks size + 1 ids, the outer
    // query reads those rows by primary key (the caller sorts them again: the outer query has no ORDER BY, so
    // that nothing but the walk is ever sorted).
    page: {
      sql:
        `SELECT ${entityColumns(dataSource, Notice, 'nn', 'nn_')}, nr.read_at AS nr_read_at${tokenReach.select} FROM (` +
        `${arms.map((a) => a.sql).join(' UNION ALL ')} ORDER BY ${quote('displayDate')} DESC, ${quote('id')} DESC LIMIT ${size + 1}` +
        `) ${quote('p')} INNER JOIN ${quote('notice')} nn ON nn.id = ${quote('p')}.${quote('id')}` +
        ` LEFT JOIN ${quote('notice_read')} nr ON nr.notice_id = nn.id AND nr.user_id = ?${tokenReach.sql}`,
      params: [...arms.flatMap((a) => a.params), userId, ...tokenReach.params],
    },
    count: sumOfCounts(dataSource, visible, (where) => filtered(where)),
  };
}

/**
 * A count over the visibility as the sum of one COUNT per branch (`SELECT SUM(c) FROM (… UNION ALL …)`): each
 * arm is a range of one index (named to MySQL). One OR over the branches left MariaDB to choose between an
 * index merge and a scan of the whole table, and with a million notices it scanned (4 s for the bell).
 */
function sumOfCounts(
  dataSource: DataSource,
  visible: Visibility,
  query: (where: Predicate) => SelectQueryBuilder<Notice>,
): SqlStatement {
  const branches = visible.branches.length <= MAX_LIST_BRANCHES ? visible.branches : [visible.any];
  const quote = (name: string) => dataSource.driver.escape(name);
  const from = `FROM ${quote('notice')} ${quote('n')}`;
  const arms = branches.map((where) => {
    const [sql, params] = query(where).select('COUNT(*)', 'c').getQueryAndParameters();
    // MariaDB scans the whole table rather than read a branch of a tenth of it through the index (2.3 s for
    // the bell at a million notices, 100,000 of them the caller's business): name the branch's index.
    const hinted =
      dataSource.options.type !== 'better-sqlite3' && where.index && sql.includes(from)
        ? sql.replace(from, `${from} FORCE INDEX (${quote(where.index)})`)
        : sql;
    return { sql: hinted, params: params as unknown[] };
  });
  return {
    sql: `SELECT SUM(${quote('c')}) AS ${quote('total')} FROM (${arms.map((a) => a.sql).join(' UNION ALL ')}) ${quote('counts')}`,
    params: arms.flatMap((a) => a.params),
  };
}

/** Hands the request's standings toward the page's businesses over (a token's: see tokenStandingJoin). */
function primeTokenStandings(
  access: StandingSource,
  token: NonNullable<NoticeCaller['token']>,
  raw: Array<Record<string, unknown>>,
): void {
  const standingRows: StandingRow[] = raw
    .filter((row) => row.tr_id)
    .map((row) => ({
      via: 'PROVIDER',
      businessId: row.nn_business_id as string,
      role: row.tr_role as StandingRow['role'],
      sourceId: row.tr_id as string,
      type: row.tr_type as StandingRow['type'],
      programAccountId: (row.trp_account as string | null) ?? null,
    }));
  const grants = standingsFromRows(standingRows, token.scope);
  for (const businessId of new Set(raw.map((row) => row.nn_business_id)))
    if (typeof businessId === 'string' && businessId !== token.businessId)
      access.prime?.(businessId, { grants: grants.get(businessId) ?? [] });
}

/**
 * The caller's notices, newest first, `size` at a time after `after`: keyset on (display_date, id), which
 * the indexes (business_id | recipient_user_id, display_date, id) serve (see noticeListStatements). One
 * statement whatever the page's length (the page with its notices and the caller's reads of them), after the
 * caller's own businesses and their standings (none for a token). Throws
 * BAD_USER_INPUT on a bad date or cursor.
 */
export async function listNotices(
  dataSource: DataSource,
  access: StandingSource,
  caller: NoticeCaller,
  now: Date,
  filter: NoticeFilterInput | null | undefined,
  size: number,
  after: string | null | undefined,
): Promise<NoticePage> {
  const statements = await noticeListStatements(dataSource, access, caller, now, filter, size, after);
  const raw = await dataSource.query<Array<Record<string, unknown>>>(
    statements.page.sql,
    statements.page.params,
  );
  const readAt = dataSource.getMetadata(NoticeRead).findColumnWithPropertyName('readAt')!;
  if (caller.token) primeTokenStandings(access, caller.token, raw);
  const seen = new Set<unknown>();
  const rows = raw
    .filter((row) => !seen.has(row.nn_id) && seen.add(row.nn_id))
    .map((row) => ({
      ...hydrate(dataSource, Notice, row, 'nn_')!,
      readAt: (dataSource.driver.prepareHydratedValue(row.nr_read_at, readAt) as Date | null) ?? null,
    }))
    .sort((a, b) =>
      a.displayDate !== b.displayDate ? (a.displayDate < b.displayDate ? 1 : -1) : a.id < b.id ? 1 : -1,
    );
  return {
    rows: rows.slice(0, size),
    hasNextPage: rows.length > size,
    totalCount: async () => {
      const [row] = await dataSource.query<Array<{ total: number | string }>>(
        statements.count.sql,
        statements.count.params,
      );
      return Number(row?.total ?? 0);
    },
  };
}

/** One notice, if the caller may see it (else null: the answer does not tell whether it exists). */
export async function findVisibleNotice(
  dataSource: DataSource,
  access: StandingSource,
  caller: NoticeCaller,
  id: string,
): Promise<NoticeRow | null> {
  const userId = caller.userId;
  const visible = await visibility(dataSource, access, caller, null);
  const notice = await baseQuery(dataSource, userId, visible.any).andWhere('n.id = :id', { id }).getOne();
  if (!notice) return null;
  const read = await dataSource.getRepository(NoticeRead).findOneBy({ noticeId: id, userId });
  return { ...notice, readAt: read?.readAt ?? null };
}

/** The bell counts unread notices up to this many: the app shows 99, and "99+" beyond (docs/notices.md). */
export const UNREAD_COUNT_MAX = 100;

/**
 * The bell's count as SQL (for the service and the query-plan test): the visible notices without a read row
 * of the caller, up to UNREAD_COUNT_MAX. Each branch is an index range that stops at the cap (MySQL: its own
 * LIMIT; SQLite: the compound's LIMIT stops reading its arms), so the count costs the same at 150 unread
 * notices as at 150,000; the full count read every unread notice, all time (450 ms on MariaDB at 67,000).
 */
export async function unreadCountStatement(
  dataSource: DataSource,
  access: StandingSource,
  caller: NoticeCaller,
): Promise<SqlStatement> {
  const userId = caller.userId;
  const visible = await visibility(dataSource, access, caller, null);
  const mysql = dataSource.options.type !== 'better-sqlite3';
  const quote = (name: string) => dataSource.driver.escape(name);
  const from = `FROM ${quote('notice')} ${quote('n')}`;
  const branches = visible.branches.length <= MAX_LIST_BRANCHES ? visible.branches : [visible.any];
  const arms = branches.map((where) => {
    const [sql, params] = baseQuery(dataSource, userId, where)
      .leftJoin(NoticeRead, 'r', 'r.notice_id = n.id AND r.user_id = :me')
      .andWhere('r.notice_id IS NULL')
      .select('n.id', 'id')
      .getQueryAndParameters();
    // As in sumOfCounts: MariaDB would rather scan the table than read a large branch through its index.
    const hinted =
      mysql && where.index && sql.includes(from)
        ? sql.replace(from, `${from} FORCE INDEX (${quote(where.index)})`)
        : sql;
    return { sql: mysql ? `(${hinted} LIMIT ${UNREAD_COUNT_MAX})` : hinted, params: params as unknown[] };
  });
  return {
    sql: `SELECT COUNT(*) AS ${quote('total')} FROM (${arms.map((a) => a.sql).join(' UNION ALL ')} LIMIT ${UNREAD_COUNT_MAX}) ${quote('unread')}`,
    params: arms.flatMap((a) => a.params),
  };
}

/** How many of the caller's notices they have not opened (the bell), up to UNREAD_COUNT_MAX. */
export async function unreadCount(
  dataSource: DataSource,
  access: StandingSource,
  caller: NoticeCaller,
): Promise<number> {
  const statement = await unreadCountStatement(dataSource, access, caller);
  const [row] = await dataSource.query<Array<{ total: number | string }>>(statement.sql, statement.params);
  return Number(row?.total ?? 0);
}

/** Marks a visible notice read for the caller (once; again is a no-op). Null when not visible. */
export async function markNoticeRead(
  dataSource: DataSource,
  access: StandingSource,
  caller: NoticeCaller,
  id: string,
  now: Date,
): Promise<NoticeRow | null> {
  const notice = await findVisibleNotice(dataSource, access, caller, id);
  if (!notice) return null;
  if (notice.readAt) return notice;
  try {
    await inTransaction(dataSource, (manager) =>
      manager.insert(NoticeRead, { noticeId: id, userId: caller.userId, readAt: now }),
    );
  } catch (error) {
    // Two tabs opening it at once: the other one recorded it.
    if (!isUniqueViolation(error)) throw error;
  }
  return { ...notice, readAt: now };
}

function noticeProblem(field: string[], code: string, params: Record<string, string | number> = {}): Problem {
  return { field, code, messageKey: `notices.${code}` as Problem['messageKey'], params };
}

export type PostNoticeResult =
  { ok: true; noticeCount: number; emailCount: number } | { ok: false; problems: Problem[] };

/**
 * An officer's notice to one business, to every business with a program account of a type (one notice per
 * such account), or to every registered business; written with its emails in one transaction. Problems:
 * REQUIRED, TOO_LONG, INVALID_FORMAT, BUSINESS_NOT_FOUND, NO_RECIPIENTS.
 */
export async function postNotice(
  dataSource: DataSource,
  officerId: string,
  input: PostNoticeInput,
  now: Date,
): Promise<PostNoticeResult> {
  const problems: Problem[] = [];
  const texts = {
    subjectEn: input.subjectEn,
    subjectFr: input.subjectFr,
    bodyEn: input.bodyEn,
    bodyFr: input.bodyFr,
  };
  for (const [name, value] of Object.entries(texts)) {
    const max = name.startsWith('subject') ? NOTICE_SUBJECT_MAX_LENGTH : NOTICE_BODY_MAX_LENGTH;
    if (!value.trim()) problems.push(noticeProblem(['input', name], 'REQUIRED'));
    else if (characterCount(value.trim()) > max)
      problems.push(noticeProblem(['input', name], 'TOO_LONG', { max }));
  }
  const bn = input.businessNumber?.trim() ?? '';
  if (input.audience === NoticeAudience.BUSINESS && !/^\d{9}$/.test(bn))
    problems.push(noticeProblem(['input', 'businessNumber'], bn ? 'INVALID_FORMAT' : 'REQUIRED'));
  if (input.audience === NoticeAudience.PROGRAM_TYPE && !input.programType)
    problems.push(noticeProblem(['input', 'programType'], 'REQUIRED'));
  if (problems.length) return { ok: false, problems };

  return inTransaction(dataSource, async (manager) => {
    const businesses =
      input.audience === NoticeAudience.BUSINESS
        ? [await businessRefByNumber(manager, bn)].filter((b) => b !== null)
        : await allBusinessRefs(manager);
    if (input.audience === NoticeAudience.BUSINESS && businesses.length === 0)
      return {
        ok: false as const,
        problems: [noticeProblem(['input', 'businessNumber'], 'BUSINESS_NOT_FOUND')],
      };
    const registry = new Map<string, RegistryBusiness>();
    const accounts: RegistryProgramAccount[] = [];
    const registryIds = businesses.map((b) => b.registryBusinessId);
    for (let i = 0; i < registryIds.length; i += 200) {
      const part = registryIds.slice(i, i + 200);
      for (const r of await registryBusinessesByIds(manager, part)) registry.set(r.id, r);
      if (input.audience === NoticeAudience.PROGRAM_TYPE)
        accounts.push(...(await programAccountsOfType(manager, part, input.programType!)));
    }
    const post = timeKey(now);
    const text = {
      subject: { en: input.subjectEn.trim(), fr: input.subjectFr.trim() },
      body: { en: input.bodyEn.trim(), fr: input.bodyFr.trim() },
    };
    const nameOf = (b: BusinessRef) => {
      const r = registry.get(b.registryBusinessId);
      return r ? r.operatingName || r.legalName : b.businessNumber;
    };
    const common = {
      type: NoticeType.GENERAL,
      urgent: input.urgent,
      createdBy: officerId,
      linkPath: null,
      ...text,
    };
    let drafts: NoticeDraft[];
    if (input.audience === NoticeAudience.PROGRAM_TYPE) {
      const byRegistry = new Map(businesses.map((b) => [b.registryBusinessId, b]));
      drafts = accounts.map((a) => {
        const business = byRegistry.get(a.businessId)!;
        return {
          ...common,
          businessId: business.id,
          programAccountId: a.id,
          accountNumber: a.accountNumber,
          recipientName: nameOf(business),
          sourceKey: `post:${post}:${a.id}`,
        };
      });
    } else
      drafts = businesses.map((b) => ({
        ...common,
        businessId: b.id,
        accountNumber: b.businessNumber,
        recipientName: nameOf(b),
        sourceKey: `post:${post}:${b.id}`,
      }));
    if (drafts.length === 0)
      return { ok: false as const, problems: [noticeProblem(['input', 'audience'], 'NO_RECIPIENTS')] };
    const written = await writeNotices(manager, drafts, now);
    return { ok: true as const, noticeCount: written.notices.length, emailCount: written.emails };
  });
}

/** A post's key: unique per officer action (the instant, to the microsecond, and a random part). */
function timeKey(now: Date): string {
  return `${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** The outbox's counts by status, for officers. */
export async function outboxCounts(dataSource: DataSource) {
  const repo = dataSource.getRepository(MailOutbox);
  const [pending, sent, dead] = await Promise.all(
    [MailStatus.PENDING, MailStatus.SENT, MailStatus.DEAD].map((status) => repo.countBy({ status })),
  );
  return { pending, sent, dead };
}

/**
 * The dead letters, most recently failed first, `size` at a time after `after` (keyset on updated_at, id,
 * which IDX_mail_outbox_dead_list serves), with the notices they are about. Throws BAD_USER_INPUT on a bad
 * cursor.
 */
export async function listDeadLetters(
  dataSource: DataSource,
  size: number,
  after: string | null | undefined,
) {
  const q = dataSource
    .getRepository(MailOutbox)
    .createQueryBuilder('m')
    .where('m.status = :dead', { dead: MailStatus.DEAD });
  if (after) {
    const keyset = keysetBefore('m.updated_at', 'm.id', decodeCursor(after));
    q.andWhere(keyset.sql, keyset.params);
  }
  const rows = await q
    .orderBy('m.updated_at', 'DESC')
    .addOrderBy('m.id', 'DESC')
    .take(size + 1)
    .getMany();
  const noticeIds = [...new Set(rows.slice(0, size).map((r) => r.noticeId))];
  const notices = noticeIds.length
    ? await dataSource.getRepository(Notice).findBy({ id: In(noticeIds) })
    : [];
  return { rows, notices: new Map(notices.map((n) => [n.id, n])) };
}

/** Puts a dead letter back in the queue (an officer fixed the cause). False when it is not dead. */
export async function retryDeadLetter(dataSource: DataSource, id: string, now: Date): Promise<boolean> {
  const result = await dataSource.getRepository(MailOutbox).update(
    { id, status: MailStatus.DEAD },
    {
      status: MailStatus.PENDING,
      attempts: 0,
      nextAttemptAt: now,
      leaseOwner: null,
      leaseUntil: null,
      updatedAt: now,
    },
  );
  return (result.affected ?? 0) > 0;
}
