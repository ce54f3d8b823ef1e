import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppProcess } from '../support/app-process.js';

// What a start loads is what every start pays for, in CPU before the first request: a server on the embedded
// defaults (SQLite, no REDIS_URL, the mail file sink) loads neither the MySQL nor the Redis client, nor
// nodemailer until a message is sent, nor pdf-lib until a letter's PDF is asked for (decision 0065). Together
// they were about a fifth of a start's CPU (3.1 s against 2.5 s for the built server).

describe('a start on the embedded defaults', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-footprint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads no client for a service it does not use, and no PDF library', async () => {
    const file = path.join(dir, 'packages.txt');
    const app = await startAppProcess('footprint', {
      NODE_OPTIONS: `--import ${path.resolve(import.meta.dirname, '../support/loaded-packages.mjs')}`,
      LOADED_PACKAGES_FILE: file,
    });
    expect(await app.stop()).toBe(0);
    const loaded = readFileSync(file, 'utf8').split('\n');
    // The process did load its CommonJS packages through the preload: the list is not empty by accident.
    expect(loaded).toEqual(expect.arrayContaining(['typeorm', 'better-sqlite3']));
    expect(loaded.filter((name) => ['mysql2', 'ioredis', 'nodemailer', 'pdf-lib'].includes(name))).toEqual(
      [],
    );
  });
});
