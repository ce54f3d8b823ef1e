import { GcdsButton, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { PageLoadError, PageLoading } from '../layout/page-status';
import { DataTable, type TableColumn } from './data-table';

// A page of a keyset connection as a table, with its count and a pager (decision 0038): the lists of
// messages, the officer inbox and the correspondence share it. Keyset pages are walked, not numbered: the
// pager keeps the cursors of the pages before this one.

/** The cursors walked so far; `after` is the current page's. */
export function useKeysetCursors() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return {
    after: cursors.at(-1) ?? null,
    hasPrevious: cursors.length > 1,
    previous: () => setCursors((c) => c.slice(0, -1)),
    next: (endCursor: string | null | undefined) => setCursors((c) => [...c, endCursor ?? null]),
    /** Back to the first page (a filter changed). */
    reset: () => setCursors([null]),
  };
}

export type KeysetCursors = ReturnType<typeof useKeysetCursors>;

export type KeysetColumn<T> = TableColumn<T>;

export interface KeysetTableProps<T extends { id: string }> {
  /** The connection as the query answered it (undefined while loading). */
  connection:
    { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | null | undefined;
  rows: readonly T[];
  loading: boolean;
  failed: boolean;
  /** The status line: how many there are in all. */
  count: (totalCount: number) => string;
  caption: string;
  className: string;
  columns: ReadonlyArray<KeysetColumn<T>>;
  cursors: KeysetCursors;
  labels: { previous: string; next: string };
}

export function KeysetTable<T extends { id: string }>(props: KeysetTableProps<T>) {
  const { connection, rows, cursors, labels } = props;
  return (
    <>
      {props.loading && !connection ? <PageLoading /> : null}
      {props.failed ? <PageLoadError /> : null}
      {connection ? <GcdsText role="status">{props.count(connection.totalCount)}</GcdsText> : null}
      {rows.length ? (
        <DataTable
          className={props.className}
          caption={props.caption}
          captionClassName="visually-hidden"
          columns={props.columns}
          rows={rows}
        />
      ) : null}
      <div className="button-group">
        {cursors.hasPrevious ? (
          <GcdsButton type="button" buttonRole="secondary" onClick={cursors.previous}>
            {labels.previous}
          </GcdsButton>
        ) : null}
        {connection?.pageInfo.hasNextPage ? (
          <GcdsButton
            type="button"
            buttonRole="secondary"
            onClick={() => cursors.next(connection.pageInfo.endCursor)}
          >
            {labels.next}
          </GcdsButton>
        ) : null}
      </div>
    </>
  );
}
