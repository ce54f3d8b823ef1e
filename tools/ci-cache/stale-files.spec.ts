// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staleFiles } from './stale-files.mjs';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface File {
  version: string;
  imports?: string[];
  affectsGlobalScope?: boolean;
}

/** A .tsbuildinfo as `tsc --incremental --noEmit` writes it (TypeScript 5.9): 1-based ids into fileNames. */
function buildInfo(files: Record<string, File>, options: Record<string, unknown> = { strict: true }) {
  const names = Object.keys(files);
  const id = (name: string) => names.indexOf(name) + 1;
  const fileIdsList: number[][] = [];
  const referencedMap: Array<[number, number]> = [];
  for (const [name, file] of Object.entries(files)) {
    if (!file.imports?.length) continue;
    fileIdsList.push(file.imports.map(id));
    referencedMap.push([id(name), fileIdsList.length]);
  }
  return {
    fileNames: names.map((name) => `../../${name}`),
    fileIdsList,
    fileInfos: names.map((name) => {
      const { version, affectsGlobalScope } = files[name];
      return affectsGlobalScope ? { version, affectsGlobalScope } : { version };
    }),
    options,
    referencedMap,
    version: '5.9.3',
  };
}

/** Two runs' build info in a repository's `.cache/tsc-before` and `.cache/tsc`; the stale files, relative. */
function stale(before: ReturnType<typeof buildInfo>, now: ReturnType<typeof buildInfo>) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'passerelle-ci-cache-'));
  dirs.push(root);
  for (const [dir, info] of [
    ['tsc-before', before],
    ['tsc', now],
  ] as const) {
    mkdirSync(path.join(root, '.cache', dir), { recursive: true });
    writeFileSync(path.join(root, '.cache', dir, 'server.tsbuildinfo'), JSON.stringify(info));
  }
  const files = staleFiles(path.join(root, '.cache/tsc-before'), path.join(root, '.cache/tsc'));
  return files && [...files].map((file) => path.relative(root, file)).sort();
}

// a imports b, b imports c; d imports nothing; lib.d.ts is global.
const files: Record<string, File> = {
  'lib.d.ts': { version: 'l1', affectsGlobalScope: true },
  'src/a.ts': { version: 'a1', imports: ['src/b.ts'] },
  'src/b.ts': { version: 'b1', imports: ['src/c.ts'] },
  'src/c.ts': { version: 'c1' },
  'src/d.ts': { version: 'd1' },
};

describe("which of ESLint's cached results may no longer hold", () => {
  it('none when no file changed', () => {
    expect(stale(buildInfo(files), buildInfo(files))).toEqual([]);
  });

  it('a changed file and every file that imports it, directly or not; not the others', () => {
    const now = { ...files, 'src/c.ts': { version: 'c2' } };
    expect(stale(buildInfo(files), buildInfo(now))).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
  });

  it("follows this run's imports: a file that now imports a new file", () => {
    const now = {
      ...files,
      'src/e.ts': { version: 'e1' },
      'src/d.ts': { version: 'd2', imports: ['src/e.ts'] },
    };
    expect(stale(buildInfo(files), buildInfo(now))).toEqual(['src/d.ts', 'src/e.ts']);
  });

  it('a removed file, and the files that imported it', () => {
    const { 'src/c.ts': _removed, ...rest } = files;
    const now = { ...rest, 'src/b.ts': { version: 'b2' } };
    expect(stale(buildInfo(files), buildInfo(now))).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
  });

  it('all (null) when a global declaration changed, the options changed, or there is nothing to compare', () => {
    expect(
      stale(
        buildInfo(files),
        buildInfo({ ...files, 'lib.d.ts': { version: 'l2', affectsGlobalScope: true } }),
      ),
    ).toBeNull();
    expect(stale(buildInfo(files), buildInfo(files, { strict: false }))).toBeNull();
    expect(staleFiles('/nonexistent/tsc-before', '/nonexistent/tsc')).toBeNull();
  });
});
