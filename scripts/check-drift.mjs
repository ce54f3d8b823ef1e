// `npm run check:drift`: fails when a generated artifact no longer matches its source.
//  - schema/schema.graphql against the server code (server `emit-schema --check`);
//  - client/src/generated/* against the schema and the client's operations (codegen is re-run and the
//    output compared; the committed files are put back untouched);
//  - migrations against the entities (a fresh database migrated must have zero pending changes);
//  - README.md's configuration table against the environment schema (server/src/config/env.ts);
//  - docs/api.md's event table against the event catalogue (server/src/modules/webhooks/event-catalogue.ts).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });
const failures = [];

run('npx', ['tsc', '-p', 'tsconfig.build.json'], path.join(root, 'server'));

try {
  run('node', ['dist/app/emit-schema.js', '--check'], path.join(root, 'server'));
} catch {
  failures.push('schema/schema.graphql is stale: run `npm run schema`.');
}

const generatedDir = path.join(root, 'client/src/generated');
const snapshot = () =>
  Object.fromEntries(
    readdirSync(generatedDir).map((f) => [f, readFileSync(path.join(generatedDir, f), 'utf8')]),
  );
const before = snapshot();
run('npm', ['run', '--silent', 'codegen']);
const after = snapshot();
const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
  (f) => before[f] !== after[f],
);
for (const [file, content] of Object.entries(before)) writeFileSync(path.join(generatedDir, file), content);
if (changed.length)
  failures.push(`client/src/generated is stale (${changed.join(', ')}): run \`npm run codegen\`.`);

try {
  run('node', ['dist/database/tools/generate-migration.js', '--check'], path.join(root, 'server'));
} catch {
  failures.push('entities have changes without a migration: run `npm run migration:generate -- <Name>`.');
}

try {
  run('node', ['dist/tools/write-config-table.js', '--check'], path.join(root, 'server'));
} catch {
  failures.push("README.md's configuration table is stale: run `npm run docs:config`.");
}

try {
  run('node', ['dist/tools/write-event-catalogue.js', '--check'], path.join(root, 'server'));
} catch {
  failures.push("docs/api.md's event table is stale: run `npm run docs:events`.");
}

if (failures.length) {
  console.error(`\nDrift found:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.warn(
  "No drift: schema, generated client code, migrations, the README's configuration table and docs/api.md's event table match their sources.",
);
