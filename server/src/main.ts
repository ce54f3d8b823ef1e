import 'reflect-metadata';
import { buildAppSchema } from './app/build-schema.js';
import { appModules } from './app/modules.js';
import { createHttpApp } from './app/http.js';
import { ConfigError, loadConfig } from './config/env.js';
import { createLogger } from './common/logger.js';
import { openSharedState } from './common/shared/shared-state.js';
import { leasedJob } from './common/workers/job-runner.js';
import { openDatabase } from './database/data-source.js';
import { createPartnerSignIn } from './modules/partner-sign-in/partner-sign-in.setup.js';
import { seedDemoReferenceDataIfEmpty } from './modules/registry/reference-data.service.js';
import { seedDemoWorld } from './modules/demo/demo-world.service.js';
import { completePartnerSignIn } from './modules/sessions/partner-session.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  log.info({ database: config.database.type, env: config.env }, 'starting');

  const dataSource = await openDatabase(
    config.database,
    config.databaseTimeouts,
    config.migrations === 'check' ? 'check' : 'run',
  );
  if (config.migrations === 'only') {
    // A deploy step run once before the replicas start (docs/operations.md "Scaling out").
    log.info('migrations applied; exiting (DB_MIGRATIONS=only)');
    await dataSource.destroy();
    return;
  }
  if (config.seedDemoData) {
    const seeded = await seedDemoReferenceDataIfEmpty(dataSource, config.now());
    if (seeded) log.info({ counts: seeded.counts }, 'imported the demo reference data (first start)');
  }
  // The demo anyone can try (decision 0037): its prepared people and their world, once; never in production.
  if (config.demo && (await seedDemoWorld(dataSource, config)))
    log.info('seeded the demo world (first start)');
  // Redis when REDIS_URL is set (cost budgets and the live bell shared by every process), else this process.
  const shared = await openSharedState(config.redis, log);
  log.info({ sharedState: shared.kind }, 'shared state ready');
  const schema = await buildAppSchema();
  const partnerSignIn = createPartnerSignIn(config, log, completePartnerSignIn(dataSource, config));
  const app = await createHttpApp({
    config,
    dataSource,
    log,
    schema,
    routes: [partnerSignIn.routes],
    shared,
  });
  const port = await app.listen();
  const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  await partnerSignIn.start(publicUrl);
  log.info({ port, url: publicUrl }, 'listening');

  // The modules' background work: session purge and relationship expiry (leased jobs, run once across the
  // processes), the notice email outbox (leased rows), the document sweep.
  const jobDeps = {
    dataSource,
    log,
    now: config.now,
    leaseMs: config.jobLeaseMs,
    pollMs: config.jobPollMs,
  };
  const workers = appModules
    .flatMap((module) => module.workers ?? [])
    .map((create) =>
      create({
        config,
        dataSource,
        log,
        schema,
        portalUrl: () => publicUrl,
        job: (definition) => leasedJob(jobDeps, definition),
      }),
    )
    .filter((worker) => worker !== null);
  for (const worker of workers) worker.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, drainDelayMs: config.shutdownDrainDelayMs }, 'shutting down');
    try {
      // The app is not ready at once and still answers for SHUTDOWN_DRAIN_DELAY_MS, then drains; meanwhile each
      // worker lets its work in flight finish (an email being sent is recorded as sent, not sent again).
      await Promise.all([...workers.map((worker) => worker.stop()), app.close()]);
      await partnerSignIn.close();
      await shared.close();
      await dataSource.destroy();
      log.info('stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Passerelle could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
