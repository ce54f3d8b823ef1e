import { useWebhooksResendMutation, useWebhooksSendTestMutation } from '../../../generated/graphql';
import { webhookQueries } from './webhook-queries';

/**
 * Queues a test event to an endpoint, or a delivery again; each answers its refusals (`userErrors`), and
 * the page's deliveries are asked again before it does (the worker sends a moment later: "Refresh").
 */
export function useWebhookDeliveries() {
  const [sendTest, { loading: testing }] = useWebhooksSendTestMutation(webhookQueries);
  const [resend, { loading: resending }] = useWebhooksResendMutation(webhookQueries);
  const sendTestEvent = async (endpointId: string) =>
    (await sendTest({ variables: { endpointId } })).data?.sendWebhookTestEvent.userErrors;
  const resendDelivery = async (deliveryId: string) =>
    (await resend({ variables: { deliveryId } })).data?.resendWebhookDelivery.userErrors;
  return { sendTestEvent, resendDelivery, testing, resending };
}
