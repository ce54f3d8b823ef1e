import { type ModuleManifest } from '../../app/module-manifest.js';
import { createDocumentStorage } from '../../common/storage/create-storage.js';
import { documentEntities } from './documents.entities.js';
import { documentRoutes } from './documents.routes.js';

export const documentsModule: ModuleManifest = {
  name: 'documents',
  entities: documentEntities,
  // Document upload and download (multipart streams; same session, CSRF token and access table).
  routes: ({ config, dataSource }) => [
    documentRoutes({ config, dataSource, storage: createDocumentStorage(config.documents) }),
  ],
};
