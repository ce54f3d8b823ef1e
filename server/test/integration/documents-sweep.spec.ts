import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDiskStorage } from '../../src/common/storage/local-disk-storage.js';
import { CaseDocument } from '../../src/modules/documents/documents.entities.js';
import { DocumentCategory } from '../../src/modules/documents/documents.types.js';
import { sweepDocuments } from '../../src/modules/documents/documents.sweep.js';
import { drivers } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// What a process killed during uploads leaves behind (issue "Hold under faults and attack", item 4: after 16
// kills, 14 temp folders and 6 to 10 stored files without a row), laid out as the upload code writes it, then
// swept as the next start does (decision 0021).

const MINUTE = 60_000;

describe.each(drivers)('document sweep on %s', (driver) => {
  let t: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-sweep-'));
    t = await startTestApp(driver, { env: { DATA_DIR: dataDir, DOCUMENT_SWEEP_GRACE_MINUTES: '10' } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('removes temp folders, files without a committed row and partial copies older than the grace period, keeps the rest, and reports rows without a file', async () => {
    const { documents } = t.config;
    if (documents.storage.kind !== 'local') throw new Error('local storage expected');
    const storage = localDiskStorage(documents.storage.dir);
    const source = path.join(dataDir, 'source.pdf');
    writeFileSync(source, '%PDF-1.4\n');

    // Killed while the body arrived: a temp folder with a part of a file.
    const tempFolder = path.join(documents.tempDir, randomUUID());
    mkdirSync(tempFolder, { recursive: true });
    writeFileSync(path.join(tempFolder, '0'), '%PDF-1.4\npart');
    // Killed between storing the files and committing their rows, or in the middle of a copy.
    const orphan = `documents/${randomUUID()}`;
    await storage.putFile(orphan, source, 9, 'application/pdf');
    const partial = path.join(documents.storage.dir, 'documents', `${randomUUID()}.partial`);
    writeFileSync(partial, '%PDF');
    // A committed document, and a row whose file went missing.
    const kept = { id: randomUUID(), key: '' };
    kept.key = `documents/${kept.id}`;
    await storage.putFile(kept.key, source, 9, 'application/pdf');
    const missing = randomUUID();
    const row = (id: string) => ({
      id,
      rulingId: randomUUID(),
      businessId: randomUUID(),
      programAccountId: randomUUID(),
      uploadId: randomUUID(),
      category: DocumentCategory.OTHER,
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      sizeBytes: 9,
      storageKey: `documents/${id}`,
      uploadedBy: randomUUID(),
      uploadedAt: new Date(),
    });
    await t.dataSource.getRepository(CaseDocument).insert([row(kept.id), row(missing)]);

    // Within the grace period an upload may still be in progress: nothing goes.
    const early = await sweepDocuments(t.dataSource, storage, documents, new Date());
    expect(early).toEqual({ tempFolders: 0, orphanFiles: 0, missingFiles: [missing] });
    expect(existsSync(tempFolder) && (await storage.exists(orphan)) && existsSync(partial)).toBe(true);

    // After it, what no row owns goes; the committed document stays.
    const later = await sweepDocuments(t.dataSource, storage, documents, new Date(Date.now() + 11 * MINUTE));
    expect(later).toEqual({ tempFolders: 1, orphanFiles: 2, missingFiles: [missing] });
    expect(readdirSync(documents.tempDir)).toEqual([]);
    expect(await storage.exists(orphan)).toBe(false);
    expect(existsSync(partial)).toBe(false);
    expect(await storage.exists(kept.key)).toBe(true);
    expect(readdirSync(path.join(documents.storage.dir, 'documents'))).toEqual([kept.id]);
  });
});
