import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// graphql-http's audit of the GraphQL over HTTP specification against the real server: zero errors.
// Warnings (recommendations the spec leaves open) are listed in the test output, not failed.
describe.each(drivers)('GraphQL over HTTP audit on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => t?.close());

  it('passes every audit of graphql-http’s serverAudits with no error', async () => {
    const audits = serverAudits({ url: `${t.url}/graphql` });
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    const errors = results
      .filter((r) => r.status === 'error')
      .map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    const warnings = results.filter((r) => r.status === 'warn').map((r) => r.name);
    if (warnings.length) console.warn(`graphql-http audit warnings:\n  ${warnings.join('\n  ')}`);
    expect(results.length).toBeGreaterThan(30);
    expect(errors).toEqual([]);
  });
});
