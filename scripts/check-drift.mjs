// `npm run check:drift`: fails when a generated artifact no longer matches its source.
//  - schema/schema.graphql against the server code (server `emit-schema --check`);
//  - client/src/generated/* against the schema and the client's operations (codegen is run into a
//    temporary folder and the output compared with the committed files, which are never rewritten);
//  - migrations against the entities (a fresh database migrated must have zero pending changes);
//  - README.md's configuration table against the environment schema (server/src/config/env.ts);
//  - docs/api.md's event table against the event catalogue (server/src/modules/webhooks/event-catalogue.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });
const failures = [];

// Emitted without checking the types: `npm run typecheck` checks them (the output is the same either way).
run('npx', ['tsc', '-p', 'tsconfig.build.json', '--noCheck'], path.join(root, 'server'));

try {
  run('node', ['dist/app/emit-schema.js', '--check'], path.join(root, 'server'));
} catch {
  failures.push('schema/schema.graphql is stale: run `npm run schema`.');
}

// Generated into a folder of its own and compared, so that the committed files are never rewritten while the
// type checks and lint, which run beside this check, read them.
const generatedDir = path.join(root, 'client/src/generated');
const freshDir = mkdtempSync(path.join(tmpdir(), 'passerelle-codegen-'));
const contents = (dir) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
try {
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CODEGEN_OUT_DIR: freshDir },
  });
  // No formatting step: `npm run codegen`'s prettier leaves client/src/generated as written (.prettierignore).
  const committed = contents(generatedDir);
  const fresh = contents(freshDir);
  const changed = [...new Set([...Object.keys(committed), ...Object.keys(fresh)])].filter(
    (f) => committed[f] !== fresh[f],
  );
  if (changed.length)
    failures.push(`client/src/generated is stale (${changed.join(', ')}): run \`npm run codegen\`.`);
} finally {
  rmSync(freshDir, { recursive: true, force: true });
}

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
