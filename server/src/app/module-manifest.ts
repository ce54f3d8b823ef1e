import { type Router } from 'express';
import { type GraphQLSchema } from 'graphql';
import { type DataSource } from 'typeorm';
import { type ClassType } from '../common/class-type.js';
import { type EventSubscriber } from '../common/events/event-bus.js';
import { type Logger } from '../common/logger.js';
import { type SharedState } from '../common/shared/shared-state.js';
import { type JobDefinition } from '../common/workers/job-runner.js';
import { type AppConfig } from '../config/env.js';

// What a feature module brings to the application (decision 0020). Each module exports one manifest from
// its `<feature>.module.ts`; app/modules.ts lists them, and the four composition points read that list:
// build-schema.ts (resolvers), database/entities.ts (entities), data-source.ts (subscribers), http.ts
// (routes) and main.ts (workers). A new module adds its manifest to the list and touches nothing else.

export interface RouteDeps {
  config: AppConfig;
  dataSource: DataSource;
  /** Aborted when the HTTP server begins to close: long-lived answers (event streams) end then. */
  closing: AbortSignal;
  /** What the deployment's processes share (Redis, or this process): the live bell's stream places. */
  shared: SharedState;
}

export interface WorkerDeps {
  config: AppConfig;
  dataSource: DataSource;
  log: Logger;
  /** The portal's public address, known once the server listens (links in emails). */
  portalUrl: () => string;
  /**
   * A scheduled job run once per due time across every process on the database (job_lease, decision 0027):
   * what every periodic job of a module should be, rather than a timer of each process.
   */
  job: (definition: JobDefinition) => Worker;
  /** The executable schema, for work that runs queries as a caller (exports). */
  schema: GraphQLSchema;
}

/** Background work of a process: started after listen, stopped before the data source closes. */
export interface Worker {
  start(): void;
  /** Lets work in flight finish. */
  stop(): Promise<void>;
}

export interface ModuleManifest {
  /** The module's folder name. */
  name: string;
  /** type-graphql resolver classes. */
  resolvers?: ClassType[];
  /** TypeORM entities (the order does not matter: migrations compare tables). */
  entities?: ClassType[];
  /** Plain HTTP routes, mounted beside /graphql before the SPA. */
  routes?: (deps: RouteDeps) => Router[];
  /** Path prefixes of its routes that carry files: TRANSFER_TIMEOUT_MS, not REQUEST_TIMEOUT_MS, bounds them. */
  transferPaths?: string[];
  /** Background workers; a factory returns null when the configuration turns the worker off. */
  workers?: Array<(deps: WorkerDeps) => Worker | null>;
  /** Reactions to domain events, run in the publishing transaction. */
  subscribers?: EventSubscriber[];
}
