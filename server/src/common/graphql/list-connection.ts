import { Field, Int, ObjectType } from 'type-graphql';
import { type ClassType } from '../class-type.js';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { PageInfo, pageSize } from './connection.js';

// Connections over the lists a per-request loader already reads whole (members of a business, a group's
// clients, a relationship's timeline...): docs/decisions/0017-connections-for-every-list.md. The loader keeps
// the query count flat however many parents a request names; the page is cut here, by keyset over the list's
// own sort key, so a cursor stays right when rows before it are added or removed.

/** One part of a sort key: an instant, or a text compared the way people read it (accents, case). */
export type ListKeyPart = Date | string;

/** How a list is ordered: its sort key (most significant first) then the row's id, both in `direction`. */
export interface ListOrder<R> {
  key: (row: R) => ListKeyPart[];
  id: (row: R) => string;
  direction: 'ASC' | 'DESC';
}

/** What a connection field returns: edges, page info and the size of the whole list. */
export interface ListConnection<N> {
  edges: Array<{ cursor: string; node: N }>;
  pageInfo: PageInfo;
  totalCount: number;
}

const collator = new Intl.Collator('en', { sensitivity: 'variant' });

function comparePart(a: ListKeyPart, b: ListKeyPart): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  return collator.compare(String(a), String(b));
}

/** Where a row sits in its list: its sort key and id (what a cursor holds). */
export interface ListPosition {
  key: ListKeyPart[];
  id: string;
}

type Position = ListPosition;

function comparePositions(a: Position, b: Position): number {
  for (let i = 0; i < a.key.length; i += 1) {
    const order = comparePart(a.key[i], b.key[i]);
    if (order !== 0) return order;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function encodeListCursor(position: Position): string {
  const parts = position.key.map((part) => (part instanceof Date ? ['d', part.toISOString()] : ['s', part]));
  return Buffer.from(JSON.stringify([parts, position.id]), 'utf8').toString('base64url');
}

export function badListCursor(): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument: 'after' });
}

/** The position a cursor names; BAD_USER_INPUT when it is not one this list made. */
export function decodeListCursor(cursor: string): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badListCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'string') throw badListCursor();
  const [parts, id] = parsed as [unknown, string];
  if (!Array.isArray(parts) || parts.length === 0) throw badListCursor();
  const key = parts.map((part: unknown) => {
    if (!Array.isArray(part) || part.length !== 2 || typeof part[1] !== 'string') throw badListCursor();
    if (part[0] === 's') return part[1];
    const at = new Date(part[1]);
    if (part[0] !== 'd' || Number.isNaN(at.getTime())) throw badListCursor();
    return at;
  });
  return { key, id };
}

/**
 * The page of `rows` after `after` (a cursor of this list), at most `first` rows (1..100, else
 * BAD_USER_INPUT with `reason: PAGE_SIZE_OUT_OF_RANGE`). `rows` may come in any order: they are sorted here by
 * `order`, so the page and its cursors always agree. Nodes are made for the page only.
 */
