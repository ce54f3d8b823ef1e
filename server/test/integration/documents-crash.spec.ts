import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localDiskStorage } from '../../src/common/storage/local-disk-storage.js';
import { type DatabaseConfig } from '../../src/database/data-source.js';
import { CaseDocument } from '../../src/modules/documents/documents.entities.js';
import { sweepDocuments } from '../../src/modules/documents/documents.sweep.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { createTestDatabase } from '../support/databases.js';
import { requestRuling } from '../support/documents.js';
import { accountsOf, BN, person, registerDirectly } from '../support/relationships.js';
import { startTestApp } from '../support/test-app.js';

// A server killed (SIGKILL) in the middle of an upload, then started again on the same data: after the start's
// sweep nothing of the upload is left (decision 0021). The server runs in a child vitest process (the app
// needs vitest's TypeScript transform), started by this same file with CRASH_CHILD set.

const child = process.env.CRASH_CHILD;

describe.runIf(child)('crash child', () => {
  it('serves until killed', async () => {
    const { database, dataDir } = JSON.parse(child!) as { database: DatabaseConfig; dataDir: string };
    const t = await startTestApp('sqlite', { database, env: { DATA_DIR: dataDir } });
    // Read by the parent from the child's stderr (where vitest passes console.warn through).
    console.warn(`CRASH_CHILD_URL=${t.url}`);
    await new Promise(() => undefined);
  }, 600_000);
});

describe.runIf(!child)('a server killed during an upload', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-crash-'));
  let server: ChildProcess | undefined;
  let dispose: (() => Promise<void>) | undefined;
  afterAll(async () => {
    // The child runs in its own process group: end it, and its vitest worker, by that group's id.
    if (server?.pid && server.exitCode === null && server.signalCode === null)
      process.kill(-server.pid, 'SIGKILL');
    await dispose?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves nothing behind once restarted', async () => {
    const db = await createTestDatabase('sqlite');
    dispose = () => db.dispose();
    const setup = await startTestApp('sqlite', { database: db.config, env: { DATA_DIR: dataDir } });
    await importReferenceData(setup.dataSource, await loadDemoReferenceData());
    const bam = await person(setup, 'CrashBam2026', 'Carl', 'Crash');
    await registerDirectly(setup, BN.NORTHERN, bam.userId);
    const { RM0001: rm } = await accountsOf(setup, BN.NORTHERN);
    const { caseNumber } = await requestRuling(bam.client, rm);
    const csrf = (await bam.client.csrf())!;
    await setup.close();

    server = spawn('npx', ['vitest', 'run', 'test/integration/documents-crash.spec.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, CRASH_CHILD: JSON.stringify({ database: db.config, dataDir }) },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stderr!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /CRASH_CHILD_URL=(http:\/\/[\d.:]+)/.exec(out);
        if (match) resolve(match[1]);
      });
      server!.on('exit', () => reject(new Error(`child ended: ${out.slice(-2000)}`)));
    });

    // An upload whose body stops half-way through its second file: the server holds it in its temp folder.
    const boundary = '----passerelle-crash';
    const request = http.request(`${url}/api/documents`, {
      method: 'POST',
      headers: {
        cookie: `passerelle_session=${bam.client.session}`,
        'x-csrf-token': csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    request.on('error', () => undefined);
    const part = (name: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n` +
      'Content-Type: application/pdf\r\n\r\n';
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\nOTHER\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="caseNumber"\r\n\r\n${caseNumber}\r\n` +
        `${part('one.pdf')}%PDF-1.4\n${'x'.repeat(200_000)}\r\n${part('two.pdf')}%PDF-1.4\n${'y'.repeat(200_000)}`,
    );
    const tempDir = path.join(dataDir, 'uploads-tmp');
    const written = () => {
      try {
        return readdirSync(tempDir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
      } catch {
        return 0;
      }
    };
    for (let i = 0; i < 200 && written() < 200_000; i++) await new Promise((r) => setTimeout(r, 50));
    expect(written()).toBeGreaterThanOrEqual(200_000);

    process.kill(-server.pid!, 'SIGKILL');
    await new Promise((resolve) => server!.once('exit', resolve));
    request.destroy();
    // The kill left the upload's temp folder behind.
    expect(readdirSync(tempDir)).toHaveLength(1);

    // Started again: the start's sweep (grace 0 here: no other process can be uploading).
    const again = await startTestApp('sqlite', {
      database: db.config,
      env: { DATA_DIR: dataDir, DOCUMENT_SWEEP_GRACE_MINUTES: '0' },
    });
    try {
      const { documents } = again.config;
      if (documents.storage.kind !== 'local') throw new Error('local storage expected');
      const report = await sweepDocuments(
        again.dataSource,
        localDiskStorage(documents.storage.dir),
        documents,
        new Date(Date.now() + 1000),
      );
      expect(report).toEqual({ tempFolders: 1, orphanFiles: 0, missingFiles: [] });
      expect(readdirSync(tempDir)).toEqual([]);
      expect(await again.dataSource.getRepository(CaseDocument).count()).toBe(0);
    } finally {
      await again.close();
    }
  }, 120_000);
});
