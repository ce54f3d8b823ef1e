import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

export interface TempDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named database on the server of `baseUrl` (a mysql:// URL; its own database name is
 * ignored) so that every test run and every migration generation starts from an empty schema.
 */
export async function createTempMysqlDatabase(
  baseUrl: string,
  prefix = 'passerelle_t',
): Promise<TempDatabase> {
  const url = new URL(baseUrl);
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  url.pathname = '/';
  const admin = await mysql.createConnection({ uri: url.toString() });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(url.toString());
  databaseUrl.pathname = `/${name}`;
  return {
    url: databaseUrl.toString(),
    name,
    async drop() {
      const conn = await mysql.createConnection({ uri: url.toString() });
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
