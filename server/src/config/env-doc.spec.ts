import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  configTableEnd,
  configTableStart,
  envVariableDocs,
  renderConfigTable,
  withConfigTable,
} from './env-doc.js';
import { envSchema } from './env.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe("README.md's configuration table", () => {
  it('is what env.ts says (run `npm run docs:config` when this fails)', () => {
    expect(readme).toBe(withConfigTable(readme));
  });

  it('lists every variable the server parses, once', () => {
    const table = readme.slice(readme.indexOf(configTableStart), readme.indexOf(configTableEnd));
    const listed = [...table.matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(envSchema.shape));
    expect(listed).toEqual(
      expect.arrayContaining(['PUBLIC_URL', 'OIDC_ISSUER', 'DEV_IDENTITY_PROVIDER_PORT']),
    );
    expect(listed).not.toContain('MYSQL_URL');
  });

  it('is found stale when a variable is added or its text changes', () => {
    const grown = envVariableDocs(
      envSchema.extend({ NEW_SETTING: z.string().optional().meta({ description: 'A new setting.' }) }),
    );
    expect(withConfigTable(readme, renderConfigTable(grown))).not.toBe(readme);
    expect(grown.at(-1)).toEqual({
      name: 'NEW_SETTING',
      shownDefault: 'unset',
      description: 'A new setting.',
    });
    const reworded = envVariableDocs().map((v) => (v.name === 'PORT' ? { ...v, description: 'Port.' } : v));
    expect(withConfigTable(readme, renderConfigTable(reworded))).not.toBe(readme);
  });

  it('refuses a variable without a README text, naming it', () => {
    expect(() => envVariableDocs(envSchema.extend({ SILENT: z.string().optional() }))).toThrow(/SILENT/);
  });

  it("shows the schema's default, or the text given for a computed one", () => {
    const byName = new Map(envVariableDocs().map((v) => [v.name, v]));
    expect(byName.get('PORT')?.shownDefault).toBe('`4000`');
    expect(byName.get('MAIL_WORKER')?.shownDefault).toBe('`true`');
    expect(byName.get('AUTH_SECRET')?.shownDefault).toBe('unset');
    expect(byName.get('DATA_DIR')?.shownDefault).toBe('`./data` (repository root)');
  });
});

describe('docs/README.md', () => {
  it('links every page of docs/ and every decision', () => {
    const index = readFileSync(path.join(repoRoot, 'docs/README.md'), 'utf8');
    const pages = [
      ...readdirSync(path.join(repoRoot, 'docs')).filter((f) => f.endsWith('.md') && f !== 'README.md'),
      ...readdirSync(path.join(repoRoot, 'docs/decisions')).map((f) => `decisions/${f}`),
    ];
    expect(pages.filter((page) => !index.includes(`](${page})`))).toEqual([]);
  });
});
