import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freshWorldForRetry,
  runServerExpectingFailure,
  startServer,
  type ServerProcess,
} from './support/server-process.js';

describe('the server process (what `npm start` runs)', () => {
  const started: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of started) await server.stop();
  });

  it('refuses to start on bad configuration and lists every problem', async () => {
    const { code, stderr } = await runServerExpectingFailure({
      PORT: 'http',
      DATABASE_URL: 'postgres://nope',
      LOG_LEVEL: 'chatty',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration:');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL'])
      expect(stderr).toMatch(new RegExp(`- ${name}: `));
  });

  it('serves health, readiness, GraphQL and the built app, and stops cleanly on SIGTERM', async () => {
    const server = await startServer();
    started.push(server);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const gql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ portalInfo { agencyPhone } }' }),
    });
    expect(((await gql.json()) as { data: unknown }).data).toEqual({
      portalInfo: { agencyPhone: '1-800-461-9999' },
    });
    // A page of the app answers 200 with the app; a path no page has answers 404, with the app all the same
    // (it shows its own "page not found"; decision 0032).
    const page = await fetch(`${server.url}/fr/notices`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const unknown = await fetch(`${server.url}/fr/some/page`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<div id="root">');

    expect(await server.stop()).toBe(0);
    expect(server.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
  });
});

// Runs after the tests above, as a later file of the same worker does (isolate: false): vitest still names
// the last test while this describe's beforeAll runs (decision 0018).
describe('before a retried journey', () => {
  let fromHook: ServerProcess;
  beforeAll(async () => {
    fromHook = await startServer();
  });

  it("restarts the servers the file's hooks started, on a new port, and stops the ones the test started", async () => {
    const fromTest = await startServer();
    const before = fromHook.url;
    await freshWorldForRetry(undefined);
    expect(fromTest.child.exitCode).not.toBeNull();
    expect(fromHook.url).not.toBe(before);
    expect((await fetch(`${fromHook.url}/healthz`)).status).toBe(200);
  });
});
