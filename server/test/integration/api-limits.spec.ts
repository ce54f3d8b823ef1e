import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { bearer, tokenSecret } from '../support/api-tokens.js';
import { seedUser } from '../support/identity.js';
import { ApiTokenScope, createApiToken } from '../../src/modules/api-tokens/api-tokens.service.js';
import { drivers } from '../support/databases.js';
import { type Person, person, registerDirectly, BN } from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Every limit of /graphql at its bound and just over it (docs/api.md, "Limits and cost").

const manifest = JSON.parse(
  readFileSync(
    path.resolve(import.meta.dirname, '../../../client/src/generated/persisted-documents.json'),
    'utf8',
  ),
) as { operations: Array<{ name: string; body: string }> };
const bodyOf = (name: string) => manifest.operations.find((o) => o.name === name)!.body;

interface Answer {
  data?: unknown;
  errors: Array<{ message: string; extensions: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

async function post(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as Answer };
}

const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: portalInfo { version }`).join(' ')} }`;

describe.each(drivers)('GraphQL limits on %s', (driver) => {
  describe('query shape limits', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(driver, {
        env: {
          GRAPHQL_MAX_DEPTH: '4',
          GRAPHQL_MAX_ALIASES: '3',
          GRAPHQL_MAX_DIRECTIVES: '2',
          GRAPHQL_MAX_TOKENS: '100',
          BODY_LIMIT: '2kb',
        },
      });
    });
    afterAll(async () => t?.close());

    it('depth: 4 levels answer, 5 are refused before execution (400, QUERY_TOO_DEEP)', async () => {
      const at = await post(t, { query: '{ viewerBusiness { clients { pageInfo { hasNextPage } } } }' });
      expect(at.status).toBe(200);
      const over = await post(t, { query: '{ viewerBusiness { clients { edges { node { id } } } } }' });
      expect(over.status).toBe(400);
      expect(over.body.errors[0].extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'QUERY_TOO_DEEP',
        depth: 5,
        max: 4,
      });
      expect(over.body.errors[0].message).toBe('The query is nested 5 levels deep; at most 4 are allowed.');
    });

    it('depth counts through fragments', async () => {
      const over = await post(t, {
        query:
          'query { viewerBusiness { ...F } } fragment F on Business { clients { edges { node { id } } } }',
      });
      expect(over.body.errors[0].extensions.reason).toBe('QUERY_TOO_DEEP');
    });

    it('aliases: 3 answer, 4 are refused (TOO_MANY_ALIASES)', async () => {
      expect((await post(t, { query: aliases(3) })).status).toBe(200);
      const over = await post(t, { query: aliases(4) });
      expect(over.status).toBe(400);
      expect(over.body.errors[0].extensions).toMatchObject({ reason: 'TOO_MANY_ALIASES', count: 4, max: 3 });
    });

    it('directives: 2 answer, 3 are refused (TOO_MANY_DIRECTIVES)', async () => {
      const at = await post(t, { query: '{ portalInfo @include(if: true) { version @skip(if: false) } }' });
      expect(at.status).toBe(200);
      const over = await post(t, {
        query: '{ portalInfo @include(if: true) { version @skip(if: false) agencyPhone @skip(if: false) } }',
      });
      expect(over.status).toBe(400);
      expect(over.body.errors[0].extensions).toMatchObject({
        reason: 'TOO_MANY_DIRECTIVES',
        count: 3,
        max: 2,
      });
    });

