import { type ModuleManifest } from '../../app/module-manifest.js';
import { createDocumentStorage } from '../../common/storage/create-storage.js';
import { letterSubscriber } from './letter-triggers.js';
import { messagingEntities } from './messaging.entities.js';
import { BusinessMessagingResolver, LettersResolver, MessagingResolver } from './messaging.resolver.js';
import { messagingRoutes } from './messaging.routes.js';
import { ATTACHMENT_DOWNLOAD_BASE } from './messaging.service.js';

export const messagingModule: ModuleManifest = {
  name: 'messaging',
  resolvers: [MessagingResolver, LettersResolver, BusinessMessagingResolver],
  entities: messagingEntities,
  subscribers: [letterSubscriber],
  // Attachment upload and download (multipart streams, the documents module's rules and storage).
  // Attachments and letters' PDFs (LETTER_PDF_BASE is under it).
  transferPaths: [ATTACHMENT_DOWNLOAD_BASE],
  routes: ({ config, dataSource }) => [
    messagingRoutes({ config, dataSource, storage: createDocumentStorage(config.documents) }),
  ],
};
