import { Field, ObjectType } from 'type-graphql';
import { AppError, ErrorCode } from '../errors/app-error.js';

// Relay connections with opaque keyset cursors (architecture.md §3). A cursor is the base64url of the sort key
// of the last row seen, (instant, id); lists are newest first, so the next page is written
// `a < ? OR (a = ? AND b < ?)` (the row-value form `(a, b) < (?, ?)` scans the whole index on MariaDB).

export const PAGE_SIZE_MAX = 100;

@ObjectType({ description: 'Where a page of a connection ends.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether there are more items after this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;
}

export interface KeysetPosition {
  at: Date;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names; BAD_USER_INPUT when it is not one this API made. */
export function decodeCursor(cursor: string): KeysetPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f-]{36})$/.exec(text);
  const at = match ? new Date(match[1]) : null;
  if (!match || !at || Number.isNaN(at.getTime()))
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument: 'after' });
  return { at, id: match[2] };
}

/** `first` checked: 1..PAGE_SIZE_MAX, else BAD_USER_INPUT. */
export function pageSize(first: number | null | undefined, fallback = 25): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_SIZE_MAX)
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      'errors.pageSize',
      { max: PAGE_SIZE_MAX },
      { argument: 'first', reason: 'PAGE_SIZE_OUT_OF_RANGE', max: PAGE_SIZE_MAX },
    );
  return size;
}

/**
 * The SQL predicate and parameters for "after this position, newest first" on columns `atColumn`, `idColumn`
 * (already aliased, e.g. `r.requested_at`). Parameter names are prefixed so they cannot clash with the caller's.
 */
export function keysetBefore(
  atColumn: string,
  idColumn: string,
  position: KeysetPosition,
): { sql: string; params: Record<string, unknown> } {
  return {
    sql: `(${atColumn} < :keysetAt OR (${atColumn} = :keysetAt AND ${idColumn} < :keysetId))`,
    params: { keysetAt: position.at, keysetId: position.id },
  };
}

/**
 * Edges and page info from rows fetched with `take: size + 1` (the extra row only says there is a next page).
 */
export function toConnectionPage<R, N>(
  rows: R[],
  size: number,
  positionOf: (row: R) => KeysetPosition,
  nodeOf: (row: R) => N,
): { edges: Array<{ cursor: string; node: N }>; pageInfo: PageInfo } {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: encodeCursor(positionOf(row)), node: nodeOf(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
