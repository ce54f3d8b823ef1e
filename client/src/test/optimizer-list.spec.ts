// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The client suite's libraries come pre-bundled by vitest's optimizer, from an explicit list in
 * client/vite.config.ts (docs/decisions/0058): a library imported by the app or a spec and left off the list
 * is loaded from its own files beside the bundle, a second copy of it (two Apollo contexts, two i18next
 * instances) that fails in confusing ways. This spec names any such import.
 */
const clientDir = path.resolve(import.meta.dirname, '../..');

/** Not libraries the optimizer bundles: React's names are Preact's entries (aliases), CSS is not a module. */
const notBundled = (specifier: string): boolean =>
  specifier.startsWith('.') ||
  specifier.startsWith('node:') ||
  specifier.startsWith('@rules/') ||
  specifier.startsWith('virtual:') ||
  specifier.endsWith('.css') ||
  specifier === 'vitest' ||
  /^react(-dom)?(\/.*)?$/.test(specifier);

function importedSpecifiers(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    // import … from '…' and export … from '…', over several lines; `import type` is erased.
    /(?:^|\n)\s*(?:import|export)(?!\s+type\s)\s[^;]*?\sfrom\s+'([^']+)'/g,
    /(?:^|\n)\s*import\s+'([^']+)'/g,
    /\bimport\(\s*'([^']+)'\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1] ?? '');
  return [...found];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function optimizerList(): string[] {
  const config = readFileSync(path.join(clientDir, 'vite.config.ts'), 'utf8');
  const block = /optimizer:\s*\{\s*client:\s*\{[^}]*?include:\s*\[([^\]]*)\]/.exec(config)?.[1];
  if (!block) throw new Error('client/vite.config.ts: no deps.optimizer.client.include list');
  return [...block.replace(/\/\/.*$/gm, '').matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '');
}

describe("the client suite's pre-bundled libraries", () => {
  it('finds imports written over several lines, and leaves out type-only ones', () => {
    const source = [
      "import { a } from 'one';",
      "import {\n  d,\n  type E,\n} from 'two/entry';",
      "import type { F } from 'types-only';",
      "export { g } from 'three';",
      "import 'side-effect';",
      "const lazy = () => import('four');",
    ].join('\n');
    expect(importedSpecifiers(source).sort()).toEqual(['four', 'one', 'side-effect', 'three', 'two/entry']);
  });

  it('lists every library entry that the app and its specs import', () => {
    const listed = new Set(optimizerList());
    const missing = new Map<string, string>();
    // This file's samples above are not imports.
    const files = sourceFiles(path.join(clientDir, 'src')).filter((file) => file !== import.meta.filename);
    for (const file of files) {
      for (const specifier of importedSpecifiers(readFileSync(file, 'utf8'))) {
        if (!notBundled(specifier) && !listed.has(specifier))
          missing.set(specifier, path.relative(clientDir, file));
      }
    }
    expect(Object.fromEntries(missing)).toEqual({});
  });
});
