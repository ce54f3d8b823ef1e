// Types of report-cli.mjs for the TypeScript specs.
export function request(
  target: { url: string; token: string; lang: string },
  query: string,
  variables: Record<string, unknown>,
  note: (line: string) => void,
): Promise<{
  data?: unknown;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}>;
export function pauseBeforeNext(cost: unknown): number;
export function progressLine(done: number, total: number | undefined): string;
export function runExport(
  target: { url: string; token: string; lang: string },
  what: { report?: string; query?: string; variables: Record<string, unknown>; format: 'csv' | 'ndjson' },
  io: {
    note: (line: string) => void;
    progress: (line: string) => void;
    write: (chunk: Uint8Array) => void;
    pollMs?: number;
  },
): Promise<{ id: string; status: string; rows: number; pagesDone: number; totalRows: number | null }>;
