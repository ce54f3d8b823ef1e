import { describe, expect, it } from 'vitest';
import { buildAppSchema } from './build-schema.js';
import { undocumentedCoordinates } from './schema-descriptions.js';

// Every type, field, argument, enum value and input field of the published schema has a description
// (docs/api.md): integrators read the schema as the API's documentation. No exceptions are kept.
describe('schema descriptions', () => {
  it('describes every type, field, argument, enum value and input field', async () => {
    expect(undocumentedCoordinates(await buildAppSchema())).toEqual([]);
  });

  it('fails on a field, an argument, an enum value or an input field without a description', async () => {
    const { buildSchema } = await import('graphql');
    const schema = buildSchema(`
      """Root."""
      type Query {
        """Documented."""
        a: Int
        b: Int
        """Documented."""
        c("""Documented.""" x: Int, y: Int): Int
      }
      """Documented."""
      enum E { """Documented.""" ONE TWO }
      """Documented."""
      input I { """Documented.""" p: Int q: Int }
      type T { """Documented.""" a: Int }
    `);
    expect(undocumentedCoordinates(schema)).toEqual(['E.TWO', 'I.q', 'Query.b', 'Query.c(y:)', 'T']);
  });
});
