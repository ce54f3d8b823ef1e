import { type ModuleManifest } from '../../app/module-manifest.js';
import { SecurityEvent } from './security-event.entity.js';

export const auditModule: ModuleManifest = {
  name: 'audit',
  entities: [SecurityEvent],
};
