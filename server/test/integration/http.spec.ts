import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A GET whose body stays as sent (fetch would decode it), with the request's own Accept-Encoding. */
function rawGet(
  url: string,
  acceptEncoding: string | undefined,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

// A chunk of the size and kind the build writes, with the copies the build writes beside it.
const chunk = Buffer.from(
  Array.from({ length: 400 }, (_, i) => `export const value${i} = ${JSON.stringify(`text ${i}`)};`).join(
    '\n',
  ),
);

describe.each(drivers)('HTTP and error contract on %s', (driver) => {
  let t: TestApp;
  let distDir: string;

  beforeAll(async () => {
    distDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-dist-'));
    mkdirSync(path.join(distDir, 'assets'));
    writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><html><body>spa</body></html>');
    // The client build writes its route table there (client/vite.config.ts).
    writeFileSync(path.join(distDir, 'routes.json'), JSON.stringify(['', 'faq', 'rulings/:rulingId']));
    writeFileSync(path.join(distDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(distDir, 'assets', 'chunk-def456.js'), chunk);
    writeFileSync(path.join(distDir, 'assets', 'chunk-def456.js.br'), brotliCompressSync(chunk));
    writeFileSync(path.join(distDir, 'assets', 'chunk-def456.js.gz'), gzipSync(chunk));
    writeFileSync(path.join(distDir, 'assets', 'font-0a1b2c.woff2'), 'wOF2 already compressed');
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
    for (const route of ['/en', '/fr/', '/en/faq', '/fr/faq/', '/en/rulings/42']) {
      const page = await fetch(`${t.url}${route}`);
      expect(page.status, route).toBe(200);
      expect(await page.text(), route).toContain('spa');
    }
    // A path no page of the app has answers 404 with the app, which shows its own "page not found"
    // in the URL's language (issue 14, defect 3).
    for (const route of ['/en/some/deep/route', '/fr/faq/extra', '/en/rulings', '/en/resources/emanifest']) {
      const page = await fetch(`${t.url}${route}`);
      expect(page.status, route).toBe(404);
      expect(page.headers.get('content-type'), route).toContain('text/html');
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

  it('sends the precompressed copy of an asset that the browser accepts, cached for a year', async () => {
    const url = `${t.url}/assets/chunk-def456.js`;
    const cases = [
      // Chromium's header: brotli wins over gzip, listed first, at the same weight.
      { accept: 'gzip, deflate, br, zstd', encoding: 'br', decode: brotliDecompressSync },
      { accept: 'gzip', encoding: 'gzip', decode: gunzipSync },
      { accept: 'br;q=0.5, gzip;q=0.8', encoding: 'gzip', decode: gunzipSync },
      { accept: 'br;q=0, *', encoding: 'gzip', decode: gunzipSync },
      { accept: '*', encoding: 'br', decode: brotliDecompressSync },
      { accept: 'identity', encoding: undefined, decode: (b: Buffer) => b },
      { accept: undefined, encoding: undefined, decode: (b: Buffer) => b },
    ];
    for (const { accept, encoding, decode } of cases) {
      const res = await rawGet(url, accept);
      expect({ accept, status: res.status }).toEqual({ accept, status: 200 });
      expect({ accept, encoding: res.headers['content-encoding'] }).toEqual({ accept, encoding });
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      if (encoding) expect(res.body.length).toBeLessThan(chunk.length / 3);
      expect(decode(res.body).equals(chunk), String(accept)).toBe(true);
    }
    // No copy written beside it (a woff2 is compressed already): the file as it is.
    const font = await rawGet(`${t.url}/assets/font-0a1b2c.woff2`, 'gzip, deflate, br');
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.body.toString()).toBe('wOF2 already compressed');
    // A made-up name is still "not found", whatever the browser accepts.
    expect((await rawGet(`${t.url}/assets/missing.js`, 'br')).status).toBe(404);
    // The page itself is checked again on every visit: it names the current hashed files.
    const page = await rawGet(`${t.url}/en/`, 'gzip, deflate, br');
    expect(page.headers['cache-control']).toBe('no-cache');
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
