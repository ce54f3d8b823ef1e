// Which of ESLint's cached results may no longer hold, from two runs' TypeScript build info (.tsbuildinfo
// of `tsc --incremental`): used by scripts/ci-cache.mjs (docs/decisions/0062-check-caches-between-runs.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The .tsbuildinfo files of a folder. */
export function buildInfoFiles(dir) {
  return readdirSync(dir).filter((name) => name.endsWith('.tsbuildinfo'));
}

/** A build info's files (absolute paths) with their content versions, and who references whom. */
export function readBuildInfo(file, base = path.dirname(file)) {
  const info = JSON.parse(readFileSync(file, 'utf8'));
  const names = info.fileNames.map((name) => path.resolve(base, name));
  const versions = new Map(
    names.map((name, i) => {
      const fileInfo = info.fileInfos[i];
      return [name, typeof fileInfo === 'string' ? { version: fileInfo } : fileInfo];
    }),
  );
  // Ids are 1-based: referencedMap pairs a file with a list of fileIdsList.
  const references = (info.referencedMap ?? []).map(([fileId, listId]) => [
    names[fileId - 1],
    info.fileIdsList[listId - 1].map((id) => names[id - 1]),
  ]);
  return { tsVersion: info.version, options: JSON.stringify(info.options ?? {}), versions, references };
}

/**
 * The files (absolute paths) whose lint results may differ from those of the run whose build info is in
 * `beforeDir`, given this run's in `nowDir`: the files whose content changed, and every file that imports one,
 * directly or not. Null for all: no build info to compare, another TypeScript or other options, or a changed
 * global declaration, which can change the types of any file.
 */
export function staleFiles(beforeDir, nowDir) {
  if (!existsSync(beforeDir)) return null;
  const stale = new Set();
  for (const name of buildInfoFiles(nowDir)) {
    if (!existsSync(path.join(beforeDir, name))) return null;
    // Paths resolve from the new build info's folder, where the old one lay too.
    const before = readBuildInfo(path.join(beforeDir, name), nowDir);
    const now = readBuildInfo(path.join(nowDir, name), nowDir);
    if (before.tsVersion !== now.tsVersion || before.options !== now.options) return null;
    const changed = [...new Set([...before.versions.keys(), ...now.versions.keys()])].filter(
      (file) => before.versions.get(file)?.version !== now.versions.get(file)?.version,
    );
    if (
      changed.some(
        (file) => before.versions.get(file)?.affectsGlobalScope || now.versions.get(file)?.affectsGlobalScope,
      )
    )
      return null;
    const importers = new Map();
    for (const [file, referenced] of now.references)
      for (const target of referenced) {
        if (!importers.has(target)) importers.set(target, []);
        importers.get(target).push(file);
      }
    const queue = [...changed];
    while (queue.length) {
      const file = queue.pop();
      if (stale.has(file)) continue;
      stale.add(file);
      queue.push(...(importers.get(file) ?? []));
    }
  }
  return stale;
}