    it('tokens: 100 parse, 101 are a syntax error (400), never a 500; so is a plain syntax error', async () => {
      const fields = (n: number) => `{ ${'__typename '.repeat(n)}}`;
      expect((await post(t, { query: fields(98) })).status).toBe(200);
      const over = await post(t, { query: fields(99) });
      expect(over.status).toBe(400);
      expect(over.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(over.body.errors[0].message).toMatch(/more th.. 100 tokens/);
      const broken = await post(t, { query: '{ portalInfo { ' });
      expect(broken.status).toBe(400);
      expect(broken.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('body: 2 kB answers, 2 kB + 1 byte is 413 PAYLOAD_TOO_LARGE', async () => {
      const sized = (bytes: number) => {
        const base = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
        return JSON.stringify({
          query: '{ __typename }',
          variables: { pad: 'x'.repeat(bytes - base.length) },
        });
      };
      expect(sized(2048)).toHaveLength(2048);
      expect((await post(t, sized(2048))).status).toBe(200);
      const over = await post(t, sized(2049));
      expect(over.status).toBe(413);
      expect(over.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('batching: one operation per request; an array of operations is refused (400)', async () => {
      const batch = await post(t, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expect(batch.status).toBe(400);
      expect((await post(t, { query: '{ __typename }' })).status).toBe(200);
    });
  });

  describe('cost and budgets', () => {
    let t: TestApp;
    let bam: Person;
    let business: string;
    beforeAll(async () => {
      t = await startTestApp(driver, {
        env: { API_QUERY_COST_MAX: '50', API_COST_BUCKET_SIZE: '100', API_COST_RESTORE_RATE: '1' },
      });
      await importReferenceData(t.dataSource, await loadDemoReferenceData());
      bam = await person(t, 'MapleBam2026', 'Morgan', 'Maple');
      business = await registerDirectly(t, BN.MAPLE, bam.userId);
    });
    afterAll(async () => t?.close());

    // 1 (viewerBusiness) + 1 (the connection) + first × 1 (node; edges and pageInfo are free) = 2 + first.
    const tokensQuery = (first: number) =>
      `{ viewerBusiness { apiTokens(first: ${first}) { edges { node { id } } pageInfo { hasNextPage } } } }`;

    it('computes the cost before execution: 50 is allowed, 51 is QUERY_TOO_COSTLY (400); `first` multiplies', async () => {
      const { secret } = await tokenSecret(bam.client, { businessId: business });
      const at = await bearer(t, secret, tokensQuery(48));
      expect(at.status).toBe(200);
      expect((at.body.extensions as { cost: { requestedQueryCost: number } }).cost.requestedQueryCost).toBe(
        50,
      );
      const over = await bearer(t, secret, tokensQuery(49));
      expect(over.status).toBe(400);
      expect(over.body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost: 51, max: 50 });
      // A variable counts as much as a literal.
      const viaVariable = await bearer(
        t,
        secret,
        'query($n: Int) { viewerBusiness { apiTokens(first: $n) { edges { node { id } } pageInfo { hasNextPage } } } }',
        { n: 49 },
      );
      expect(viaVariable.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    });

    it('reports Shopify’s throttle status, charges what was used, refuses with 429 THROTTLED, and refills over time', async () => {
      const { secret } = await tokenSecret(bam.client, { businessId: business });
      // The bucket refills a point a second of the app's time: held still, so that only the 8 s given below
      // refill it (on a loaded machine more than a second of real time passed between these requests).
      t.clock.freeze();
      onTestFinished(() => t.clock.thaw());
      // 12 aliases of an object: requested 12, actual 12 (nothing to refund).
      const query = aliases(12).replace(/version/g, 'version agencyPhone');
      const first = await bearer(t, secret, query);
      expect(first.body.extensions).toEqual({
        cost: {
          requestedQueryCost: 12,
          actualQueryCost: 12,
          throttleStatus: { maximumAvailable: 100, currentlyAvailable: 88, restoreRate: 1 },
        },
      });
      // Down to 4 (7 more), then 12 > 4: refused.
      for (let i = 0; i < 7; i += 1) expect((await bearer(t, secret, query)).status).toBe(200);
      const refused = await bearer(t, secret, query);
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: 8 });
      expect(refused.headers.get('retry-after')).toBe('8');
      expect(refused.body.errors?.[0].message).toBe(
        'Too many requests: this query costs 12 points and 4 are available. Try again in 8 s.',
      );
      expect(refused.body.extensions).toMatchObject({
        cost: { requestedQueryCost: 12, actualQueryCost: 0, throttleStatus: { currentlyAvailable: 4 } },
      });
      // Another caller has its own bucket.
      const other = await tokenSecret(bam.client, { businessId: business });
      expect((await bearer(t, other.secret, query)).status).toBe(200);
      // 8 s later: 12 available (and a fraction), the cost: answered.
      t.clock.advance(8000);
      const refilled = await bearer(t, secret, query);
      expect(refilled.status).toBe(200);
      expect(
        (refilled.body.extensions as { cost: { throttleStatus: { currentlyAvailable: number } } }).cost
          .throttleStatus.currentlyAvailable,
      ).toBe(0);
    });

    it('refunds what a query did not use: a page asked for 48 tokens costs what it answered', async () => {
      const { secret } = await tokenSecret(bam.client, { businessId: business });
      const result = await bearer(t, secret, tokensQuery(48));
      const cost = (
        result.body.extensions as { cost: { requestedQueryCost: number; actualQueryCost: number } }
      ).cost;
      expect(cost.requestedQueryCost).toBe(50);
      // viewerBusiness, the connection and one node per token the business has (this test's few).
      expect(cost.actualQueryCost).toBeLessThan(20);
    });

    it('browser sessions have a budget too, in extensions.cost', async () => {
      const result = await bam.client.gql('{ portalInfo { version } }');
      expect(result.body).toMatchObject({
        extensions: { cost: { requestedQueryCost: 1, actualQueryCost: 1 } },
      });
    });
  });

  describe('production mode', () => {
    let t: TestApp;
    let bam: Person;
    let secret: string;
    beforeAll(async () => {
      t = await startTestApp(driver, { env: { NODE_ENV: 'production', COOKIE_SECURE: 'false' } });
      await importReferenceData(t.dataSource, await loadDemoReferenceData());
      bam = await person(t, 'MapleBam2026', 'Morgan', 'Maple');
      const business = await registerDirectly(t, BN.MAPLE, bam.userId);
      secret = (await tokenSecret(bam.client, { businessId: business })).secret;
    });
    afterAll(async () => t?.close());

    const introspection = '{ __schema { queryType { name } } }';

    it('answers introspection to a token and a signed-in person, not to an anonymous caller (401)', async () => {
      const anonymous = await post(t, { query: introspection });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INTROSPECTION_REQUIRES_AUTHENTICATION',
      });
      const viaType = await post(t, { query: '{ __type(name: "Query") { name } }' });
      expect(viaType.status).toBe(401);
      expect((await bearer(t, secret, introspection)).body.data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
      expect((await bam.client.gql(introspection)).body.data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
      expect((await post(t, { query: '{ __typename }' })).status).toBe(200);
    });

    it('gives no “did you mean” suggestions and no stack traces', async () => {
      const typo = await post(t, { query: '{ portalInf { version } }' });
      expect(typo.status).toBe(400);
      expect(JSON.stringify(typo.body)).not.toMatch(/did you mean/i);
      const failure = await post(t, { query: '{ unexpectedFailure }' });
      expect(JSON.stringify(failure.body)).not.toMatch(/stacktrace|hunter2|at .*\.ts/i);
      expect(failure.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    });
  });

  describe('trusted documents', () => {
    let t: TestApp;
    let secret: string;
    beforeAll(async () => {
      t = await startTestApp(driver, { env: { TRUSTED_DOCUMENTS: 'browser' } });
      await importReferenceData(t.dataSource, await loadDemoReferenceData());
      // Set up in the database: the test's own sign-in documents are not the app's.
      const user = await seedUser(t.dataSource, 'MapleBam2026');
      const business = await registerDirectly(t, BN.MAPLE, user.id);
      const created = await createApiToken(t.dataSource, t.config, user.id, {
        businessId: business,
        name: 'Broker',
        scope: ApiTokenScope.READ,
        expiresInDays: 30,
      });
      if (!created.ok) throw new Error('token not created');
      secret = created.secret;
    });
    afterAll(async () => t?.close());

    it('accepts the app’s persisted operations from browsers, refuses any other text (400), and lets tokens send their own', async () => {
      const persisted = await post(t, { query: bodyOf('PortalInfo'), operationName: 'PortalInfo' });
      expect(persisted.status).toBe(200);
      expect(persisted.body.errors).toBeUndefined();
      // The app sends the id beside the text: they must agree.
      const id = (
        JSON.parse(
          readFileSync(
            path.resolve(import.meta.dirname, '../../../client/src/generated/persisted-document-ids.json'),
            'utf8',
          ),
        ) as Record<string, string>
      ).PortalInfo;
      const withId = await post(t, { query: bodyOf('PortalInfo'), extensions: { persistedDocumentId: id } });
      expect(withId.status).toBe(200);
      const mismatch = await post(t, {
        query: bodyOf('PortalInfo'),
        extensions: { persistedDocumentId: 'f'.repeat(64) },
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.errors[0].extensions).toMatchObject({
        code: 'PERSISTED_DOCUMENT_REQUIRED',
        reason: 'HASH_MISMATCH',
      });
      const own = await post(t, { query: '{ portalInfo { version } }' });
      expect(own.status).toBe(400);
      expect(own.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
      // One character changed is another document.
      const tampered = await post(t, { query: `${bodyOf('PortalInfo')} ` });
      expect(tampered.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
      const token = await bearer(t, secret, '{ portalInfo { version } }');
      expect(token.status).toBe(200);
      expect(token.body.data).toBeTruthy();
    });
  });
});
