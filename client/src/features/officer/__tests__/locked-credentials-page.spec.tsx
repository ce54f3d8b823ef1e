import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LockedCredentialsDocument, UnlockCredentialDocument } from '../../../generated/graphql';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';
import { connectionOf } from '../../../test/fixtures/connection';

describe('locked credentials (officers)', () => {
  it('lists locked credentials and unlocks one', async () => {
    const user = userEvent.setup();
    let unlocked = false;
    const locked: MockLink.MockedResponse = {
      request: { query: LockedCredentialsDocument },
      result: () => ({
        data: {
          lockedCredentialsConnection: connectionOf(
            'LockedCredential',
            unlocked
              ? []
              : [
                  {
                    __typename: 'LockedCredential',
                    userId: 'u-7',
                    username: 'trader77',
                    lockedUntil: '2026-03-02T15:30:00Z',
                    failedAttempts: 5,
                  },
                ],
          ),
        },
      }),
      maxUsageCount: Number.POSITIVE_INFINITY,
    };
    const unlock: MockLink.MockedResponse = {
      request: { query: UnlockCredentialDocument, variables: { userId: 'u-7' } },
      result: () => {
        unlocked = true;
        return {
          data: {
            unlockCredential: { __typename: 'UnlockCredentialPayload', unlocked: true, userErrors: [] },
          },
        };
      },
    };
    renderRoute('/en/officer', [
      locked,
      unlock,
      viewerMock(() => viewer({ role: 'OFFICER' })),
      sessionMock(() => session()),
    ]);

    const table = await screen.findByRole('table', { name: 'Locked credentials (1)' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe(
      'trader77March 2, 2026 at 10:30 a.m. EST5Unlock',
    );
    const action = within(table).getByText('Unlock').closest('gcds-button');
    await waitFor(() =>
      expect(action?.shadowRoot?.querySelector('button')).toHaveAccessibleName('Unlock trader77'),
    );
    await user.click(action?.shadowRoot?.querySelector('button') as HTMLButtonElement);

    expect(await screen.findByText('The person can sign in again.')).toBeInTheDocument();
    expect(await screen.findByText('No credential is locked.')).toBeInTheDocument();
  });
});