export async function listConnection<R, N>(
  rows: readonly R[],
  args: { first: number | null | undefined; after: string | null | undefined },
  order: ListOrder<R>,
  nodeOf: (row: R) => N | Promise<N>,
): Promise<ListConnection<N>> {
  const size = pageSize(args.first);
  const sign = order.direction === 'ASC' ? 1 : -1;
  const positioned = rows.map((row) => ({ row, position: { key: order.key(row), id: order.id(row) } }));
  positioned.sort((a, b) => sign * comparePositions(a.position, b.position));
  let start = 0;
  if (args.after) {
    const after = decodeListCursor(args.after);
    // A cursor of another list (another sort key) is refused, not read as a position here.
    if (positioned.length && positioned[0].position.key.length !== after.key.length) throw badListCursor();
    const index = positioned.findIndex((item) => sign * comparePositions(item.position, after) > 0);
    start = index === -1 ? positioned.length : index;
  }
  const page = positioned.slice(start, start + size);
  const edges = await Promise.all(
    page.map(async (item) => ({ cursor: encodeListCursor(item.position), node: await nodeOf(item.row) })),
  );
  return {
    edges,
    pageInfo: { hasNextPage: start + size < positioned.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: positioned.length,
  };
}

/** Text of a connection type: what one item is called, in the plural, and the order of the list. */
export interface ListConnectionText {
  items: string;
  item: string;
  order: string;
}

/**
 * The `<name>Connection` and `<name>Edge` types over `node`, described for integrators: the one factory of
 * connection types, for lists paged in SQL (keyset) as for lists paged here. `totalCount` is the whole list's
 * size; a list paged in SQL answers it with a getter that counts only when the query selects it.
 */
export function listConnectionType<N extends object>(
  name: string,
  node: ClassType,
  text: ListConnectionText,
): ClassType & (new () => ListConnection<N>) {
  @ObjectType(`${name}Edge`, { description: `One of the ${text.items}, with its cursor.` })
  class Edge {
    @Field(() => String, { description: `Pass as \`after\` to read the ${text.items} that follow it.` })
    cursor: string;

    @Field(() => node, { description: `The ${text.item.replace(/^(a|an|one) /, '')}.` })
    node: N;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${text.items}, ${text.order}.` })
  class Connection implements ListConnection<N> {
    @Field(() => [Edge], { description: `This page’s ${text.items}.` })
    edges: Array<{ cursor: string; node: N }>;

    @Field(() => PageInfo, { description: 'Where this page ends.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: `How many ${text.items} there are in all, not only on this page.` })
    totalCount: number;
  }
  return Connection;
}

/** The `first` and `after` arguments every list connection takes, with their descriptions. */
export const FIRST_ARG = {
  nullable: true,
  defaultValue: 25,
  description: 'How many to read: 1 to 100.',
} as const;
export const AFTER_ARG = {
  nullable: true,
  description: 'The `endCursor` of the previous page; omit for the first page.',
} as const;
/** The `after` argument of the lists that published this wording first (finance, relationships, rulings, notices). */
export const CURSOR_ARG = {
  nullable: true,
  description: 'A cursor from a previous page (its `endCursor`); omit for the first page.',
} as const;

/** A connection whose `totalCount` a field resolver answers by calling `count` (only when it is selected). */
export interface CountedConnection<N> {
  edges: Array<{ cursor: string; node: N }>;
  pageInfo: PageInfo;
  /** Counts every row of the list (not only this page); run only when totalCount is asked for. */
  count: () => Promise<number>;
}

/** The descriptions of a counted connection's types and fields, as the schema has published them. */
export interface CountedConnectionText {
  edge: string;
  cursor: string;
  node: string;
  connection: string;
  edges: string;
}

/**
 * The `<name>Edge` and `<name>Connection` types of the lists that count in a field resolver of their own
 * (finance's transactions, statements and invoices, API tokens, relationship requests): one factory, so the
 * five pairs of classes are not written out again; `totalCount` stays with each list's resolver.
 */
export function countedConnectionType<N extends object>(
  name: string,
  node: ClassType,
  text: CountedConnectionText,
): ClassType & (new () => CountedConnection<N>) {
  @ObjectType(`${name}Edge`, { description: text.edge })
  class Edge {
    @Field(() => String, { description: text.cursor })
    cursor: string;

    @Field(() => node, { description: text.node })
    node: N;
  }

  @ObjectType(`${name}Connection`, { description: text.connection })
  class Connection implements CountedConnection<N> {
    @Field(() => [Edge], { description: text.edges })
    edges: Array<{ cursor: string; node: N }>;

    @Field(() => PageInfo, { description: 'Where this page ends.' })
    pageInfo: PageInfo;

    count: () => Promise<number>;
  }
  return Connection;
}
