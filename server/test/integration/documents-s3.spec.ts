import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Storage } from '../../src/common/storage/s3-storage.js';
import { CaseDocument } from '../../src/modules/documents/documents.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { download, pdfOfSize, requestRuling, sampleExe, samplePdf, upload } from '../support/documents.js';
import { accountsOf, BN, person, registerDirectly } from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The S3 driver against a real S3-compatible server (s3rver, in this process, on a free port): objects
// written, read, checked and deleted over its HTTP API, then a whole upload and download through the app
// with DOCUMENT_STORAGE=s3. s3rver checks the access key of a Signature Version 4 request but not the
// signature's arithmetic (its docs say so): the signing itself is aws4's, untested here against AWS.

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('S3-compatible document storage', () => {
  let server: S3rver;
  let endpoint: string;
  let dir: string;
  const bucket = 'passerelle-documents';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-s3-'));
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: path.join(dir, 's3'),
      configureBuckets: [{ name: bucket, configs: [] }],
    });
    const { port } = (await server.run()) as unknown as { port: number };
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const options = () => ({
    endpoint,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });

  // Tens of megabytes through a real server: on a loaded 2-core machine this outlived the 30 s default.
  it(
    'puts, opens, checks and deletes an object, streaming a 15 MB file both ways',
    { timeout: 90_000 },
    async () => {
      const storage = s3Storage(options());
      const file = path.join(dir, 'big.pdf');
      const content = pdfOfSize(15 * 1024 * 1024);
      writeFileSync(file, content);
      await storage.putFile('documents/0000-big', file, content.length, 'application/pdf');
      expect(await storage.exists('documents/0000-big')).toBe(true);
      expect((await readAll(await storage.open('documents/0000-big'))).equals(content)).toBe(true);
      await storage.delete('documents/0000-big');
      expect(await storage.exists('documents/0000-big')).toBe(false);
      await expect(storage.open('documents/0000-big')).rejects.toThrow(/HTTP 404 NoSuchKey/);
    },
  );

  it('is refused with an access key the server does not know', async () => {
    const storage = s3Storage({ ...options(), accessKeyId: 'NOBODY' });
    const file = path.join(dir, 'small.pdf');
    writeFileSync(file, samplePdf());
    await expect(
      storage.putFile('documents/0001', file, samplePdf().length, 'application/pdf'),
    ).rejects.toThrow(/HTTP 403/);
  });

  describe('through the app with DOCUMENT_STORAGE=s3', () => {
    let t: TestApp;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-s3-app-'));
      t = await startTestApp('sqlite', {
        env: {
          DATA_DIR: dataDir,
          DOCUMENT_STORAGE: 's3',
          S3_ENDPOINT: endpoint,
          S3_BUCKET: bucket,
          S3_ACCESS_KEY_ID: 'S3RVER',
          S3_SECRET_ACCESS_KEY: 'S3RVER',
        },
      });
      await importReferenceData(t.dataSource, await loadDemoReferenceData());
    });
    afterAll(async () => {
      await t?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('stores an upload in the bucket, serves it back, and keeps nothing of a refused one', async () => {
      const bam = await person(t, 'S3Bam2026', 'Sam', 'Bucket');
      await registerDirectly(t, BN.NORTHERN, bam.userId);
      const { RM0001: rm } = await accountsOf(t, BN.NORTHERN);
      const ruling = await requestRuling(bam.client, rm);
      const content = samplePdf('Stored in S3');
      const answer = await upload(
        t.url,
        bam.client,
        { category: 'PHOTOGRAPHS', caseNumber: ruling.caseNumber },
        [{ name: 'photo-sheet.pdf', content }],
      );
      expect(answer.status).toBe(201);
      const row = await t.dataSource
        .getRepository(CaseDocument)
        .findOneByOrFail({ id: answer.body.documents![0].id });
      expect(await s3Storage(options()).exists(row.storageKey)).toBe(true);
      const got = await download(t.url, bam.client, answer.body.documents![0].downloadUrl);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(content)).toBe(true);

      const refused = await upload(t.url, bam.client, { category: 'OTHER', caseNumber: ruling.caseNumber }, [
        { name: 'ok.pdf', content },
        { name: 'bad.pdf', content: sampleExe() },
      ]);
      expect(refused.status).toBe(422);
      expect(await t.dataSource.getRepository(CaseDocument).count()).toBe(1);
    });
  });
});
