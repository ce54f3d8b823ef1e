import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { In, IsNull, LessThan, MoreThan, type DataSource } from 'typeorm';
import { type Logger } from '../../common/logger.js';
import { type DocumentStorage } from '../../common/storage/document-storage.js';
import { type DocumentsConfig } from '../../config/env.js';
import { Attachment, CaseDocument } from './documents.entities.js';

// What a crash can leave of an upload (decision 0021): its temp folder (killed while the body arrived or
// the files were checked), a stored file or a `.partial` copy without a row (killed between storing the
// files and committing their rows). The sweep removes them once they are older than the grace period, at
// start and every hour; rows whose file is missing (a storage restored from an older backup) are reported,
// never deleted: an officer decides.

/** How often the sweep runs after the one at start. */
export const DOCUMENT_SWEEP_INTERVAL_MS = 60 * 60_000;
const ROW_PAGE = 1000;

export interface SweepReport {
  tempFolders: number;
  orphanFiles: number;
  /** Documents whose row exists but whose file is missing: their ids, for the log. */
  missingFiles: string[];
}

async function sweepTempFolders(tempDir: string, before: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tempDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const folder = path.join(tempDir, name);
    try {
      if ((await stat(folder)).mtime >= before) continue;
      await rm(folder, { recursive: true, force: true });
      removed += 1;
    } catch {
      // Removed meanwhile by its own upload.
    }
  }
  return removed;
}

/** The storage keys of `keys` that have a committed row. */
async function keysWithRows(dataSource: DataSource, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await dataSource
    .getRepository(CaseDocument)
    .find({ select: { storageKey: true }, where: { storageKey: In(keys) } });
  // Attachments (messages, letters) live in the same storage under their own rows.
  const attachments = await dataSource
    .getRepository(Attachment)
    .find({ select: { storageKey: true }, where: { storageKey: In(keys) } });
  return new Set([...rows, ...attachments].map((row) => row.storageKey));
}

/**
 * Removes the leftovers of crashed uploads older than `documents.sweepGraceMs` and reports rows whose file is
 * missing. Storages that cannot list (S3) have only their temp folders swept. Throws what the database threw.
 */
export async function sweepDocuments(
  dataSource: DataSource,
  storage: DocumentStorage,
  documents: DocumentsConfig,
  now: Date,
): Promise<SweepReport> {
  const before = new Date(now.getTime() - documents.sweepGraceMs);
  const report: SweepReport = {
    tempFolders: await sweepTempFolders(documents.tempDir, before),
    orphanFiles: 0,
    missingFiles: [],
  };
  // Attachments uploaded but never given to a message or letter (the form was abandoned): row and file go.
  const abandoned = await dataSource.getRepository(Attachment).find({
    select: { id: true, storageKey: true },
    where: { ownerId: IsNull(), uploadedAt: LessThan(before) },
    take: ROW_PAGE,
  });
  for (const row of abandoned) {
    // Only when the row is still ownerless: one given to its owner meanwhile keeps its file.
    const gone = await dataSource.getRepository(Attachment).delete({ id: row.id, ownerId: IsNull() });
    if (!gone.affected) continue;
    await storage.delete(row.storageKey).catch(() => undefined);
    report.orphanFiles += 1;
  }
  if (!storage.list) return report;

  const present = new Set<string>();
  const old: string[] = [];
  for await (const entry of storage.list()) {
    // Only documents' keys: the storage also holds other modules' files (exports/, decision 0029).
    if (!entry.key.startsWith('documents/')) continue;
    if (entry.partial) {
      if (entry.modifiedAt < before) {
        await storage.delete(entry.key);
        report.orphanFiles += 1;
      }
      continue;
    }
    present.add(entry.key);
    if (entry.modifiedAt < before) old.push(entry.key);
  }
  for (let start = 0; start < old.length; start += ROW_PAGE) {
    const page = old.slice(start, start + ROW_PAGE);
    const committed = await keysWithRows(dataSource, page);
    for (const key of page.filter((k) => !committed.has(k))) {
      await storage.delete(key);
      report.orphanFiles += 1;
    }
  }
  // Rows whose file is gone, a page at a time in id order.
  let after = '';
  for (;;) {
    const rows = await dataSource.getRepository(CaseDocument).find({
      select: { id: true, storageKey: true },
      where: { id: MoreThan(after) },
      order: { id: 'ASC' },
      take: ROW_PAGE,
    });
    for (const row of rows) if (!present.has(row.storageKey)) report.missingFiles.push(row.id);
    if (rows.length < ROW_PAGE) break;
    after = rows.at(-1)!.id;
  }
  return report;
}

/** Runs the sweep now and every DOCUMENT_SWEEP_INTERVAL_MS, logging what it did; answers a stop function. */
export function startDocumentSweeper(deps: {
  dataSource: DataSource;
  storage: DocumentStorage;
  documents: DocumentsConfig;
  now: () => Date;
  log: Logger;
}): () => void {
  const run = () =>
    sweepDocuments(deps.dataSource, deps.storage, deps.documents, deps.now())
      .then((report) => {
        if (report.tempFolders || report.orphanFiles)
          deps.log.info(
            { tempFolders: report.tempFolders, orphanFiles: report.orphanFiles },
            'swept what crashed uploads left',
          );
        if (report.missingFiles.length)
          deps.log.warn(
            { count: report.missingFiles.length, documentIds: report.missingFiles.slice(0, 20) },
            'documents whose stored file is missing',
          );
      })
      .catch((error: unknown) => deps.log.warn({ err: error }, 'document sweep failed; next try later'));
  void run();
  const timer = setInterval(() => void run(), DOCUMENT_SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
