import { accessModule } from '../modules/access/access.module.js';
import { apiTokensModule } from '../modules/api-tokens/api-tokens.module.js';
import { auditModule } from '../modules/audit/audit.module.js';
import { businessesModule } from '../modules/businesses/businesses.module.js';
import { claimsModule } from '../modules/claims/claims.module.js';
import { calculatorModule } from '../modules/calculator/calculator.module.js';
import { clientGroupsModule } from '../modules/client-groups/client-groups.module.js';
import { credentialsModule } from '../modules/credentials/credentials.module.js';
import { delegationModule } from '../modules/delegation/delegation.module.js';
import { documentsModule } from '../modules/documents/documents.module.js';
import { exportsModule } from '../modules/exports/exports.module.js';
import { financeModule } from '../modules/finance/finance.module.js';
import { idempotencyModule } from '../modules/idempotency/idempotency.module.js';
import { messagingModule } from '../modules/messaging/messaging.module.js';
import { noticesModule } from '../modules/notices/notices.module.js';
import { officersModule } from '../modules/officers/officers.module.js';
import { portalModule } from '../modules/portal/portal.module.js';
import { demoModule } from '../modules/demo/demo.module.js';
import { profilesModule } from '../modules/profiles/profiles.module.js';
import { registryModule } from '../modules/registry/registry.module.js';
import { relationshipsModule } from '../modules/relationships/relationships.module.js';
import { rulingsModule } from '../modules/rulings/rulings.module.js';
import { sessionsModule } from '../modules/sessions/sessions.module.js';
import { throttlingModule } from '../modules/throttling/throttling.module.js';
import { usersModule } from '../modules/users/users.module.js';
import { webhooksModule } from '../modules/webhooks/webhooks.module.js';
import { type ModuleManifest } from './module-manifest.js';

// Every feature module of the application, listed once (decision 0020). The schema, the entities, the
// event subscribers, the HTTP routes and the workers are all read from here. The sign-in partner
// (partner-sign-in/) is wired in main.ts: it starts after the server listens, with the public address.
export const appModules: readonly ModuleManifest[] = [
  registryModule,
  usersModule,
  credentialsModule,
  sessionsModule,
  profilesModule,
  throttlingModule,
  auditModule,
  accessModule,
  portalModule,
  demoModule,
  officersModule,
  businessesModule,
  relationshipsModule,
  clientGroupsModule,
  apiTokensModule,
  delegationModule,
  rulingsModule,
  documentsModule,
  messagingModule,
  calculatorModule,
  noticesModule,
  financeModule,
  webhooksModule,
  idempotencyModule,
  exportsModule,
  claimsModule,
];
