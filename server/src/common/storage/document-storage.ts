import { type Readable } from 'node:stream';

/**
 * Where the bytes of uploaded documents live. Keys are opaque, made by the server ([a-z0-9-/] only), never
 * from a person's file name. Implementations: a folder on local disk (the default, under DATA_DIR) and an
 * S3-compatible bucket (DOCUMENT_STORAGE=s3). docs/decisions/0012-documents-storage.md.
 */
export interface DocumentStorage {
  readonly kind: 'local' | 's3';
  /** Stores a finished local file (an upload's temp file) under `key`, streaming it. */
  putFile(key: string, sourcePath: string, size: number, contentType: string): Promise<void>;
  /** The stored bytes, as a stream; rejects when there is no such object. */
  open(key: string): Promise<Readable>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * Every stored object and leftover (`<key>.partial`, a copy a crash cut short), with when it was last
   * written, for the sweep. Only storages that can list cheaply have it (local disk; not S3 yet).
   */
  list?(): AsyncIterable<StoredEntry>;
}

/** One object of a storage, as the sweep sees it. */
export interface StoredEntry {
  /** The key, or for a leftover partial copy the key it was meant for plus `.partial`. */
  key: string;
  partial: boolean;
  modifiedAt: Date;
}

// A key, optionally with the `.partial` suffix of a copy in progress (which the sweep may delete).
const safeKey = /^[a-z0-9][a-z0-9/-]{0,99}(\.partial)?$/;

/** Refuses a key that could leave the storage's root (the server makes every key; this is a backstop). */
export function checkKey(key: string): string {
  if (!safeKey.test(key) || key.includes('..') || key.includes('//')) throw new Error(`invalid storage key`);
  return key;
}
