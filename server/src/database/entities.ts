import { type ClassType } from '../common/class-type.js';
import { apiTokenEntities } from '../modules/api-tokens/api-tokens.entities.js';
import { businessEntities } from '../modules/businesses/businesses.entities.js';
import { financeEntities } from '../modules/finance/finance.entities.js';
import { clientGroupEntities } from '../modules/client-groups/client-groups.entities.js';
import { SecurityEvent } from '../modules/audit/security-event.entity.js';
import { CredentialRecovery } from '../modules/credentials/credential-recovery.entity.js';
import { ServerSecret } from '../modules/credentials/server-secret.entity.js';
import { noticeEntities } from '../modules/notices/notices.entities.js';
import { PersonalProfileRecord } from '../modules/profiles/personal-profile.entity.js';
import { registryEntities } from '../modules/registry/registry.entities.js';
import { relationshipEntities } from '../modules/relationships/relationships.entities.js';
import { UserSession } from '../modules/sessions/user-session.entity.js';
import { AddressThrottle, CredentialThrottle } from '../modules/throttling/throttle.entities.js';
import { User } from '../modules/users/user.entity.js';
import { rulingEntities } from '../modules/rulings/rulings.entities.js';
import { documentEntities } from '../modules/documents/documents.entities.js';

// Every TypeORM entity of the application, listed once: the data source, the migration generator and the
// schema-drift tests all read this array, so an entity missing here is missing everywhere (and the drift
// test says so).
export const entities: ClassType[] = [
  ...registryEntities,
  User,
  CredentialRecovery,
  ServerSecret,
  UserSession,
  PersonalProfileRecord,
  CredentialThrottle,
  AddressThrottle,
  SecurityEvent,
  ...businessEntities,
  ...relationshipEntities,
  ...clientGroupEntities,
  ...apiTokenEntities,
  ...rulingEntities,
  ...documentEntities,
  ...noticeEntities,
  ...financeEntities,
];
