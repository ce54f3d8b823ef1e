import DataLoader from 'dataloader';
import { type DataSource } from 'typeorm';
import { queryNamed } from '../database/named-sql.js';
import { pageSize } from './connection.js';
import {
  badListCursor,
  decodeListCursor,
  encodeListCursor,
  type ListConnection,
  type ListKeyPart,
  type ListPosition,
} from './list-connection.js';

// Lists paged in the database (docs/decisions/0033-every-list-pages-in-sql.md): the keyset predicate and
// `LIMIT size + 1` are SQL, so a page reads its rows and no others, whatever the list's length. The cursors are
// those of list-connection.ts (the row's sort key and id), so a client's `after` keeps working when a list moves
// from memory to SQL. The order is the database's: dates as instants, texts in the column's collation (binary on
// SQLite, utf8mb4_unicode_ci on MariaDB); a page and its cursors always agree because both are SQL's.

/** How a list is ordered in SQL: its sort columns (most significant first), then the row id, one direction. */
export interface SqlListOrder {
  /** Column expressions, already aliased (`g.name_key`), with the kind of value each holds. */
  keys: Array<{ sql: string; kind: 'date' | 'text' }>;
  id: string;
  direction: 'ASC' | 'DESC';
}

/** `ORDER BY` text for the order (without the keywords). */
export function orderBySql(order: SqlListOrder): string {
  return [...order.keys.map((key) => key.sql), order.id].map((sql) => `${sql} ${order.direction}`).join(', ');
}

/** The position `after` names, checked against the order's shape (BAD_USER_INPUT otherwise); null for none. */
export function positionAfter(order: SqlListOrder, after: string | null | undefined): ListPosition | null {
  if (!after) return null;
  const position = decodeListCursor(after);
  if (
    position.key.length !== order.keys.length ||
    position.key.some((part, i) => (order.keys[i].kind === 'date') !== part instanceof Date)
  )
    throw badListCursor();
  return position;
}

/**
 * "After this position" in SQL, `k1 > ? OR (k1 = ? AND k2 > ?) OR … (… AND id > ?)` (`<` when DESC); never the
 * row-value form, which MariaDB answers with a scan of the whole index. Parameters are prefixed with `prefix`.
 */
export function keysetAfterSql(
  order: SqlListOrder,
  position: ListPosition,
  prefix = 'lk',
): { sql: string; params: Record<string, unknown> } {
  const op = order.direction === 'ASC' ? '>' : '<';
  const columns = [...order.keys.map((key) => key.sql), order.id];
  const values: ListKeyPart[] = [...position.key, position.id];
  const params: Record<string, unknown> = {};
  values.forEach((value, i) => (params[`${prefix}${i}`] = value));
  const branches = columns.map((column, i) => {
    const equal = columns.slice(0, i).map((before, j) => `${before} = :${prefix}${j}`);
    return [...equal, `${column} ${op} :${prefix}${i}`].join(' AND ');
  });
  return { sql: `(${branches.map((branch) => `(${branch})`).join(' OR ')})`, params };
}

/**
 * A connection from the rows of a page read with `LIMIT size + 1` (the extra row only says there is a next
 * page). `count` runs only if the query selects `totalCount`.
 */
export async function sqlListConnection<R, N>(
  rows: readonly R[],
  size: number,
  key: (row: R) => { key: ListKeyPart[]; id: string },
  nodeOf: (row: R) => N | Promise<N>,
  count: () => Promise<number>,
): Promise<ListConnection<N>> {
  const page = rows.slice(0, size);
  const edges = await Promise.all(
    page.map(async (row) => ({ cursor: encodeListCursor(key(row)), node: await nodeOf(row) })),
  );
  let counted: Promise<number> | null = null;
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    // A getter: graphql-js reads it (and awaits the promise) only when `totalCount` is selected.
    get totalCount() {
      counted ??= count();
      return counted as unknown as number;
    },
  };
}

/** One page of a single list: `SELECT … FROM … WHERE … AND <after> ORDER BY … LIMIT size + 1`. */
export interface SqlListQuery {
  /** The SELECT list. */
  select: string;
  /** FROM and its joins. */
  from: string;
  /** The list's condition (visibility as a join or EXISTS); `1 = 1` for none. */
  where: string;
  params: Record<string, unknown>;
  order: SqlListOrder;
}

