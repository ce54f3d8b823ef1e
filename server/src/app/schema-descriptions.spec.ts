import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAppSchema } from './build-schema.js';
import { undocumentedCoordinates } from './schema-descriptions.js';

// Every type, field, argument and enum value of the published schema has a description (docs/api.md). The
// baseline lists what was published before this rule; it may only shrink: a new member without a
// description fails, and so does a baseline entry that has since been described (take it out).
const baselineFile = path.join(import.meta.dirname, 'undocumented-baseline.json');
const baseline = new Set(JSON.parse(readFileSync(baselineFile, 'utf8')) as string[]);

describe('schema descriptions', () => {
  it('describes every new type, field, argument and enum value', async () => {
    const missing = undocumentedCoordinates(await buildAppSchema());
    expect(missing.filter((coordinate) => !baseline.has(coordinate))).toEqual([]);
  });

  it('keeps the baseline of older undocumented members shrinking only', async () => {
    const missing = new Set(undocumentedCoordinates(await buildAppSchema()));
    expect([...baseline].filter((coordinate) => !missing.has(coordinate))).toEqual([]);
  });

  it('fails on a field without a description', async () => {
    const { buildSchema } = await import('graphql');
    const schema = buildSchema('"""Root."""\ntype Query { """Documented."""\na: Int\nb: Int }');
    expect(undocumentedCoordinates(schema)).toEqual(['Query.b']);
  });
});
