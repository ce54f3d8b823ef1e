import path from 'node:path';
import { type ModuleManifest } from '../../app/module-manifest.js';
import { createDocumentStorage } from '../../common/storage/create-storage.js';
import { exportEntities } from './exports.entities.js';
import { ExportsResolver } from './exports.resolver.js';
import { exportRoutes } from './exports.routes.js';
import { ExportWorker } from './exports.worker.js';

// Bulk exports (decision 0029): startExport / export(id) / exports, the download route, the worker that runs
// them (leases, resume, expiry of old files).
export const exportsModule: ModuleManifest = {
  name: 'exports',
  resolvers: [ExportsResolver],
  entities: exportEntities,
  // An export's file (GET /api/exports/:id/download).
  transferPaths: ['/api/exports/'],
  routes: ({ config, dataSource }) => [
    exportRoutes({ config, dataSource, storage: createDocumentStorage(config.documents) }),
  ],
  workers: [
    ({ config, dataSource, log, schema }) =>
      new ExportWorker({
        config,
        dataSource,
        log,
        schema,
        storage: createDocumentStorage(config.documents),
        tempDir: path.join(config.dataDir, 'exports-tmp'),
      }),
  ],
};