/** The rows of one page (at most size + 1) and a count of the whole list. One statement, and one to count. */
export async function sqlListRows<T>(
  dataSource: DataSource,
  query: SqlListQuery,
  args: { first: number | null | undefined; after: string | null | undefined },
): Promise<{ rows: T[]; size: number; count: () => Promise<number> }> {
  const size = pageSize(args.first);
  const position = positionAfter(query.order, args.after);
  const keyset = position ? keysetAfterSql(query.order, position) : null;
  const rows = await queryNamed<T[]>(
    dataSource,
    `SELECT ${query.select} FROM ${query.from} WHERE (${query.where})${keyset ? ` AND ${keyset.sql}` : ''}` +
      ` ORDER BY ${orderBySql(query.order)} LIMIT ${size + 1}`,
    { ...query.params, ...keyset?.params },
  );
  const count = async () => {
    const [row] = await queryNamed<Array<{ total: number | string }>>(
      dataSource,
      `SELECT COUNT(*) AS total FROM ${query.from} WHERE (${query.where})`,
      query.params,
    );
    return Number(row?.total ?? 0);
  };
  return { rows, size, count };
}

/**
 * Pages of a list under each of many parents (a group's clients, a relationship's timeline), one statement for
 * every parent a request names with the same `first` and `after`: `ROW_NUMBER() OVER (PARTITION BY parent …)`
 * keeps `size + 1` rows per parent in SQL. The counts, when selected, are one `GROUP BY` statement per batch.
 */
export interface SqlChildListQuery extends SqlListQuery {
  /** The parent's column (`m.group_id`); `where` is ANDed with `parent IN (:...parents)`. */
  parent: string;
}

interface ChildPage<T> {
  rows: T[];
  size: number;
  count: () => Promise<number>;
}

const childLoaders = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/**
 * The page of `parentId`'s list, batched with every other parent of the request asking for the same list with
 * the same arguments. `name` tells lists apart in the request's cache.
 */
export function sqlChildListRows<T>(
  ctx: { dataSource: DataSource },
  name: string,
  query: SqlChildListQuery,
  parentId: string,
  args: { first: number | null | undefined; after: string | null | undefined },
): Promise<ChildPage<T>> {
  const size = pageSize(args.first);
  const position = positionAfter(query.order, args.after);
  let loaders = childLoaders.get(ctx);
  if (!loaders) {
    loaders = new Map<string, DataLoader<string, unknown>>();
    childLoaders.set(ctx, loaders);
  }
  const countKey = `${name}|count`;
  let counts = loaders.get(countKey) as DataLoader<string, number> | undefined;
  if (!counts) {
    counts = new DataLoader<string, number>(async (parents) => {
      const rows = await queryNamed<Array<{ parent: string; total: number | string }>>(
        ctx.dataSource,
        `SELECT ${query.parent} AS parent, COUNT(*) AS total FROM ${query.from}` +
          ` WHERE (${query.where}) AND ${query.parent} IN (:...parents) GROUP BY ${query.parent}`,
        { ...query.params, parents: [...parents] },
      );
      const totals = new Map(rows.map((row) => [row.parent, Number(row.total)]));
      return parents.map((parent) => totals.get(parent) ?? 0);
    });
    loaders.set(countKey, counts);
  }
  const pageKey = `${name}|${size}|${args.after ?? ''}`;
  let pages = loaders.get(pageKey) as DataLoader<string, T[]> | undefined;
  if (!pages) {
    pages = new DataLoader<string, T[]>(async (parents) => {
      const keyset = position ? keysetAfterSql(query.order, position) : null;
      const rows = await queryNamed<Array<T & { page_parent: string }>>(
        ctx.dataSource,
        `SELECT * FROM (SELECT ${query.select}, ${query.parent} AS page_parent,` +
          ` ROW_NUMBER() OVER (PARTITION BY ${query.parent} ORDER BY ${orderBySql(query.order)}) AS page_row` +
          ` FROM ${query.from} WHERE (${query.where}) AND ${query.parent} IN (:...parents)` +
          `${keyset ? ` AND ${keyset.sql}` : ''}) paged WHERE page_row <= ${size + 1} ORDER BY page_parent, page_row`,
        { ...query.params, ...keyset?.params, parents: [...parents] },
      );
      const byParent = new Map<string, T[]>();
      for (const row of rows) byParent.set(row.page_parent, [...(byParent.get(row.page_parent) ?? []), row]);
      return parents.map((parent) => byParent.get(parent) ?? []);
    });
    loaders.set(pageKey, pages);
  }
  const countLoader = counts;
  return pages.load(parentId).then((rows) => ({ rows, size, count: () => countLoader.load(parentId) }));
}
