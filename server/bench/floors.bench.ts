// `npm run bench` (BENCH=typename,sign-in): the two fixed costs of every caller against their floors, on each
// database (docs/performance.md). `{ __typename }` through the whole stack against a bare Express 5 handler
// that parses the same body and answers the same data; sign-in through GraphQL against @node-rs/argon2's
// verify alone with the project's parameters, both 8 at a time.
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { verify } from '@node-rs/argon2';
import express from 'express';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { type DriverName } from '../test/support/databases.js';
import { PASSWORD, seedUser, SIGN_IN } from '../test/support/identity.js';
import { startTestApp, type TestApp } from '../test/support/test-app.js';
import {
  benchDrivers,
  compare,
  loud,
  onceOnly,
  scaled,
  selected,
  skippedUnless,
  statementsOf,
} from './support/compare.js';

const scenarios = ['typename', 'sign-in'].filter(selected);
const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

interface Fixture {
  t: TestApp;
  /** Users to sign in, one per concurrent caller (their sessions and lockouts are their own). */
  users: Array<{ username: string; hash: string }>;
}

const fixtures = new Map<DriverName, Fixture>();
let bare: http.Server | undefined;
let bareUrl = '';

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200 || answer.errors) throw new Error(`${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

beforeAll(async () => {
  if (!scenarios.length) return;
  await loud(async () => {
    // The floor of `{ __typename }`: Express 5 parsing JSON and answering it, nothing else.
    const app = express();
    app.post('/graphql', express.json(), (_req, res) => {
      res.json({ data: { __typename: 'Query' } });
    });
    bare = http.createServer(app);
    await new Promise<void>((resolve) => bare!.listen(0, '127.0.0.1', resolve));
    bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/graphql`;
    for (const driver of benchDrivers()) {
      const t = await startTestApp(driver, {
        env: {
          // error: a failed request's cause is in t.logs, and the bench says it.
          LOG_LEVEL: 'error',
          MAIL_WORKER: 'false',
          // The bench signs in hundreds of times a minute from one address, all successfully.
          ADDRESS_FAILURE_LIMIT: '100000',
          API_COST_BUCKET_SIZE: '1000000',
          API_COST_RESTORE_RATE: '1000000',
        },
      });
      const users = [];
      for (let i = 0; i < 8; i += 1) {
        const user = await seedUser(t.dataSource, `BenchSignIn${i}`);
        users.push({ username: user.username!, hash: user.passwordHash! });
      }
      fixtures.set(driver, { t, users });
    }
  });
}, 600_000);

afterAll(async () => {
  for (const f of fixtures.values()) await f.t.close();
  await new Promise((resolve) => (bare ? bare.close(resolve) : resolve(undefined)));
});

skippedUnless(scenarios.length > 0, 'fixed costs');
if (scenarios.length)
  for (const driver of benchDrivers())
    describe(`fixed costs (${driver})`, () => {
      const f = () => fixtures.get(driver)!;
      if (selected('typename'))
        bench(
          '{ __typename } vs bare Express 5',
          onceOnly(`typename ${driver}`, async () => {
            const real = async () => {
              const answer = await post(`${f().t.url}/graphql`, { query: '{ __typename }' });
              if ((answer.data as { __typename?: string }).__typename !== 'Query')
                throw new Error('typename');
            };
            // Both sides from the load worker: the HTTP client's work off the server's thread.
            const side = (url: string) => ({
              url,
              headers: { 'content-type': 'application/json' },
              bodies: [JSON.stringify({ query: '{ __typename }' })],
              mustInclude: ['"__typename":"Query"'],
            });
            await compare({
              scenario: '`{ __typename }`',
              driver,
              floorName: 'bare Express 5',
              real: side(`${f().t.url}/graphql`),
              floor: side(bareUrl),
              requests: scaled(4000),
              concurrency: 8,
              statements: { real: await statementsOf(f().t.dataSource, real), floor: null },
              target: { ratio: 0.6 },
            });
          }),
          once,
        );
      if (selected('sign-in'))
        bench(
          'sign-in vs argon2 verify',
          onceOnly(`sign-in ${driver}`, async () => {
            let next = 0;
            const signIn = async () => {
              const user = f().users[next++ % f().users.length];
              const answer = await post(`${f().t.url}/graphql`, {
                query: SIGN_IN,
                variables: { input: { username: user.username, password: PASSWORD } },
              }).catch((error: Error) => {
                const logged = f().t.logs.find((line) => line.level === 50);
                throw new Error(
                  `${error.message.slice(0, 120)}; logged: ${JSON.stringify(logged?.err ?? logged).slice(0, 400)}`,
                );
              });
              const payload = (answer.data as { signIn: { viewer: unknown; userErrors: unknown[] } }).signIn;
              if (!payload.viewer || payload.userErrors.length) throw new Error(JSON.stringify(payload));
            };
            // The first sign-in of a process also loads the server's secret (2 statements, once).
            await signIn();
            let verified = 0;
            await compare({
              scenario: 'sign-in',
              driver,
              floorName: 'argon2id verify (19 MiB, t=2, p=1)',
              // From the load worker, as the other scenarios' requests: the HTTP client's work (fetch, reading
              // the answer) off the server's thread, where the floor (a call) has none to charge.
              real: {
                url: `${f().t.url}/graphql`,
                headers: { 'content-type': 'application/json' },
                bodies: f().users.map((user) =>
                  JSON.stringify({
                    query: SIGN_IN,
                    variables: { input: { username: user.username, password: PASSWORD } },
                  }),
                ),
                mustInclude: ['"viewer":{', '"userErrors":[]'],
              },
              floor: async () => {
                const user = f().users[verified++ % f().users.length];
                if (!(await verify(user.hash, PASSWORD))) throw new Error('verify');
              },
              requests: scaled(240),
              concurrency: 8,
              statements: { real: await statementsOf(f().t.dataSource, signIn), floor: 0 },
              target: { ratio: 0.85, statements: 6 },
            });
          }),
          once,
        );
    });
