import { type ModuleManifest } from '../../app/module-manifest.js';
import { WebhookDeliveryWorker } from './webhook-delivery.worker.js';
import { webhookSubscriber } from './webhook-subscriber.js';
import { webhookEntities } from './webhooks.entities.js';
import {
  BusinessWebhooksResolver,
  WebhookEndpointDeliveriesResolver,
  WebhooksResolver,
} from './webhooks.resolver.js';
import { purgeOldEvents } from './webhooks.service.js';

/** How often events older than the feed's 30 days are deleted (with their deliveries). */
const EVENT_PURGE_EVERY_MS = 3_600_000;
/** Batches of 500 events one purge run deletes at most. */
const EVENT_PURGE_BATCHES = 20;

export const webhooksModule: ModuleManifest = {
  name: 'webhooks',
  resolvers: [WebhooksResolver, BusinessWebhooksResolver, WebhookEndpointDeliveriesResolver],
  entities: webhookEntities,
  subscribers: [webhookSubscriber],
  workers: [
    // Webhook deliveries (decisions 0028, 0040): a scheduled job under the job lease, every WEBHOOK_POLL_MS;
    // the deliveries' own row leases keep a run that outlived its job lease from sending anything twice.
    ({ config, dataSource, log, job }) => {
      if (!config.webhooks.worker) return null;
      const worker = new WebhookDeliveryWorker({ dataSource, config, log });
      return job({
        name: 'webhook-deliveries',
        everyMs: config.webhooks.pollMs,
        run: () => worker.runRounds(),
      });
    },
    // The events feed keeps 30 days: older events and their deliveries go, once an hour in one process.
    ({ config, dataSource, job }) => {
      if (!config.webhooks.worker) return null;
      return job({
        name: 'webhook-event-purge',
        everyMs: EVENT_PURGE_EVERY_MS,
        async run() {
          let purged = 0;
          for (let batch = 0; batch < EVENT_PURGE_BATCHES; batch++) {
            const count = await purgeOldEvents(dataSource, config.now());
            purged += count;
            if (count === 0) break;
          }
          return purged ? { purgedWebhookEvents: purged } : undefined;
        },
      });
    },
  ],
};
