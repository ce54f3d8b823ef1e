// @vitest-environment node
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deprecatedSelections, deprecatedSelectionsInRepo } from './deprecated-selections.mjs';

const schema = `
  type Query { me: Viewer }
  type Viewer {
    memberships: [String!]! @deprecated(reason: "Use membershipsConnection.")
    membershipsConnection(first: Int): [String!]!
    name(style: String @deprecated(reason: "Gone.")): String
  }
`;

describe('deprecated selections (npm run check:deprecated)', () => {
  it('reports a deprecated field or argument where an operation or fragment selects it', () => {
    expect(
      deprecatedSelections(schema, [
        { name: 'a.graphql', body: 'query A {\n  me {\n    memberships\n  }\n}' },
        { name: 'b.graphql', body: 'fragment B on Viewer {\n  name(style: "x")\n}' },
      ]),
    ).toEqual([
      'a.graphql:3:5 The field Viewer.memberships is deprecated. Use membershipsConnection.',
      'b.graphql:2:8 Field "Viewer.name" argument "style" is deprecated. Gone.',
    ]);
  });

  it('passes operations that use the replacements', () => {
    expect(
      deprecatedSelections(schema, [
        { name: 'a.graphql', body: 'query A { me { membershipsConnection(first: 100) name } }' },
      ]),
    ).toEqual([]);
  });

  it("finds none in the client's operations", () => {
    expect(deprecatedSelectionsInRepo(path.resolve(import.meta.dirname, '../..'))).toEqual([]);
  });
});
