import 'reflect-metadata';
import { buildAppSchema } from './app/build-schema.js';
import { createHttpApp } from './app/http.js';
import { ConfigError, loadConfig } from './config/env.js';
import { createLogger } from './common/logger.js';
import { openDatabase } from './database/data-source.js';
import { createPartnerSignIn } from './modules/partner-sign-in/partner-sign-in.setup.js';
import { createMailTransport } from './common/mail/mail-transport.js';
import { MailOutboxWorker } from './modules/notices/mail-outbox.worker.js';
import { seedDemoReferenceDataIfEmpty } from './modules/registry/reference-data.service.js';
import { expireRelationships } from './modules/relationships/relationships.service.js';
import { completePartnerSignIn } from './modules/sessions/partner-session.js';
import { purgeExpiredSessions } from './modules/sessions/session.service.js';
import { createDocumentStorage } from './common/storage/create-storage.js';
import { startDocumentSweeper } from './modules/documents/documents.sweep.js';

/** How often expired sessions nobody came back to are deleted. */
const SESSION_PURGE_INTERVAL_MS = 10 * 60_000;
/** How often overdue relationship requests are expired and expiry reminders published. */
const RELATIONSHIP_EXPIRY_INTERVAL_MS = 10 * 60_000;

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

  const dataSource = await openDatabase(config.database, config.databaseTimeouts);
  if (config.seedDemoData) {
    const seeded = await seedDemoReferenceDataIfEmpty(dataSource);
    if (seeded) log.info({ counts: seeded.counts }, 'imported the demo reference data (first start)');
  }
  const schema = await buildAppSchema();
  const partnerSignIn = createPartnerSignIn(config, log, completePartnerSignIn(dataSource, config));
  const app = await createHttpApp({ config, dataSource, log, schema, routes: [partnerSignIn.routes] });
  const port = await app.listen();
  const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  await partnerSignIn.start(publicUrl);
  log.info({ port, url: publicUrl }, 'listening');

  const purge = setInterval(() => {
    purgeExpiredSessions(dataSource, config)
      .then((count) => {
        if (count) log.info({ count }, 'purged expired sessions');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'session purge failed; next try later'));
  }, SESSION_PURGE_INTERVAL_MS);
  // Never what keeps the process alive.
  purge.unref();
  const expiry = setInterval(() => {
    expireRelationships(dataSource, config)
      .then(({ expired, reminded }) => {
        if (expired || reminded) log.info({ expired, reminded }, 'relationship requests expired or reminded');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'relationship expiry failed; next try later'));
  }, RELATIONSHIP_EXPIRY_INTERVAL_MS);
  expiry.unref();
  // What crashed uploads left (temp folders, stored files without a row): at start, then hourly.
  const stopSweep = startDocumentSweeper({
    dataSource,
    storage: createDocumentStorage(config.documents),
    documents: config.documents,
    now: config.now,
    log,
  });
  // Notice emails: the outbox worker (docs/notices.md). Several processes may run it; leases keep them apart.
  const mailTransport = createMailTransport(config.mail);
  const mailWorker = new MailOutboxWorker({
    dataSource,
    transport: mailTransport,
    mail: config.mail,
    portalUrl: () => publicUrl,
    now: config.now,
    log,
  });
  if (config.mail.worker) {
    mailWorker.start();
    log.info({ transport: config.mail.transport }, 'notice email worker started');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    clearInterval(purge);
    clearInterval(expiry);
    stopSweep();
    try {
      // Lets the email in flight finish and be recorded as sent, so a restart does not send it again.
      await mailWorker.stop();
      mailTransport.close();
      await app.close();
      await partnerSignIn.close();
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
