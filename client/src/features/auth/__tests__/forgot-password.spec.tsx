import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  PasswordRecoveryChallengeDocument,
  ResetForgottenPasswordDocument,
} from '../../../generated/graphql';
import { button, input, inputHost, summaryLinks } from '../../../test/gcds';
import { renderRoute, shadowHref } from '../../../test/render-route';

const challenge: MockLink.MockedResponse = {
  request: { query: PasswordRecoveryChallengeDocument, variables: { username: 'jdoe2024' } },
  result: {
    data: {
      passwordRecoveryChallenge: {
        __typename: 'RecoveryChallenge',
        question: { __typename: 'RecoveryQuestion', id: 'q2', text: 'In what city were you born?' },
        memorablePersonHint: 'My grandmother',
        memorableDateHint: null,
      },
    },
  },
};

const resetInput = {
  username: 'jdoe2024',
  answer: 'Trois Rivières',
  memorablePerson: 'Grandma Rose',
  memorableDate: '1987-06-15',
  newPassword: 'Spruce#Lake42',
  newPasswordConfirmation: 'Spruce#Lake42',
};

function reset(
  userErrors: Array<{ field: string[]; code: string; message: string }>,
): MockLink.MockedResponse {
  return {
    request: { query: ResetForgottenPasswordDocument, variables: { input: resetInput } },
    result: {
      data: {
        resetForgottenPassword: {
          __typename: 'SignOutPayload',
          signedOut: userErrors.length === 0,
          userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

describe('forgotten password', () => {
  it('shows the question and hints, refuses wrong answers, then sets the new password', async () => {
    const user = userEvent.setup();
    renderRoute('/en/forgot-password', [
      challenge,
      reset([
        {
          field: [],
          code: 'RECOVERY_FAILED',
          message: 'We could not confirm your identity with these answers.',
        },
      ]),
      reset([]),
    ]);
    await user.type(await input('Username'), 'jdoe2024');
    await user.click(await button('Continue'));

    expect(await screen.findByText('In what city were you born?')).toBeInTheDocument();
    const person = await inputHost('Your memorable person');
    expect(person.shadowRoot?.textContent).toContain('Your hint: My grandmother');

    await user.type(await input('Your recovery answer'), resetInput.answer);
    await user.type(await input('Your memorable person'), resetInput.memorablePerson);
    await user.type(await input('Your memorable date'), resetInput.memorableDate);
    await user.type(await input('New password'), resetInput.newPassword);
    await user.type(await input('Confirm your new password'), resetInput.newPasswordConfirmation);
    expect(screen.getByRole('region', { name: 'Password checklist' }).textContent).not.toContain('✗');
    await user.click(await button('Change my password'));

    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'We could not confirm your identity with these answers.', href: '#answer' },
      ]),
    );

    await user.click(await button('Change my password'));
    expect(
      await screen.findByText('You can now sign in with your username and your new password.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(shadowHref(screen.getByText('Sign in with GCKey'))).toBe('/en/sign-in/gckey'));
  });
});
