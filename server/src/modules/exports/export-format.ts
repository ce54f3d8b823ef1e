import { type FieldNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

// The paged connection of a report query and its rows as CSV or NDJSON: the same rules as the report CLI
// (tools/report/report-cli.mjs and report-format.mjs, which the server build cannot import: its root is src/),
// so that an export and `npm run report` write the same file for the same query.

/** The response path of the connection the query pages with: the field whose arguments use `$after`. */
export function pagedConnection(
  operation: OperationDefinitionNode,
): { path: string[]; field: FieldNode } | null {
  const search = (set: SelectionSetNode, at: string[]): { path: string[]; field: FieldNode } | null => {
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const usesAfter = selection.arguments?.some(
        (arg) => arg.value.kind === Kind.VARIABLE && arg.value.name.value === 'after',
      );
      if (usesAfter) return { path: [...at, key], field: selection };
      if (selection.selectionSet) {
        const found = search(selection.selectionSet, [...at, key]);
        if (found) return found;
      }
    }
    return null;
  };
  return search(operation.selectionSet, []);
}

/** The CSV columns: the leaf paths of the connection's `edges { node { … } }` (or `nodes { … }`). */
export function nodeColumns(connection: FieldNode): { columns: string[][]; viaEdges: boolean } {
  const child = (field: FieldNode | undefined, name: string) =>
    field?.selectionSet?.selections.find(
      (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name,
    );
  const node = child(child(connection, 'edges'), 'node') ?? child(connection, 'nodes');
  const columns: string[][] = [];
  const walk = (set: SelectionSetNode, at: string[]) => {
    for (const s of set.selections) {
      if (s.kind !== Kind.FIELD || s.name.value === '__typename') continue;
      const key = s.alias?.value ?? s.name.value;
      if (s.selectionSet) walk(s.selectionSet, [...at, key]);
      else columns.push([...at, key]);
    }
  };
  if (node?.selectionSet) walk(node.selectionSet, []);
  return { columns, viaEdges: !!child(connection, 'edges') };
}

/** The value at a path; through a list, every item's value joined by "; ". */
export function valueAt(value: unknown, path: string[]): unknown {
  if (Array.isArray(value))
    return value
      .map((item) => valueAt(item, path))
      .filter((cell) => cell !== null && cell !== undefined && cell !== '')
      .join('; ');
  if (!path.length) return value;
  if (value === null || typeof value !== 'object') return null;
  return valueAt((value as Record<string, unknown>)[path[0]], path.slice(1));
}

/** A CSV cell (RFC 4180); text a spreadsheet would run as a formula is made inert with a leading quote. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(columns: string[][]): string {
  return `${columns.map((c) => csvCell(c.join('.'))).join(',')}\r\n`;
}

/** The lines of a page's rows. */
export function formatRows(format: 'CSV' | 'NDJSON', columns: string[][], rows: unknown[]): string {
  return rows
    .map((row) =>
      format === 'NDJSON'
        ? `${JSON.stringify(row)}\n`
        : `${columns.map((path) => csvCell(valueAt(row, path))).join(',')}\r\n`,
    )
    .join('');
}
