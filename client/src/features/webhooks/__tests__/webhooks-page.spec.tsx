import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  WebhooksCreateDocument,
  WebhooksDataDocument,
  WebhooksResendDocument,
  WebhooksSendTestDocument,
} from '../../../generated/graphql';
import { button, choice, input, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import { always, headerMock, signedIn } from '../../../test/fixtures/business-fixtures';

const maple = {
  id: 'b-p',
  businessNumber: '345678902',
  name: 'Maple Leaf Customs',
  accounts: ['345678902RM0001'],
};
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

interface Delivery {
  id: string;
  status: string;
}

function dataMock(
  endpoints: () => Array<{ id: string; deliveries: Delivery[] }>,
  role = 'BUSINESS_ACCOUNT_MANAGER',
) {
  return always(WebhooksDataDocument, () => ({
    me: {
      __typename: 'Viewer',
      id: 'user-1',
      activeBusiness: {
        __typename: 'Business',
        id: maple.id,
        name: maple.name,
        viewerMembership: { __typename: 'Membership', id: 'm-1', role },
        webhookEndpoints: endpoints().map((e) => ({
          __typename: 'WebhookEndpointNode',
          id: e.id,
          url: 'https://broker.example/hook',
          description: 'Broker system',
          eventTypes: ['notice.created'],
          enabled: true,
          disabledReason: null,
          failingSince: null,
          createdAt: '2026-11-20T15:00:00Z',
          recentDeliveries: e.deliveries.map((d) => ({
            __typename: 'WebhookDeliveryNode',
            id: d.id,
            eventId: 'ev-1',
            eventType: 'webhook.test',
            status: d.status,
            attempts: 1,
            responseStatus: d.status === 'DELIVERED' ? 204 : null,
            lastError: null,
            lastAttemptAt: '2026-11-20T15:01:00Z',
            createdAt: '2026-11-20T15:00:30Z',
          })),
        })),
      },
    },
    webhookEventTypes: [
      { __typename: 'WebhookEventTypeNode', type: 'notice.created', version: 1 },
      { __typename: 'WebhookEventTypeNode', type: 'relationship.ended', version: 1 },
    ],
  }));
}

const payloadOf = (name: string, typename: string, value: Record<string, unknown>) => ({
  data: { [name]: { __typename: typename, userErrors: [], ...value } },
});

describe('Webhooks page', { timeout: 20_000 }, () => {
  it('registers an endpoint (secret shown once), sends a test event and resends its delivery', async () => {
    const user = userEvent.setup();
    let endpoints: Array<{ id: string; deliveries: Delivery[] }> = [];
    const created: MockLink.MockedResponse = {
      request: {
        query: WebhooksCreateDocument,
        variables: {
          input: {
            businessId: maple.id,
            url: 'https://broker.example/hook',
            description: 'Broker system',
            eventTypes: ['notice.created'],
          },
        },
      },
      result: () => {
        endpoints = [{ id: 'e-1', deliveries: [] }];
        return payloadOf('createWebhookEndpoint', 'WebhookEndpointPayload', {
          endpoint: { __typename: 'WebhookEndpointNode', id: 'e-1' },
          secret,
        });
      },
    };
    const tested: MockLink.MockedResponse = {
      request: { query: WebhooksSendTestDocument, variables: { endpointId: 'e-1' } },
      result: () => {
        endpoints = [{ id: 'e-1', deliveries: [{ id: 'd-1', status: 'DELIVERED' }] }];
        return payloadOf('sendWebhookTestEvent', 'WebhookDeliveryPayload', {
          delivery: { __typename: 'WebhookDeliveryNode', id: 'd-1', status: 'PENDING' },
        });
      },
    };
    const resent: MockLink.MockedResponse = {
      request: { query: WebhooksResendDocument, variables: { deliveryId: 'd-1' } },
      result: () => {
        endpoints = [
          {
            id: 'e-1',
            deliveries: [
              { id: 'd-2', status: 'PENDING' },
              { id: 'd-1', status: 'DELIVERED' },
            ],
          },
        ];
        return payloadOf('resendWebhookDelivery', 'WebhookDeliveryPayload', {
          delivery: { __typename: 'WebhookDeliveryNode', id: 'd-2', status: 'PENDING' },
        });
      },
    };
    renderRoute('/en/business/webhooks', [
      ...signedIn,
      headerMock(maple),
      dataMock(() => endpoints),
      created,
      tested,
      resent,
    ]);

    expect(await screen.findByText('Your business has no webhook endpoint yet.')).toBeInTheDocument();
    await user.click(await button('Register the endpoint'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Enter the address of your receiver.', href: '#url' },
        { text: 'Choose at least one event.', href: '#eventTypes' },
      ]),
    );
    await user.type(await input('Address of your receiver'), 'https://broker.example/hook');
    await user.type(await input('Label (optional)'), 'Broker system');
    await user.click(await choice('Events to send', 'notice.created'));
    await user.click(await button('Register the endpoint'));
    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent(secret);
    await user.click(await button('I have copied it'));
    expect(screen.queryByTestId('webhook-secret')).toBeNull();

    await user.click(await button('Send a test event to Broker system'));
    expect(await screen.findByText(/It is sent within a few seconds/)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'The most recent delivery' });
    expect(within(table).getByText('Delivered')).toBeInTheDocument();
    expect(within(table).getByText('204')).toBeInTheDocument();
    await user.click(await button(/^Resend webhook\.test of /));
    expect(await screen.findByRole('table', { name: 'The 2 most recent deliveries' })).toBeInTheDocument();
  });

  it('tells a person who is not a business account manager, in French too', async () => {
    renderRoute('/fr/business/webhooks', [...signedIn, headerMock(maple), dataMock(() => [], 'EDITOR')]);
    expect(
      await screen.findByText(
        'Seul un gestionnaire du compte d’entreprise peut gérer les webhooks de l’entreprise.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Inscrire le point de terminaison')).toBeNull();
  });
});
