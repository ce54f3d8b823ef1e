import { type DocumentsConfig } from '../../config/env.js';
import { type DocumentStorage } from './document-storage.js';
import { localDiskStorage } from './local-disk-storage.js';
import { s3Storage } from './s3-storage.js';

/** The document storage the configuration names (DOCUMENT_STORAGE). */
export function createDocumentStorage(config: DocumentsConfig): DocumentStorage {
  return config.storage.kind === 's3' ? s3Storage(config.storage) : localDiskStorage(config.storage.dir);
}
