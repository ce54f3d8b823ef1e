import { type ModuleManifest } from '../../app/module-manifest.js';
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
    // Once per due time across every process (job_lease): expiring twice would publish reminders twice.
    ({ config, dataSource, job }) =>
      job({
        name: 'relationship-expiry',
        everyMs: RELATIONSHIP_EXPIRY_INTERVAL_MS,
        async run() {
          const { expired, reminded } = await expireRelationships(dataSource, config);
          return expired || reminded ? { expired, reminded } : undefined;
        },
      }),
  ],
};
