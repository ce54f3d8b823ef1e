import { Writable } from 'node:stream';
import { type Router } from 'express';
import { type GraphQLSchema } from 'graphql';
import { type DataSource } from 'typeorm';
import { buildAppSchema } from '../../src/app/build-schema.js';
import { createHttpApp, type HttpApp } from '../../src/app/http.js';
import { loadConfig, type AppConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/common/logger.js';
import { openSharedState, type SharedState } from '../../src/common/shared/shared-state.js';
import { openDatabase, type DatabaseConfig } from '../../src/database/data-source.js';
import { ContractTestResolver } from './contract-test.resolver.js';
import { GqlClient, type GqlClientOptions } from './gql-client.js';
import { createMigratedTestDatabase, type DriverName } from './databases.js';

/**
 * The schema, built once per module registry (once per worker: vitest.config.ts shares a worker's registry
 * between its files) and shared by every app it starts, as one process's apps share it in production
 * (main.ts builds it once): the resolvers are stateless, a request's state lives in its context. Building it
 * (type-graphql's metadata, its introspection self-check, the access directive's wrapping) is 60 to 350 ms
 * of CPU, and the suite starts a few hundred apps.
 */
let appSchema: Promise<GraphQLSchema> | undefined;

export interface TestApp {
  url: string;
  app: HttpApp;
  config: AppConfig;
  dataSource: DataSource;
  /** What the app shares with other processes (Redis with REDIS_URL in the options' env, else memory). */
  shared: SharedState;
  /** Every log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** The app's clock (config.now): move it instead of sleeping. */
  clock: TestClock;
  /** A cookie-keeping client that sends X-CSRF-Token on mutations, like the browser app. */
  client(options?: GqlClientOptions): GqlClient;
  /** POST /graphql and return the status and parsed body. */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GqlBody }>;
  close(): Promise<void>;
}

export interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Use this database instead of a fresh one (e.g. through a proxy). */
  database?: DatabaseConfig;
  /** Extra HTTP routes, built once the app's data source exists. */
  routes?: (deps: { dataSource: DataSource; config: AppConfig }) => Router[];
}

export interface TestClock {
  now(): Date;
  /** Moves the app's time forward (or back, with a negative duration). */
  advance(ms: number): void;
  /**
   * Stops the app's time where it is, until `thaw()`: only `advance` moves it, however slow the machine (a
   * bound in real time, such as a refill per second, then counts only the time the test gives).
   */
  freeze(): void;
  /** Lets the app's time run again from where it stands. */
  thaw(): void;
}

/** Real time plus an offset the test controls, or a time the test holds. */
function createTestClock(): TestClock {
  let offset = 0;
  let frozen: number | undefined;
  return {
    now: () => new Date(frozen ?? Date.now() + offset),
    advance(ms) {
      if (frozen === undefined) offset += ms;
      else frozen += ms;
    },
    freeze() {
      frozen ??= Date.now() + offset;
    },
    thaw() {
      if (frozen !== undefined) offset = frozen - Date.now();
      frozen = undefined;
    },
  };
}

/** Starts the real HTTP app on a free port over a fresh database, with the contract-test resolvers. */
export async function startTestApp(driver: DriverName, options: StartOptions = {}): Promise<TestApp> {
  const testDb = options.database ? undefined : await createMigratedTestDatabase(driver);
  const database = options.database ?? testDb!.config;
  const clock = createTestClock();
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', ...options.env }),
    database,
    now: () => clock.now(),
  };
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger(config.logLevel, sink);
  const dataSource = await openDatabase(database, config.databaseTimeouts);
  const schema = await (appSchema ??= buildAppSchema({ extraResolvers: [ContractTestResolver] }));
  const routes = options.routes?.({ dataSource, config }) ?? [];
  // Redis when the options' env sets REDIS_URL, else the process's memory (as main.ts does).
  const shared = await openSharedState(config.redis, log);
  const app = await createHttpApp({ config, dataSource, log, schema, routes, shared });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    config,
    dataSource,
    logs,
    clock,
    client: (clientOptions) => new GqlClient(url, clientOptions),
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GqlBody };
    },
    shared,
    async close() {
      await app.close();
      await shared.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await testDb?.dispose();
    },
  };
}
