// `npm run bench`: throughput of the HTTP + GraphQL path on the embedded database. Targets live here, not
// in unit tests: a query through the whole stack should stay well under a millisecond of server time.
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/support/test-app.js';
import { selected } from './support/compare.js';

let t: TestApp;
beforeAll(async () => {
  if (selected('http')) t = await startTestApp('sqlite', { env: { LOG_LEVEL: 'silent' } });
});
afterAll(async () => t?.close());

describe.runIf(selected('http'))('graphql over http (sqlite)', () => {
  bench('portalInfo', async () => {
    await t.gql('{ portalInfo { agencyPhone version } }');
  });
  bench('database round trip', async () => {
    await t.gql('{ databaseRoundTrip }');
  });
});
