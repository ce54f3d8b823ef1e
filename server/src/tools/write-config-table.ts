// `npm run docs:config`: writes the README's configuration table from the environment schema (server/src/config/env.ts).
// With --check it writes nothing and exits 1 when the committed table is stale (`npm run check:drift` runs it so).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withConfigTable } from '../config/env-doc.js';

const readmePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md');
const committed = readFileSync(readmePath, 'utf8');
const generated = withConfigTable(committed);

if (process.argv.includes('--check')) {
  if (generated !== committed) {
    console.error('README.md: the configuration table is stale: run `npm run docs:config`.');
    process.exit(1);
  }
} else if (generated !== committed) {
  writeFileSync(readmePath, generated);
  console.warn(`wrote the configuration table of ${path.relative(process.cwd(), readmePath)}`);
}
