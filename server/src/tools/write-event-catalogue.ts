// `npm run docs:events`: writes the event catalogue's table into docs/api.md (decision 0028).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withEventTable } from '../modules/webhooks/event-catalogue-doc.js';

const apiDoc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/api.md');
writeFileSync(apiDoc, withEventTable(readFileSync(apiDoc, 'utf8')));
console.warn(`wrote ${path.relative(process.cwd(), apiDoc)}`);
