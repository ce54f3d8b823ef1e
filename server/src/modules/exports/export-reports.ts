import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The named reports of `npm run report` (tools/report/reports/*.graphql): one list for the CLI and the
// exports. Found by walking up from this file, so it works from src/ (tests, tsx) and dist/ alike.

let found: string | null | undefined;

function reportsDir(): string | null {
  if (found !== undefined) return found;
  let dir = import.meta.dirname;
  for (let i = 0; i < 8; i += 1) {
    const candidate = path.join(dir, 'tools', 'report', 'reports');
    if (existsSync(candidate)) return (found = candidate);
    dir = path.dirname(dir);
  }
  return (found = null);
}

/** The names of the reports, sorted. */
export function reportNames(): string[] {
  const dir = reportsDir();
  return dir
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.graphql'))
        .map((f) => f.slice(0, -'.graphql'.length))
        .sort()
    : [];
}

/** The query text of a named report, or null when there is no such report. */
export function reportQuery(name: string): string | null {
  if (!reportNames().includes(name)) return null;
  return readFileSync(path.join(reportsDir()!, `${name}.graphql`), 'utf8');
}
