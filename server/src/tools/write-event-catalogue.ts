// `npm run docs:events`: writes the event catalogue's table into docs/api.md (decision 0028), formatted as
// `prettier` formats the rest of the docs, so that the format check and the drift check agree. With --check
// it writes nothing and exits 1 when the committed table is stale (`npm run check:drift` runs it so).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { withEventTable } from '../modules/webhooks/event-catalogue-doc.js';

const apiDoc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/api.md');
const current = readFileSync(apiDoc, 'utf8');
const options = (await resolveConfig(apiDoc)) ?? {};
const next = await format(withEventTable(current), { ...options, filepath: apiDoc });
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('docs/api.md: the event table is stale; run `npm run docs:events`.');
    process.exit(1);
  }
} else {
  writeFileSync(apiDoc, next);
  console.warn(`wrote ${path.relative(process.cwd(), apiDoc)}`);
}
