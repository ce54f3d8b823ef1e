import { type ModuleManifest } from '../../app/module-manifest.js';
import { intervalWorker } from '../../common/workers/interval-worker.js';
import { ViewerActingForResolver } from './acting-for.resolver.js';
import { relationshipEntities } from './relationships.entities.js';
import {
  BusinessRelationshipConnectionResolver,
  BusinessRelationshipResolver,
  BusinessRelationshipsResolver,
  RelationshipEventResolver,
  RelationshipsResolver,
} from './relationships.resolver.js';
import { expireRelationships } from './relationships.service.js';

/** How often overdue relationship requests are expired and expiry reminders published. */
const RELATIONSHIP_EXPIRY_INTERVAL_MS = 10 * 60_000;

export const relationshipsModule: ModuleManifest = {
  name: 'relationships',
  resolvers: [
    ViewerActingForResolver,
    RelationshipsResolver,
    BusinessRelationshipResolver,
    RelationshipEventResolver,
    BusinessRelationshipConnectionResolver,
    BusinessRelationshipsResolver,
  ],
  entities: relationshipEntities,
  workers: [
    ({ config, dataSource, log }) =>
      intervalWorker(
        log,
        RELATIONSHIP_EXPIRY_INTERVAL_MS,
        'relationship expiry failed; next try later',
        async () => {
          const { expired, reminded } = await expireRelationships(dataSource, config);
          if (expired || reminded)
            log.info({ expired, reminded }, 'relationship requests expired or reminded');
        },
      ),
  ],
};
