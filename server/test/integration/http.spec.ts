import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(drivers)('HTTP and error contract on %s', (driver) => {
  let t: TestApp;
  let distDir: string;

  beforeAll(async () => {
    distDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-dist-'));
    mkdirSync(path.join(distDir, 'assets'));
    writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><html><body>spa</body></html>');
    writeFileSync(path.join(distDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await startTestApp(driver, { env: { CLIENT_DIST_DIR: distDir, BODY_LIMIT: '2kb' } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: true });
  });

  it('serves public portal facts through GraphQL', async () => {
    const { status, body } = await t.gql('{ portalInfo { agencyPhone version } }');
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { portalInfo: { agencyPhone: '1-800-461-9999', version: '0.1.0' } },
      // Every answer reports its cost (docs/api.md, "Limits and cost").
      extensions: { cost: expect.objectContaining({ requestedQueryCost: 1 }) as unknown },
    });
  });

  it('answers a syntax error with HTTP 400 and GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await t.gql('{ portalInfo { version }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown field with HTTP 400 and GRAPHQL_VALIDATION_FAILED', async () => {
    const { status, body } = await t.gql('{ portalInfo { nope } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('masks an unexpected error and logs it without the request details', async () => {
    const { status, body } = await t.gql('{ unexpectedFailure }', undefined, {
      'x-request-id': 'mask-test-1',
    });
    expect(status).toBe(200);
    expect(body.errors).toHaveLength(1);
    const error = body.errors?.[0];
    expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(error?.message).toBe('Something went wrong on our side. Try again later.');
    expect(JSON.stringify(body)).not.toMatch(/secret_column|hunter2|stack/);
    const logged = t.logs.find(
      (l) => l.requestId === 'mask-test-1' && l.msg === 'unexpected error in a GraphQL request',
    );
    expect(logged).toBeDefined();
  });

  it('localizes AppError messages from Accept-Language and keeps the stable code', async () => {
    const en = await t.gql('{ forbiddenThing }');
    expect(en.body.errors?.[0]).toMatchObject({
      message: 'You do not have access to this information.',
      extensions: { code: 'FORBIDDEN' },
    });
    const fr = await t.gql('{ forbiddenThing }', undefined, { 'accept-language': 'fr-CA,fr;q=0.9' });
    expect(fr.body.errors?.[0]).toMatchObject({
      message: "Vous n'avez pas accès à ces renseignements.",
      extensions: { code: 'FORBIDDEN' },
    });
    expect(fr.body.errors?.[0]?.extensions).not.toHaveProperty('messageKey');
  });

  it('returns userErrors in the caller language from mutations', async () => {
    const mutation = 'mutation($n: String!) { rename(name: $n) { name userErrors { field code message } } }';
    const ok = await t.gql(mutation, { n: 'Anne' });
    expect(ok.body.data).toEqual({ rename: { name: 'Anne', userErrors: [] } });
    const fr = await t.gql(mutation, { n: 'Geneviève' }, { 'accept-language': 'fr' });
    expect(fr.body.data).toEqual({
      rename: {
        name: null,
        userErrors: [
          { field: ['name'], code: 'TOO_LONG', message: 'name doit compter au plus 5 caractères.' },
        ],
      },
    });
  });

  it('refuses a body over the limit with 413 and accepts one at the limit', async () => {
    const query = '{ portalInfo { version } }';
    const envelope = JSON.stringify({ query, variables: { pad: '' } });
    const atLimit = JSON.stringify({ query, variables: { pad: 'x'.repeat(2048 - envelope.length) } });
    expect(Buffer.byteLength(atLimit)).toBe(2048);
    const ok = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: atLimit,
    });
    expect(ok.status).toBe(200);
    const over = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: atLimit.replace('"pad":"', '"pad":"x'),
    });
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({
      errors: [{ message: 'The request is too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('redirects / by Accept-Language and serves the SPA under /en and /fr', async () => {
    const fr = await fetch(`${t.url}/`, {
      headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' },
      redirect: 'manual',
    });
    expect(fr.status).toBe(302);
    expect(fr.headers.get('location')).toBe('/fr');
    const en = await fetch(`${t.url}/`, { redirect: 'manual' });
    expect(en.headers.get('location')).toBe('/en');
    for (const route of ['/en', '/fr/', '/en/some/deep/route']) {
      const page = await fetch(`${t.url}${route}`);
      expect(page.status, route).toBe(200);
      expect(await page.text(), route).toContain('spa');
    }
    const asset = await fetch(`${t.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${t.url}/assets/missing.js`)).status).toBe(404);
    const unknown = await fetch(`${t.url}/de/page`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Page introuvable');
  });

  it('tags every response with a request id and logs no query string', async () => {
    const res = await fetch(`${t.url}/healthz?email=someone@example.com`);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = t.logs.find((l) => l.requestId === id && l.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', path: '/healthz', status: 200 });
    expect(JSON.stringify(t.logs)).not.toContain('someone@example.com');
  });
});
