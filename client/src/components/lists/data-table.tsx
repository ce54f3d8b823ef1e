import { type ReactNode } from 'react';

// A table of rows by columns: one header cell a column (scope="col"), one row a node, keyed by id. The keyset
// table and the officer queue draw theirs with it.

export interface TableColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

export function DataTable<T extends { id: string }>(props: {
  className: string;
  caption: string;
  /** `visually-hidden` where a status line above already says it. */
  captionClassName?: string;
  columns: ReadonlyArray<TableColumn<T>>;
  rows: readonly T[];
}) {
  return (
    <table className={props.className}>
      <caption className={props.captionClassName}>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id}>
            {props.columns.map((column) => (
              <td key={column.header}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
