import { type ModuleManifest } from '../../app/module-manifest.js';
import { createMailTransport } from '../../common/mail/mail-transport.js';
import { MailOutboxWorker } from './mail-outbox.worker.js';
import { bellRecountSubscriber } from './bell-recount.js';
import { noticeSubscriber } from './notice-subscriber.js';
import { noticeStreamRoutes, streamPlaceTtlMs } from './notices-stream.routes.js';
import { noticeEntities } from './notices.entities.js';
import { NoticesResolver } from './notices.resolver.js';

export const noticesModule: ModuleManifest = {
  name: 'notices',
  resolvers: [NoticesResolver],
  entities: noticeEntities,
  subscribers: [noticeSubscriber, bellRecountSubscriber],
  // The live bell: a server-sent events stream of the caller's unread count and new notices.
  routes: ({ config, dataSource, closing, shared }) => [
    noticeStreamRoutes({ config, dataSource, closing, slots: shared.streamSlots(streamPlaceTtlMs(config)) }),
  ],
  workers: [
    // Notice emails: the outbox worker (docs/notices.md). Several processes may run it; leases keep them apart.
    ({ config, dataSource, log, portalUrl }) => {
      if (!config.mail.worker) return null;
      const transport = createMailTransport(config.mail);
      const worker = new MailOutboxWorker({
        dataSource,
        transport,
        mail: config.mail,
        portalUrl,
        now: config.now,
        log,
      });
      return {
        start() {
          worker.start();
          log.info({ transport: config.mail.transport }, 'notice email worker started');
        },
        async stop() {
          // Lets the email in flight finish and be recorded as sent, so a restart does not send it again.
          await worker.stop();
          transport.close();
        },
      };
    },
  ],
};
