import { appModules } from '../app/modules.js';
import { type ClassType } from '../common/class-type.js';
import { DomainEventRecord } from '../common/events/domain-event.entity.js';
import { JobLease } from '../common/workers/job-lease.entity.js';

// Every TypeORM entity of the application: the event outbox's and each module's, from the manifests
// (app/modules.ts). The data source, the migration generator and the schema-drift tests all read this
// array, so an entity missing here is missing everywhere (and the drift test says so).
export const entities: ClassType[] = [
  DomainEventRecord,
  JobLease,
  ...appModules.flatMap((module) => module.entities ?? []),
];
