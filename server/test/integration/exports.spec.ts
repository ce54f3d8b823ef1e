import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/app/build-schema.js';
import { DomainEventRecord } from '../../src/common/events/domain-event.entity.js';
import { createLogger } from '../../src/common/logger.js';
import { createDocumentStorage } from '../../src/common/storage/create-storage.js';
import {
  ApiTokenScope,
  createApiToken,
  revokeApiToken,
} from '../../src/modules/api-tokens/api-tokens.service.js';
import { ExportJob } from '../../src/modules/exports/exports.entities.js';
import { EXPORT_QUERY_MAX_LENGTH } from '../../src/modules/exports/exports.service.js';
import { EXPORT_LEASE_MS, ExportWorker } from '../../src/modules/exports/exports.worker.js';
import { reportQuery } from '../../src/modules/exports/export-reports.js';
import { runExport } from '../../../tools/report/report-cli.mjs';
import { bearer } from '../support/api-tokens.js';
import { type Portfolio } from '../support/broker-world.js';
import { drivers } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { portfolioWorld, type PortfolioWorld, WORLD_CLIENTS } from '../support/world-templates.js';

// Bulk exports (docs/api.md "Bulk exports", decision 0029): a broker's token exports its 500-client
// portfolio through the real HTTP API and the real worker; the file matches the paged API row for row.

const START = `mutation($input: StartExportInput!) { startExport(input: $input) {
  export { id status format report rows } userErrors { field code message } } }`;
const EXPORT = `query($id: ID!) { export(id: $id) {
  id status pagesDone rows totalRows sizeBytes errorCode errorMessage downloadUrl expiresAt } }`;

interface ExportView {
  id: string;
  status: string;
  pagesDone: number;
  rows: number;
  totalRows: number | null;
  sizeBytes: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  downloadUrl: string | null;
}

const CLIENTS = WORLD_CLIENTS;

