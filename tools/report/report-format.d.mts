// Types of report-format.mjs for the TypeScript spec.
export function valueAt(value: unknown, path: string[]): unknown;
export function csvCell(value: unknown): string;
export class ReportWriter {
  constructor(format: 'csv' | 'json' | 'ndjson', columns: string[][], write: (chunk: string) => void);
  count: number;
  add(rows: unknown[]): void;
  end(): void;
}
