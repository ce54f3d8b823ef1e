// `.ci/run`'s caches of the type check, lint and format check, and vitest's last results, kept outside the
// clone between runs on one machine, as a CI service keeps them between builds (docs/decisions/0062).
//   node scripts/ci-cache.mjs restore <dir>   before the checks
//   node scripts/ci-cache.mjs prune           after `npm run typecheck`, before `npm run lint`
//   node scripts/ci-cache.mjs save <dir>      after lint
// Each tool decides for itself what of its cache still holds: tsc's incremental build info and Prettier's cache
// compare every file's content (and the tool's version and options). ESLint's compares a file's content and its
// config only, but its type-aware rules also read the types of what the file imports. So `prune` drops the entry
// of every file whose content changed since the saved run and of every file that imports one, directly or not,
// through the type checker's own graph of this run; and a change to the lint setup itself (lockfile, lint config
// and rules, tsconfigs, Node) drops ESLint's cache whole.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildInfoFiles, readBuildInfo, staleFiles } from '../tools/ci-cache/stale-files.mjs';

const root = path.resolve(import.meta.dirname, '..');
const local = path.join(root, '.cache');
const lintCache = path.join(local, 'eslint', 'lint-cache.json');
// The build info as restored, before this run's type check rewrites it: what `prune` compares with.
const tscBefore = path.join(local, 'tsc-before');
const typeAware = /\.(ts|tsx|mts|cts)$/;
// vitest's results of the last run of each suite (each file's duration, and whether it failed), which it reads
// to start the longest files first and failed ones before them, so that no long file starts last and runs
// alone: without them, in a fresh clone, it orders files by size. Order only: what a file checks is the same.
const vitestResults = ['server', 'client', 'e2e'].map((dir) => [
  dir,
  path.join(root, dir, 'node_modules', '.vite', 'vitest'),
]);

// ESLint's own file-entry-cache, which reads and writes its cache format.
const fileEntryCache = createRequire(createRequire(import.meta.url).resolve('eslint'))('file-entry-cache');

/** What ESLint's results depend on beyond a file, its config and its imports' types. */
function lintSetupKey() {
  const hash = createHash('sha256').update(process.version);
  const files = [
    'package-lock.json',
    'eslint.config.js',
    ...readdirSync(path.join(root, 'tools/lint'), { recursive: true }).map((f) => `tools/lint/${f}`),
    ...['.', 'server', 'client', 'e2e'].flatMap((dir) =>
      readdirSync(path.join(root, dir))
        .filter((f) => /^tsconfig.*\.json$/.test(f))
        .map((f) => `${dir}/${f}`),
    ),
  ].sort();
  for (const file of files) {
    const full = path.join(root, file);
    if (existsSync(full) && statSync(full).isFile()) hash.update(`${file}\0`).update(readFileSync(full));
  }
  return hash.digest('hex');
}

function openLintCache() {
  return fileEntryCache.createFromFile(lintCache, { useCheckSum: true, useModifiedTime: false });
}

function restore(dir) {
  if (!existsSync(dir)) {
    console.warn('Check caches: none saved yet.');
    return;
  }
  // One snapshot first, then a check that its parts come from one save: a run beside this one may be saving.
  const snapshot = path.join(local, 'saved');
  rmSync(snapshot, { recursive: true, force: true });
  cpSync(dir, snapshot, { recursive: true });
  for (const tool of ['tsc', 'prettier']) {
    if (existsSync(path.join(snapshot, tool)))
      cpSync(path.join(snapshot, tool), path.join(local, tool), { recursive: true });
  }
  for (const [suite, results] of vitestResults) {
    if (existsSync(path.join(snapshot, 'vitest', suite)))
      cpSync(path.join(snapshot, 'vitest', suite), results, { recursive: true });
  }
  rmSync(tscBefore, { recursive: true, force: true });
  if (existsSync(path.join(snapshot, 'tsc')))
    cpSync(path.join(snapshot, 'tsc'), tscBefore, { recursive: true });
  const read = (file) =>
    existsSync(path.join(snapshot, file)) ? readFileSync(path.join(snapshot, file), 'utf8') : '';
  const saved = path.join(snapshot, 'eslint', 'lint-cache.json');
  const sameSave = read('eslint/generation') !== '' && read('eslint/generation') === read('tsc/generation');
  if (!existsSync(saved) || !sameSave || read('eslint/key') !== lintSetupKey()) {
    console.warn('ESLint cache: none restored (none saved, or the lint setup changed since).');
    return;
  }
  mkdirSync(path.dirname(lintCache), { recursive: true });
  cpSync(saved, lintCache);
  // Saved with paths relative to the clone; ESLint looks its files up by absolute path.
  const cache = openLintCache();
  cache.renameCacheKeys('', `${root}${path.sep}`);
  cache.reconcile();
  console.warn(`ESLint cache: ${cache.cache.keys().length} entries restored.`);
}

