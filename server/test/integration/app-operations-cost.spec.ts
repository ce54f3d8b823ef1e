import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { expect, it } from 'vitest';
import { operationCost } from '../../src/app/api-limits.js';
import { buildAppSchema } from '../../src/app/build-schema.js';
import { loadConfig } from '../../src/config/env.js';

// The app's own operations must fit the cost limit every caller has: nested connection pages multiply in a
// query's cost, and one page (client groups, 100 groups × 100 clients and 100 assignees) cost 21,205 against
// a limit of 5,000, so the page answered QUERY_TOO_COSTLY. Counted, not timed: the cost is arithmetic.
const manifest = path.resolve(import.meta.dirname, '../../../client/src/generated/persisted-documents.json');

it('costs every operation of the app at most the default API_QUERY_COST_MAX', async () => {
  const schema = await buildAppSchema();
  const { maxQueryCost } = loadConfig({ NODE_ENV: 'test' }).apiLimits;
  const { operations } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    operations: Array<{ name: string; body: string }>;
  };
  expect(operations.length).toBeGreaterThan(50);
  const over = operations.flatMap(({ name, body }) => {
    const document = parse(body);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
    )!;
    const cost = operationCost(schema, document, operation, {});
    return cost > maxQueryCost ? [`${name}: ${cost}`] : [];
  });
  expect(over).toEqual([]);
});
