import { type ModuleManifest } from '../../app/module-manifest.js';
import { WebhookDeliveryWorker } from './webhook-delivery.worker.js';
import { webhookSubscriber } from './webhook-subscriber.js';
import { webhookEntities } from './webhooks.entities.js';
import {
  BusinessWebhooksResolver,
  WebhookEndpointDeliveriesResolver,
  WebhooksResolver,
} from './webhooks.resolver.js';

export const webhooksModule: ModuleManifest = {
  name: 'webhooks',
  resolvers: [WebhooksResolver, BusinessWebhooksResolver, WebhookEndpointDeliveriesResolver],
  entities: webhookEntities,
  subscribers: [webhookSubscriber],
  workers: [
    // Webhook deliveries (decision 0028). Several processes may run it; leases keep them apart.
    ({ config, dataSource, log }) => {
      if (!config.webhooks.worker) return null;
      const worker = new WebhookDeliveryWorker({ dataSource, config, log });
      return {
        start() {
          worker.start();
          log.info('webhook delivery worker started');
        },
        stop: () => worker.stop(),
      };
    },
  ],
};
