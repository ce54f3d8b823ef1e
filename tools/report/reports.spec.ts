// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

// Every named report is a valid query of the published schema. The notices and transactions reports are
// written against the names agreed with the notices and finance modules (Query.notices,
// ProgramAccount.transactions): until those fields are in the schema they are checked only for syntax, and
// from then on in full, with no change here.
const schema = buildSchema(
  readFileSync(path.resolve(import.meta.dirname, '../../schema/schema.graphql'), 'utf8'),
);
const reportsDir = path.join(import.meta.dirname, 'reports');
const reports = readdirSync(reportsDir).filter((file) => file.endsWith('.graphql'));
const pending: Record<string, () => boolean> = {
  'notices.graphql': () => !schema.getQueryType()?.getFields().notices,
  'transactions.graphql': () => {
    const account = schema.getType('ProgramAccount') as
      { getFields?: () => Record<string, unknown> } | undefined;
    return !account?.getFields?.().transactions;
  },
};

describe('named reports', () => {
  it('ships the four reports of the issue, the claims report (issue 16) and the correspondence report (issue 15)', () => {
    expect(reports.sort()).toEqual([
      'claims.graphql',
      'clients.graphql',
      'correspondence.graphql',
      'delegation.graphql',
      'notices.graphql',
      'transactions.graphql',
    ]);
  });

  it.each(reports)('%s validates against schema/schema.graphql and pages with $after', (file) => {
    const document = parse(readFileSync(path.join(reportsDir, file), 'utf8'));
    const text = readFileSync(path.join(reportsDir, file), 'utf8');
    expect(text).toMatch(/after: \$after/);
    if (pending[file]?.()) return;
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
