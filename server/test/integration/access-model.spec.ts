import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/app/build-schema.js';
import { renderAccessModel } from '../../src/common/auth/access-model-doc.js';

describe('docs/access-model.md', () => {
  it('is what the access table and the schema say (run `npm run docs:access` when this fails)', async () => {
    const committed = readFileSync(
      path.resolve(import.meta.dirname, '../../../docs/access-model.md'),
      'utf8',
    );
    expect(committed).toBe(renderAccessModel(await buildAppSchema()));
  });
});