describe.each(drivers)('Bulk exports on %s', (driver) => {
  let t: TestApp;
  let world: PortfolioWorld | undefined;
  let portfolio: Portfolio;
  let worker: ExportWorker;
  let dataDir: string;
  let tempDir: string;

  const start = async (input: Record<string, unknown>, secret = portfolio.secret, lang = 'en') => {
    const answer = await bearer(t, secret, START, { input }, { 'accept-language': lang });
    expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
    return answer.body.data!.startExport as {
      export: { id: string; status: string } | null;
      userErrors: Array<{ field: string[]; code: string; message: string }>;
    };
  };
  const read = async (id: string, secret = portfolio.secret) =>
    (await bearer(t, secret, EXPORT, { id })).body.data!.export as ExportView | null;
  const download = (url: string, secret = portfolio.secret) =>
    fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${secret}` } });
  const runAll = async (w = worker) => {
    while (await w.runOnce()) {
      /* next job */
    }
  };
  const storedExports = () => {
    const dir = path.join(dataDir, 'documents', 'exports');
    return existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-exports-'));
    tempDir = path.join(dataDir, 'exports-tmp');
    // The run's portfolio world (built once through the real services, support/world-templates.ts), copied.
    world = await portfolioWorld(driver);
    portfolio = world.portfolio;
    t = await startTestApp(driver, {
      database: world.database.config,
      env: { MAIL_WORKER: 'false', DATA_DIR: dataDir },
    });
    const newWorker = async () =>
      new ExportWorker({
        config: t.config,
        dataSource: t.dataSource,
        log: createLogger('warn'),
        schema: await buildAppSchema(),
        storage: createDocumentStorage(t.config.documents),
        tempDir,
      });
    worker = await newWorker();
  }, 600_000);
  afterAll(async () => {
    await t?.close();
    await world?.database.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every client through the paged API, with the report's own query. */
  async function pagedClients(): Promise<unknown[]> {
    const query = reportQuery('clients')!;
    const nodes: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await bearer(t, portfolio.secret, query, { after });
      expect(page.body.errors).toBeUndefined();
      const clients = (
        page.body.data!.viewerBusiness as {
          clients: {
            edges: Array<{ node: unknown }>;
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        }
      ).clients;
      nodes.push(...clients.edges.map((e) => e.node));
      if (!clients.pageInfo.hasNextPage) return nodes;
      after = clients.pageInfo.endCursor;
    }
  }

  it(`exports a ${CLIENTS}-client portfolio as NDJSON that matches the paged API`, async () => {
    const started = await start({ report: 'clients' });
    expect(started.userErrors).toEqual([]);
    expect(started.export!.status).toBe('QUEUED');
    const id = started.export!.id;
    expect(await read(id)).toMatchObject({ status: 'QUEUED', pagesDone: 0, rows: 0, downloadUrl: null });

    await runAll();
    const done = (await read(id))!;
    expect(done).toMatchObject({
      status: 'READY',
      pagesDone: 5,
      rows: CLIENTS,
      totalRows: CLIENTS,
      errorCode: null,
      downloadUrl: `/api/exports/${id}/download`,
    });
    const file = await download(done.downloadUrl!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/x-ndjson');
    const text = await file.text();
    expect(Buffer.byteLength(text)).toBe(done.sizeBytes);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toHaveLength(CLIENTS);
    expect(lines).toEqual(await pagedClients());

    // The typed event the webhooks catalogue maps: once, in the transaction that made it READY.
    const events = await t.dataSource.getRepository(DomainEventRecord).findBy({ type: 'EXPORT_READY' });
    const mine = events
      .map((e) => JSON.parse(e.payload) as { exportId: string })
      .filter((p) => p.exportId === id);
    expect(mine).toEqual([
      expect.objectContaining({
        exportId: id,
        businessId: portfolio.brokerBusinessId,
        rows: CLIENTS,
        format: 'NDJSON',
        downloadPath: done.downloadUrl,
      }),
    ]);
    expect(existsSync(path.join(tempDir, `${id}.part`))).toBe(false);
  }, 120_000);

  it('writes CSV with the report’s columns; a crashed worker’s export is resumed from its last page', async () => {
    const started = await start({ report: 'clients', format: 'CSV' });
    const id = started.export!.id;
    // The first worker "dies" after recording its second page: it never comes back.
    worker.afterPage = (job) => (job.pagesDone === 2 ? new Promise<void>(() => {}) : undefined);
    void worker.runOnce();
    await expect.poll(async () => (await read(id))?.pagesDone, { timeout: 30_000 }).toBe(2);
    worker.afterPage = null;
    expect((await read(id))!.status).toBe('RUNNING');
    // Another worker cannot take it while the lease runs; once it has run out, it resumes at page 3.
    const second = new ExportWorker({
      config: t.config,
      dataSource: t.dataSource,
      log: createLogger('warn'),
      schema: await buildAppSchema(),
      storage: createDocumentStorage(t.config.documents),
      tempDir,
    });
    expect(await second.runOnce()).toBe(false);
    t.clock.advance(EXPORT_LEASE_MS + 1000);
    const pages: number[] = [];
    second.afterPage = (job) => {
      pages.push(job.pagesDone);
    };
    await second.runOnce();
    expect(pages).toEqual([3, 4, 5]);
    const done = (await read(id))!;
    expect(done).toMatchObject({ status: 'READY', rows: CLIENTS });
    const row = await t.dataSource.getRepository(ExportJob).findOneByOrFail({ id });
    expect(row.attempts).toBe(2);
    const csv = await (await download(done.downloadUrl!)).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'client.businessNumber,client.name,type,since,programAccounts.accountNumber,programAccounts.name',
    );
    expect(lines).toHaveLength(CLIENTS + 1);
    const bns = lines.slice(1).map((line) => line.split(',')[0]);
    expect(new Set(bns).size).toBe(CLIENTS);
    const paged = (await pagedClients()) as Array<{ client: { businessNumber: string } }>;
    expect(bns).toEqual(paged.map((n) => n.client.businessNumber));
  }, 120_000);

  it('downloads go to whoever started the export, through the access table; others get 404', async () => {
    const other = await createApiToken(t.dataSource, t.config, portfolio.brokerUserId, {
      businessId: portfolio.brokerBusinessId,
      name: 'Other system',
      scope: ApiTokenScope.READ,
      expiresInDays: 30,
    });
    if (!other.ok) throw new Error('token');
    const mine = (await t.dataSource.getRepository(ExportJob).findOneByOrFail({ status: 'READY' })).id;
    expect(await read(mine, other.secret)).toBeNull();
    const refused = await download(`/api/exports/${mine}/download`, other.secret);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { errors: Array<{ code: string }> }).errors[0].code).toBe('NOT_FOUND');
    const anonymous = await fetch(`${t.url}/api/exports/${mine}/download`);
    expect(anonymous.status).toBe(401);
    const badToken = await download(`/api/exports/${mine}/download`, 'psl_nope');
    expect(badToken.status).toBe(401);
  });

  it('refuses bad input in both languages and changes nothing; limits at the bound and just over', async () => {
    const before = await t.dataSource.getRepository(ExportJob).count();
    const codes = async (input: Record<string, unknown>, lang = 'en') =>
      (await start(input, portfolio.secret, lang)).userErrors.map((e) => [e.field.join('.'), e.code]);
    expect(await codes({ report: 'nope' })).toEqual([['report', 'UNKNOWN']]);
    const fr = await start({ report: 'nope' }, portfolio.secret, 'fr');
    expect(fr.userErrors[0].message).toContain('aucun rapport');
    expect(await codes({})).toEqual([['query', 'REQUIRED']]);
    expect(await codes({ report: 'clients', query: '{ viewerBusiness { id } }' })).toEqual([
      ['query', 'REQUIRED'],
    ]);
    expect(await codes({ query: '{ viewerBusiness { id } }' })).toEqual([['query', 'NOT_PAGED']]);
    expect(await codes({ query: 'mutation { signOut { signedOut } }' })).toEqual([['query', 'INVALID']]);
    expect(await codes({ query: '{ nope }' })).toEqual([['query', 'INVALID']]);
    expect(await codes({ report: 'clients', variables: '[1]' })).toEqual([['variables', 'INVALID']]);
    expect(await codes({ report: 'clients', variables: 'not json' })).toEqual([['variables', 'INVALID']]);
    // A saved query at the length limit is taken (a comment pads it); one character more is refused.
    const query =
      'query($after: String) { viewerBusiness { clients(first: 100, after: $after) { edges { node { type } } pageInfo { hasNextPage endCursor } } } }';
    const padded = (length: number) => `${query}\n#${'x'.repeat(length - query.length - 2)}`;
    expect(padded(EXPORT_QUERY_MAX_LENGTH)).toHaveLength(EXPORT_QUERY_MAX_LENGTH);
    expect(await codes({ query: padded(EXPORT_QUERY_MAX_LENGTH + 1) })).toEqual([['query', 'TOO_LONG']]);
    expect(await t.dataSource.getRepository(ExportJob).count()).toBe(before);
    const ok = await start({ query: padded(EXPORT_QUERY_MAX_LENGTH) });
    expect(ok.userErrors).toEqual([]);
    await runAll();
    expect((await read(ok.export!.id))!).toMatchObject({ status: 'READY', rows: CLIENTS });
  }, 60_000);

  it('the report CLI starts an export, shows its progress and downloads the file', async () => {
    const lines: string[] = [];
    const chunks: Uint8Array[] = [];
    worker.start();
    try {
      const done = await runExport(
        { url: `${t.url}/graphql`, token: portfolio.secret, lang: 'en' },
        { report: 'clients', variables: {}, format: 'ndjson' },
        { note: () => {}, progress: (line) => lines.push(line), write: (c) => chunks.push(c), pollMs: 100 },
      );
      expect(done).toMatchObject({ status: 'READY', rows: CLIENTS, pagesDone: 5 });
    } finally {
      await worker.stop();
    }
    expect(lines.at(-1)).toBe(`\r[${'#'.repeat(30)}] ${CLIENTS}/${CLIENTS} rows`);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(CLIENTS);
  }, 60_000);

  it('a revoked token’s export fails cleanly: FAILED, EXPORT_FAILED, no file left', async () => {
    const token = await createApiToken(t.dataSource, t.config, portfolio.brokerUserId, {
      businessId: portfolio.brokerBusinessId,
      name: 'Short-lived',
      scope: ApiTokenScope.READ,
      expiresInDays: 1,
    });
    if (!token.ok) throw new Error('token');
    const id = (await start({ report: 'clients' }, token.secret)).export!.id;
    const files = storedExports().length;
    const revoked = await revokeApiToken(t.dataSource, t.config, portfolio.brokerUserId, token.token.id);
    expect(revoked.ok).toBe(true);
    await runAll();
    const row = await t.dataSource.getRepository(ExportJob).findOneByOrFail({ id });
    expect(row).toMatchObject({ status: 'FAILED', errorCode: 'CALLER_GONE', storageKey: null });
    expect(storedExports()).toHaveLength(files);
    expect(existsSync(path.join(tempDir, `${id}.part`))).toBe(false);
    const events = await t.dataSource.getRepository(DomainEventRecord).findBy({ type: 'EXPORT_FAILED' });
    expect(events.some((e) => e.payload.includes(id))).toBe(true);
  });

  it('old files expire: the file is deleted and the download answers 404', async () => {
    const ready = await t.dataSource.getRepository(ExportJob).findBy({ status: 'READY' });
    expect(ready.length).toBeGreaterThan(0);
    const files = storedExports().length;
    t.clock.advance(8 * 24 * 60 * 60_000);
    expect(await worker.expire()).toBe(ready.length);
    expect(storedExports()).toHaveLength(files - ready.length);
    const gone = await read(ready[0].id);
    if (gone) expect(gone).toMatchObject({ status: 'EXPIRED', downloadUrl: null });
  });
});
