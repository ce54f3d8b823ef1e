// `npm run schema`: writes schema/schema.graphql from the code. With --check, compares instead of writing
// and exits 1 when the committed file is stale.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppSchema, printPublishedSchema } from './build-schema.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/schema.graphql');
const printed = printPublishedSchema(await buildAppSchema());

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== printed) {
    console.error('schema/schema.graphql is stale: run `npm run schema` and commit the result.');
    process.exit(1);
  }
  console.warn('schema/schema.graphql is up to date.');
} else {
  writeFileSync(target, printed);
  console.warn(`wrote ${path.relative(process.cwd(), target)}`);
}
