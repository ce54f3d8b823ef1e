// `npm run check:api`: fails when schema/schema.graphql has a breaking change (graphql-js's
// findBreakingChanges) that docs/api-changelog.md does not record. The schema is compared with its version at
// the merge base with main (a feature branch) or, without one, at HEAD: on main, or once the change is
// committed on main, HEAD's version is the current one and the check passes. Run from the repository root.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareSchemas } from '../tools/api-changes/api-changes.mjs';

const root = process.env.API_CHECK_ROOT
  ? path.resolve(process.env.API_CHECK_ROOT)
  : path.resolve(import.meta.dirname, '..');
const schemaPath = 'schema/schema.graphql';
const git = (...args) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

function baseRevision() {
  if (process.env.API_BASE_REF) return process.env.API_BASE_REF;
  for (const main of ['main', 'origin/main']) {
    try {
      const base = git('merge-base', 'HEAD', main);
      // On main itself the merge base is HEAD: compare with the commit before, as CI on main would.
      if (base !== git('rev-parse', 'HEAD')) return base;
    } catch {
      // No such branch here (a shallow clone, a fork): try the next one.
    }
  }
  return 'HEAD';
}

let oldSdl = null;
let base = 'HEAD';
try {
  base = baseRevision();
  oldSdl = git('show', `${base}:${schemaPath}`);
} catch {
  console.warn(`check:api: no committed ${schemaPath} to compare with (new repository?): nothing to check.`);
}
const newSdl = readFileSync(path.join(root, schemaPath), 'utf8').trim();
const changelogPath = path.join(root, 'docs/api-changelog.md');
const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '';
const { breaking, dangerous } = compareSchemas({ oldSdl: oldSdl?.trim() ?? null, newSdl, changelog });

for (const change of dangerous) console.warn(`check:api: dangerous (not breaking): ${change}`);
const unrecorded = breaking.filter((change) => !change.recorded);
if (unrecorded.length) {
  console.error(
    `check:api: breaking changes since ${base.slice(0, 12)} that docs/api-changelog.md does not record:\n${unrecorded
      .map((c) => `  - ${c.description} (record a "Breaking" line naming \`${c.coordinate}\`)`)
      .join('\n')}\nPrefer @deprecated and a later removal; see docs/api.md, "Changes".`,
  );
  process.exit(1);
}
console.warn(
  breaking.length
    ? `check:api: ${breaking.length} breaking change(s), all recorded in docs/api-changelog.md.`
    : `check:api: no breaking change since ${base.slice(0, 12)}.`,
);
