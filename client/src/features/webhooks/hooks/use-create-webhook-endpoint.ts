import { type CreateWebhookEndpointInput, useWebhooksCreateMutation } from '../../../generated/graphql';
import { webhookQueries } from './webhook-queries';

/** Registers a webhook endpoint; the payload's signing `secret` is shown once and kept nowhere else. */
export function useCreateWebhookEndpoint() {
  const [create, { loading }] = useWebhooksCreateMutation(webhookQueries);
  const send = async (input: CreateWebhookEndpointInput) =>
    (await create({ variables: { input } })).data?.createWebhookEndpoint;
  return { createWebhookEndpoint: send, loading };
}
