import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkKey, type DocumentStorage, type StoredEntry } from './document-storage.js';

/** Documents as files under one folder (DATA_DIR/documents by default). */
export function localDiskStorage(root: string): DocumentStorage {
  const fileOf = (key: string) => path.join(root, ...checkKey(key).split('/'));
  return {
    kind: 'local',
    async putFile(key, sourcePath) {
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.partial`;
      // Copy then rename: a reader never sees half a file, and the temp file may be on another device.
      await copyFile(sourcePath, partial);
      await rename(partial, target);
    },
    async open(key) {
      const file = fileOf(key);
      await stat(file);
      return createReadStream(file);
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async exists(key) {
      try {
        return (await stat(fileOf(key))).isFile();
      } catch {
        return false;
      }
    },
    async *list(): AsyncIterable<StoredEntry> {
      let entries;
      try {
        entries = await readdir(root, { recursive: true, withFileTypes: true });
      } catch {
        return; // Nothing stored yet.
      }
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const full = path.join(entry.parentPath, entry.name);
        const key = path.relative(root, full).split(path.sep).join('/');
        try {
          yield { key, partial: key.endsWith('.partial'), modifiedAt: (await stat(full)).mtime };
        } catch {
          // Gone meanwhile (deleted by its upload's own clean-up).
        }
      }
    },
  };
}
