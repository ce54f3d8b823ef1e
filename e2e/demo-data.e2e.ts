import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, startServer, type ServerProcess } from './support/server-process.js';

const demo = JSON.parse(readFileSync(path.join(repoRoot, 'server/reference-data/demo.json'), 'utf8')) as {
  businesses: Array<{ programAccounts: unknown[] }>;
};
const expected = {
  businesses: demo.businesses.length,
  programAccounts: demo.businesses.reduce((sum, b) => sum + b.programAccounts.length, 0),
};
const countSql = `SELECT (SELECT COUNT(*) FROM registry_business) AS businesses,
  (SELECT COUNT(*) FROM registry_program_account) AS programAccounts`;

describe('first start with demo data', () => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop();
  });

  it('creates, migrates and fills the embedded database in DATA_DIR, and does not import twice', async () => {
    expect(expected.businesses).toBeGreaterThanOrEqual(50);
    // As `npm start` runs: the demo world too (the other journeys' servers go without it).
    const first = await startServer({ DEMO_WORLD: 'true' });
    servers.push(first);
    expect(first.logs.some((l) => l.msg === 'imported the demo reference data (first start)')).toBe(true);
    expect(first.logs.some((l) => l.msg === 'seeded the demo world (first start)')).toBe(true);
    const dataDir = first.dataDir;
    // Stop without deleting the folder: the second start must find the same database.
    first.child.kill('SIGTERM');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const db = new Database(path.join(dataDir, 'passerelle.sqlite'), { readonly: true });
    const counts = db.prepare(countSql).get() as Record<string, number>;
    db.close();
    expect(counts).toEqual(expected);

    const second = await startServer({ DATA_DIR: dataDir, DEMO_WORLD: 'true' });
    servers.push(second);
    expect(second.logs.some((l) => l.msg === 'imported the demo reference data (first start)')).toBe(false);
    expect(second.logs.some((l) => l.msg === 'seeded the demo world (first start)')).toBe(false);
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
  });

  it.runIf(process.env.MYSQL_URL)(
    'starts the same app on MariaDB/MySQL with DATABASE_URL and the same demo data',
    async () => {
      const admin = new URL(process.env.MYSQL_URL!);
      const name = `passerelle_e2e_${Date.now().toString(36)}`;
      admin.pathname = '/';
      const conn = await mysql.createConnection({ uri: admin.toString() });
      try {
        await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
        const url = new URL(admin.toString());
        url.pathname = `/${name}`;
        const server = await startServer({ DATABASE_URL: url.toString() });
        servers.push(server);
        expect(server.logs.find((l) => l.msg === 'starting')).toMatchObject({ database: 'mysql' });
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        const [rows] = await conn.query<mysql.RowDataPacket[]>(
          countSql.replaceAll('registry_', `\`${name}\`.registry_`),
        );
        expect({
          businesses: Number(rows[0]?.businesses),
          programAccounts: Number(rows[0]?.programAccounts),
        }).toEqual(expected);
        expect(await server.stop()).toBe(0);
      } finally {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await conn.end();
      }
    },
  );
});
