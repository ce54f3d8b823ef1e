// `npm run docs:events`: writes the event catalogue's table into docs/api.md (decision 0028), formatted as
// `prettier` formats the rest of the docs, so that the format check and the drift spec agree.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { withEventTable } from '../modules/webhooks/event-catalogue-doc.js';

const apiDoc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/api.md');
const options = (await resolveConfig(apiDoc)) ?? {};
writeFileSync(
  apiDoc,
  await format(withEventTable(readFileSync(apiDoc, 'utf8')), { ...options, filepath: apiDoc }),
);
console.warn(`wrote ${path.relative(process.cwd(), apiDoc)}`);
