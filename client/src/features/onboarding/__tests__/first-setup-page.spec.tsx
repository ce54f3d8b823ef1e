import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  OnboardingCancelAccessRequestDocument,
  OnboardingFirstSetupDocument,
} from '../../../generated/graphql';
import { renderRoute, shadowHref } from '../../../test/render-route';
import { registration, signedIn } from './fixtures';
import { connectionOf } from '../../../test/fixtures/connection';

const harbourview = {
  __typename: 'BusinessSummary',
  id: 'b-4',
  businessNumber: '456789013',
  name: 'Harbourview Trade Consulting Inc.',
} as const;

function setup(me: object): MockLink.MockedResponse {
  return {
    request: { query: OnboardingFirstSetupDocument },
    result: { data: { me: { __typename: 'Viewer', id: 'user-1', ...me } } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

function request(status: string) {
  return {
    __typename: 'AccessRequest',
    id: 'ar-1',
    status,
    requestedAt: '2026-11-20T15:30:00Z',
    business: harbourview,
  };
}

describe('first setup', () => {
  it('offers the three ways to link a business to a person linked to none', async () => {
    renderRoute('/en/setup', [
      setup({
        membershipsConnection: connectionOf('Membership', []),
        accessRequestsConnection: connectionOf('AccessRequest', []),
        businessRegistration: null,
      }),
      ...signedIn,
    ]);
    expect(await screen.findByText('How do you want to link your account?')).toBeInTheDocument();
    await waitFor(() =>
      expect(document.title).toBe('Set up access to a business - Passerelle client portal'),
    );
    const links = await Promise.all(
      ['Request access to my employer', 'Register my business', 'Enter my activation key'].map((text) =>
        screen.findByText(text, { selector: 'gcds-button' }),
      ),
    );
    await waitFor(() =>
      expect(links.map(shadowHref)).toEqual([
        '/en/setup/request-access',
        '/en/setup/register',
        '/en/setup/activation-key',
      ]),
    );
    expect(screen.queryByText('Your businesses')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists the businesses, resumes a registration and cancels a pending access request', async () => {
    const user = userEvent.setup();
    let cancelled = false;
    const cancel: MockLink.MockedResponse = {
      request: { query: OnboardingCancelAccessRequestDocument, variables: { requestId: 'ar-1' } },
      result: () => {
        cancelled = true;
        return {
          data: {
            cancelAccessRequest: {
              __typename: 'AccessRequestPayload',
              accessRequest: request('CANCELLED'),
              userErrors: [],
            },
          },
        };
      },
    };
    renderRoute('/en/setup', [
      {
        request: { query: OnboardingFirstSetupDocument },
        result: () => ({
          data: {
            me: {
              __typename: 'Viewer',
              id: 'user-1',
              membershipsConnection: connectionOf('Membership', [
                {
                  __typename: 'Membership',
                  id: 'm-1',
                  role: 'BUSINESS_ACCOUNT_MANAGER',
                  business: {
                    __typename: 'BusinessSummary',
                    id: 'b-3',
                    businessNumber: '345678902',
                    name: 'Maple Leaf Customs Brokers Ltd.',
                  },
                },
              ]),
              accessRequestsConnection: connectionOf('AccessRequest', [
                request(cancelled ? 'CANCELLED' : 'PENDING'),
              ]),
              businessRegistration: registration({ step: 'VALIDATE_BUSINESS' }),
            },
          },
        }),
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
      cancel,
      ...signedIn,
    ]);
    expect(
      await screen.findByText('Maple Leaf Customs Brokers Ltd. (345678902): Business Account Manager'),
    ).toBeInTheDocument();
    expect(screen.getByText('Registration of business number 123456789: step 3 of 3.')).toBeInTheDocument();
    await waitFor(() =>
      expect(shadowHref(screen.getByText('Continue the registration'))).toBe('/en/setup/register'),
    );

    const table = screen.getByRole('table', { name: 'Your access requests, newest first' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe(
      'Harbourview Trade Consulting Inc. (456789013)PendingNovember 20, 2026 at 10:30 a.m. ESTCancel',
    );
    const action = within(table).getByText('Cancel').closest('gcds-button');
    await waitFor(() =>
      expect(action?.shadowRoot?.querySelector('button')).toHaveAccessibleName(
        'Cancel the request for Harbourview Trade Consulting Inc.',
      ),
    );
    await user.click(action?.shadowRoot?.querySelector('button') as HTMLButtonElement);
    expect(
      await screen.findByText(
        'Your access request for Harbourview Trade Consulting Inc. has been cancelled.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(table).getAllByRole('row')[1]?.textContent).toBe(
        'Harbourview Trade Consulting Inc. (456789013)CancelledNovember 20, 2026 at 10:30 a.m. EST',
      ),
    );
  });
});