function prune() {
  if (!existsSync(lintCache)) return;
  const cache = openLintCache();
  const entries = cache.cache.keys();
  const stale = staleFiles(tscBefore, path.join(local, 'tsc'));
  const checked = new Set(
    buildInfoFiles(path.join(local, 'tsc')).flatMap((name) => [
      ...readBuildInfo(path.join(local, 'tsc', name)).versions.keys(),
    ]),
  );
  // A type-aware file outside every type-checked project has no graph here: never trusted.
  const dropped = entries.filter(
    (entry) => stale === null || stale.has(entry) || (typeAware.test(entry) && !checked.has(entry)),
  );
  for (const entry of dropped) cache.removeEntry(entry);
  cache.reconcile();
  console.warn(
    stale === null
      ? `ESLint cache: all ${entries.length} entries dropped (no comparable type-check build info).`
      : `ESLint cache: ${entries.length - dropped.length} of ${entries.length} entries kept; ${dropped.length} dropped (changed, or importing a changed file).`,
  );
}

function save(dir) {
  // Made beside and renamed into place: a run beside this one may be saving too, or restoring.
  const next = `${dir}.next.${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  for (const tool of ['tsc', 'prettier']) {
    if (existsSync(path.join(local, tool)))
      cpSync(path.join(local, tool), path.join(next, tool), { recursive: true });
  }
  for (const [suite, results] of vitestResults) {
    // The results files only (one per config hash), not the dependency optimizer's output beside them.
    if (!existsSync(results)) continue;
    for (const file of readdirSync(results, { recursive: true })) {
      if (path.basename(file) === 'results.json')
        cpSync(path.join(results, file), path.join(next, 'vitest', suite, file));
    }
  }
  if (existsSync(lintCache)) {
    const saved = path.join(next, 'eslint', 'lint-cache.json');
    mkdirSync(path.dirname(saved), { recursive: true });
    cpSync(lintCache, saved);
    const cache = fileEntryCache.createFromFile(saved, { useCheckSum: true, useModifiedTime: false });
    cache.renameCacheKeys(`${root}${path.sep}`, '');
    cache.cache.save(true);
    writeFileSync(path.join(next, 'eslint', 'key'), lintSetupKey());
    // Lint's results hold for the files as the type check saw them: restored only together.
    const generation = `${Date.now()}-${process.pid}`;
    writeFileSync(path.join(next, 'eslint', 'generation'), generation);
    if (existsSync(path.join(next, 'tsc'))) writeFileSync(path.join(next, 'tsc', 'generation'), generation);
  }
  try {
    rmSync(dir, { recursive: true, force: true });
    renameSync(next, dir);
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    console.warn(`Check caches not saved (${error.message}): the next run rechecks more.`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'restore' && dir) restore(dir);
  else if (command === 'prune') prune();
  else if (command === 'save' && dir) save(dir);
  else {
    console.error('usage: node scripts/ci-cache.mjs restore <dir> | prune | save <dir>');
    process.exit(2);
  }
}
