import { type ModuleManifest } from '../../app/module-manifest.js';
import { SecurityEvent } from './security-event.entity.js';
import { ViewerSecurityEventsResolver } from './viewer-security-events.resolver.js';

export const auditModule: ModuleManifest = {
  name: 'audit',
  resolvers: [ViewerSecurityEventsResolver],
  entities: [SecurityEvent],
};
