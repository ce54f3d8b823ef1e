import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEventTable } from './event-catalogue-doc.js';

/** A markdown text without the table padding prettier adds. */
const unpadded = (text: string) => text.replace(/[ \t]*\|[ \t]*/g, '|').replace(/-{3,}/g, '---');

describe('docs/api.md event table', () => {
  it('is the catalogue’s (run `npm run docs:events` after changing event-catalogue.ts)', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../../../docs/api.md'), 'utf8');
    expect(unpadded(withEventTable(doc))).toBe(unpadded(doc));
  });
});
