import net from 'node:net';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWithRetry } from './database-templates.js';

// The test databases' connects (support/database-templates.ts): a connect that the server resets is tried
// again, as CI needed once at the start of a run (`connect ECONNRESET 127.0.0.1:3306` failed both worlds).
describe.runIf(process.env.MYSQL_URL)('test database connects', () => {
  const target = new URL(process.env.MYSQL_URL ?? 'mysql://127.0.0.1:3306');
  let resets = 0;
  let proxy: net.Server;
  let url: string;

  beforeAll(async () => {
    // Resets the next connect it is told to (`resets`), and passes the others to the real server.
    proxy = net.createServer((socket) => {
      if (resets > 0) {
        resets -= 1;
        socket.resetAndDestroy();
        return;
      }
      const upstream = net.connect(Number(target.port || 3306), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const via = new URL(target);
    via.hostname = '127.0.0.1';
    via.port = String((proxy.address() as net.AddressInfo).port);
    url = via.toString();
  });
  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  it('a reset connect fails a plain connect, and is tried again by connectWithRetry', async () => {
    resets = 1;
    await expect(mysql.createConnection({ uri: url })).rejects.toMatchObject({ code: 'ECONNRESET' });

    resets = 2;
    const connection = await connectWithRetry({ uri: url });
    const [rows] = await connection.query('SELECT 1 AS one');
    await connection.end();
    expect(rows).toEqual([{ one: 1 }]);
    expect(resets).toBe(0);

    resets = 3;
    await expect(connectWithRetry({ uri: url })).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
