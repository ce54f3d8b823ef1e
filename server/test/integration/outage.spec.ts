import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempMysqlDatabase } from '../../src/database/temp-database.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { startTestApp } from '../support/test-app.js';

const mysqlUrl = process.env.MYSQL_URL;

describe.runIf(mysqlUrl)('database outage on mysql', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('masks errors and reports 503 while the database is gone, then recovers without a restart', async () => {
    const temp = await createTempMysqlDatabase(mysqlUrl!);
    cleanups.push(() => temp.drop());
    const target = new URL(temp.url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 3306));
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(temp.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const t = await startTestApp('mysql', { database: { type: 'mysql', url: viaProxy.toString() } });
    cleanups.push(() => t.close());

    expect((await t.gql('{ databaseRoundTrip }')).body).toMatchObject({ data: { databaseRoundTrip: 1 } });

    proxy.cut();
    const during = await t.gql('{ databaseRoundTrip }');
    expect(during.body.data).toBeNull();
    expect(during.body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(during.body)).not.toMatch(/ECONN|PROTOCOL|mysql|127\.0\.0\.1/i);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);

    proxy.restore();
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    expect((await t.gql('{ databaseRoundTrip }')).body).toMatchObject({ data: { databaseRoundTrip: 1 } });
  });
});

describe('database outage on sqlite', () => {
  it('masks the error while another process holds the write lock, then recovers', async () => {
    const t = await startTestApp('sqlite');
    try {
      const file = t.config.database.type === 'sqlite' ? t.config.database.file : '';
      expect((await t.gql('mutation { databaseWrite }')).body).toMatchObject({ data: { databaseWrite: 1 } });

      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      const during = await t.gql('mutation { databaseWrite }');
      expect(during.body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(during.body)).not.toMatch(/SQLITE|locked|BUSY/i);
      other.exec('COMMIT');
      other.close();

      expect((await t.gql('mutation { databaseWrite }')).body).toMatchObject({ data: { databaseWrite: 1 } });
      expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
