import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.js';
import { repoRoot } from './support/server-process.js';

/**
 * The gzip JavaScript a first visit loads may not grow past this. The goal is 200 kB, which
 * `npm run check:first-load` holds the pages to; they are at 243 kB (/en/) and 264 kB (/en/welcome)
 * today, most of it React, React Router, Apollo Client and i18next (docs/decisions/0024-first-load.md):
 * this ceiling keeps them from growing further while the rest is won. It was 260 kB until the signed-in
 * header gained the MENU, messages, claims and the live bell (+11 kB on /en/welcome): a regression that
 * issue 12's first-load work must take back, recorded rather than hidden.
 */
const ceiling = 270_000;

interface Measured {
  name: string;
  js: { files: number; raw: number; gzip: number; brotli: number; wire: number };
  css: { files: number; gzip: number; wire: number };
}

describe.runIf(hasChromium)('first visit in Chromium (scripts/first-load.mjs)', () => {
  it('loads at most the ceiling of gzip JavaScript per first page, compressed over the wire', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/first-load.mjs', '--json', '--budget', String(ceiling)],
      { cwd: repoRoot, timeout: 150_000 },
    );
    const { results } = JSON.parse(stdout) as { results: Measured[] };
    expect(results.map((r) => r.name)).toEqual(['landing /en/', 'signed-in home /en/welcome']);
    for (const { name, js, css } of results) {
      expect({ name, gzip: js.gzip <= ceiling }).toEqual({ name, gzip: true });
      // The page is split in chunks, and the browser got them compressed (brotli: a third of the bytes).
      expect(js.files).toBeGreaterThan(5);
      expect(js.wire).toBe(js.brotli);
      expect(js.wire).toBeLessThan(js.raw / 3);
      expect(css.wire).toBeLessThan(css.gzip + 1);
    }
  });
});
