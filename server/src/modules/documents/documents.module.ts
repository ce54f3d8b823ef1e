import { type ModuleManifest } from '../../app/module-manifest.js';
import { createDocumentStorage } from '../../common/storage/create-storage.js';
import { documentEntities } from './documents.entities.js';
import { documentRoutes } from './documents.routes.js';
import { startDocumentSweeper } from './documents.sweep.js';

export const documentsModule: ModuleManifest = {
  name: 'documents',
  entities: documentEntities,
  // Document upload and download (multipart streams; same session, CSRF token and access table).
  transferPaths: ['/api/documents'],
  routes: ({ config, dataSource }) => [
    documentRoutes({ config, dataSource, storage: createDocumentStorage(config.documents) }),
  ],
  // What crashed uploads left (temp folders, stored files without a row): at start, then hourly. In every
  // process, not under a job lease (decision 0027): each process's uploads-tmp folder is its own, and the
  // orphan sweep is idempotent (two processes removing the same orphan remove it once).
  workers: [
    ({ config, dataSource, log }) => {
      let stopSweep: (() => void) | undefined;
      return {
        start() {
          stopSweep = startDocumentSweeper({
            dataSource,
            storage: createDocumentStorage(config.documents),
            documents: config.documents,
            now: config.now,
            log,
          });
        },
        stop() {
          stopSweep?.();
          return Promise.resolve();
        },
      };
    },
  ],
};
