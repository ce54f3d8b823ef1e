import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  AccountCredentialDocument,
  ChangePasswordDocument,
  RevokeCredentialDocument,
  WelcomeDocument,
} from '../../../generated/graphql';
import { button, fieldError, hostById, input, replaceText, summaryLinks } from '../../../test/gcds';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

function credential(credentialKind: 'LOCAL' | 'PARTNER' = 'LOCAL'): MockLink.MockedResponse {
  return {
    request: { query: AccountCredentialDocument },
    result: {
      data: {
        me: {
          __typename: 'Viewer',
          id: 'user-1',
          credentialKind,
          username: credentialKind === 'LOCAL' ? 'jdoe2024' : null,
        },
      },
    },
  };
}

const welcome: MockLink.MockedResponse = {
  request: { query: WelcomeDocument },
  result: {
    data: {
      me: {
        __typename: 'Viewer',
        id: 'user-1',
        role: 'PERSON',
        credentialKind: 'LOCAL',
        previousSignInAt: null,
        profile: { __typename: 'PersonalProfile', firstName: 'Jane' },
        recentSecurityEvents: [],
      },
    },
  },
};

describe('change password', () => {
  it('checks the new password with the shared rules, shows a wrong current password, then succeeds', async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const change: MockLink.MockedResponse = {
      request: { query: ChangePasswordDocument, variables: () => true },
      maxUsageCount: 2,
      result: () => {
        attempt += 1;
        return {
          data: {
            changePassword: {
              __typename: 'ViewerPayload',
              viewer: attempt === 1 ? null : { __typename: 'Viewer', id: 'user-1' },
              userErrors:
                attempt === 1
                  ? [
                      {
                        __typename: 'UserError',
                        field: ['input', 'currentPassword'],
                        code: 'WRONG_PASSWORD',
                        message: 'server wording',
                      },
                    ]
                  : [],
            },
          },
        };
      },
    };
    const { router } = renderRoute('/en/account/password', [
      credential(),
      change,
      welcome,
      viewerMock(() => viewer()),
      sessionMock(() => session()),
    ]);
    await user.type(await input('Current password'), 'Maple!Leaf7');
    // Shares "doe" with the username jdoe2024.
    await user.type(await input('New password'), 'Xdoe!Pass9');
    await user.type(await input('Confirm your new password'), 'Xdoe!Pass9');
    await user.click(await button('Change my password'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        {
          text: 'Your password must not share 3 consecutive characters with your username.',
          href: '#newPassword',
        },
      ]),
    );

    await replaceText(user, await input('New password'), 'Spruce#Cape42');
    await replaceText(user, await input('Confirm your new password'), 'Spruce#Cape42');
    await user.click(await button('Change my password'));
    await waitFor(() =>
      expect(fieldError(hostById('currentPassword'))).toBe('Your current password is not correct.'),
    );

    await user.click(await button('Change my password'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/en/welcome'));
    expect(await screen.findByText('Use your new password the next time you sign in.')).toBeInTheDocument();
  });

  it('explains that a Sign-In Partner manages the password', async () => {
    renderRoute('/fr/account/password', [
      credential('PARTNER'),
      // The same person in every query: the cache keeps one Viewer per id.
      viewerMock(() => viewer({ credentialKind: 'PARTNER', username: null })),
      sessionMock(() => session()),
    ]);
    expect(
      await screen.findByText(
        'Vous vous connectez avec un partenaire de connexion : votre mot de passe et vos questions de sécurité sont gérés par votre institution financière, et non par le portail.',
      ),
    ).toBeInTheDocument();
  });
});

describe('revoke the credential', () => {
  it('asks for confirmation and the password, then signs out for good', async () => {
    const user = userEvent.setup();
    let active = true;
    const revoke: MockLink.MockedResponse = {
      request: { query: RevokeCredentialDocument, variables: { input: { currentPassword: 'Maple!Leaf7' } } },
      result: () => {
        active = false;
        return {
          data: { revokeCredential: { __typename: 'SignOutPayload', signedOut: true, userErrors: [] } },
        };
      },
    };
    const { router } = renderRoute('/en/account/revoke', [
      credential(),
      revoke,
      viewerMock(() => (active ? viewer() : null)),
      sessionMock(() => (active ? session() : null)),
    ]);
    await user.click(await button('Revoke my credential'));
    // Focus moves to the password of the confirmation step.
    const password = await input('Your password');
    await waitFor(() => expect(hostById('currentPassword')?.shadowRoot?.activeElement).toBe(password));

    await user.click(await button('Yes, revoke my credential'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([{ text: 'Enter your current password.', href: '#currentPassword' }]),
    );

    await user.type(password, 'Maple!Leaf7');
    await user.click(await button('Yes, revoke my credential'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/en'));
    expect(
      await screen.findByText('You have been signed out and this username can no longer be used to sign in.'),
    ).toBeInTheDocument();
  });
});
