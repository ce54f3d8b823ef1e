import { type ModuleManifest } from '../../app/module-manifest.js';
import { createDocumentStorage } from '../../common/storage/create-storage.js';
import { letterSubscriber } from './letter-triggers.js';
import { messagingEntities } from './messaging.entities.js';
import { BusinessMessagingResolver, LettersResolver, MessagingResolver } from './messaging.resolver.js';
import { messagingRoutes } from './messaging.routes.js';

export const messagingModule: ModuleManifest = {
  name: 'messaging',
  resolvers: [MessagingResolver, LettersResolver, BusinessMessagingResolver],
  entities: messagingEntities,
  subscribers: [letterSubscriber],
  // Attachment upload and download (multipart streams, the documents module's rules and storage).
  routes: ({ config, dataSource }) => [
    messagingRoutes({ config, dataSource, storage: createDocumentStorage(config.documents) }),
  ],
};
