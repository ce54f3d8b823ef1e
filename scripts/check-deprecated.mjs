// `npm run check:deprecated` (part of `npm run check`): fails when a client operation selects a deprecated
// field, argument or enum value of schema/schema.graphql (tools/deprecations/deprecated-selections.mjs).
import path from 'node:path';
import { deprecatedSelectionsInRepo } from '../tools/deprecations/deprecated-selections.mjs';

const found = deprecatedSelectionsInRepo(path.resolve(import.meta.dirname, '..'));
if (found.length) {
  console.error(`The app selects ${found.length} deprecated part(s) of the API; use their replacements:`);
  for (const line of found) console.error(`  ${line}`);
  process.exit(1);
}
console.warn('No deprecated field, argument or enum value selected by the client operations.');
