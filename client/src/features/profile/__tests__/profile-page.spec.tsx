import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  PersonalProfileDocument,
  SavePersonalProfileDocument,
  WelcomeDocument,
} from '../../../generated/graphql';
import { button, choice, fieldError, hostById, input, summaryLinks } from '../../../test/gcds';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

const noProfile: MockLink.MockedResponse = {
  request: { query: PersonalProfileDocument },
  result: { data: { me: { __typename: 'Viewer', id: 'user-1', profile: null } } },
};

const signedIn = [viewerMock(() => viewer({ profile: null })), sessionMock(() => session())];

const filled = {
  firstName: 'Élise',
  lastName: "O'Brien-Tremblay",
  phone: '(613) 555-0101',
  phoneExtension: '42',
  email: 'elise@example.ca',
  emailConfirmation: 'elise@example.ca',
  receiveNoticeEmails: false,
  acceptNoticeTerms: true,
  preferredLanguage: 'FR',
};

async function fillIn(user: ReturnType<typeof userEvent.setup>, email = filled.email) {
  await user.type(await input('First name'), filled.firstName);
  await user.type(await input('Last name'), filled.lastName);
  await user.type(await input('Phone number (with area code)'), filled.phone);
  await user.type(await input('Extension'), filled.phoneExtension);
  await user.type(await input('Email address'), email);
  await user.type(await input('Confirm email address'), email);
  await user.click(await choice('Receive emails about notices', /^No - /));
  await user.click(await choice('Notice email terms of use', /I have read and understood/));
  await user.click(await choice('Preferred language', 'French'));
}

describe('personal profile', () => {
  it('lists every missing answer at the top and beside each field, and moves focus to the list', async () => {
    const user = userEvent.setup();
    renderRoute('/en/profile', [noProfile, ...signedIn]);
    expect(
      await screen.findByText('Create your personal profile', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();

    await user.click(await button('Save'));

    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Enter your first name.', href: '#firstName' },
        { text: 'Enter your last name.', href: '#lastName' },
        { text: 'Enter your phone number with its area code.', href: '#phone' },
        { text: 'Enter your email address.', href: '#email' },
        { text: 'Confirm your email address.', href: '#emailConfirmation' },
        { text: 'Choose whether you want to receive emails about notices.', href: '#receiveNoticeEmails' },
        { text: 'Accept the notice email terms of use to continue.', href: '#acceptNoticeTerms' },
        { text: 'Choose your preferred language.', href: '#preferredLanguage' },
      ]),
    );
    await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));
    await waitFor(() => expect(fieldError(hostById('firstName'))).toBe('Enter your first name.'));
    expect(fieldError(hostById('phoneExtension'))).toBe('');
    expect(fieldError(hostById('preferredLanguage'))).toBe('Choose your preferred language.');
    // The GCDS heading of the summary is in the page language.
    const summary = document.querySelector('gcds-error-summary');
    expect(summary?.shadowRoot?.textContent).toContain('There was a problem');
  });

  it('checks formats with the shared rules before sending', async () => {
    const user = userEvent.setup();
    renderRoute('/en/profile', [noProfile, ...signedIn]);
    await fillIn(user, 'elise@example');
    await user.type(await input('Phone number (with area code)'), '9');
    await user.click(await button('Save'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        {
          text: 'Enter a North American phone number with its area code, for example 613-555-0101.',
          href: '#phone',
        },
        { text: 'Enter an email address in the correct format, like name@example.com.', href: '#email' },
      ]),
    );
  });

  it('shows the server user errors beside their fields, then saves and goes to the welcome page', async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const save: MockLink.MockedResponse = {
      request: { query: SavePersonalProfileDocument, variables: { input: filled } },
      maxUsageCount: 2,
      result: () => {
        attempt += 1;
        if (attempt === 1) {
          return {
            data: {
              savePersonalProfile: {
                __typename: 'PersonalProfilePayload',
                profile: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'email'],
                    code: 'INVALID_EMAIL',
                    message: 'Bad email.',
                  },
                  {
                    __typename: 'UserError',
                    field: ['input', 'phone'],
                    code: 'SOMETHING_NEW',
                    message: 'The server says the phone is wrong.',
                  },
                ],
              },
            },
          };
        }
        return {
          data: {
            savePersonalProfile: {
              __typename: 'PersonalProfilePayload',
              profile: {
                __typename: 'PersonalProfile',
                firstName: 'Élise',
                lastName: "O'Brien-Tremblay",
                phone: '613-555-0101',
                phoneExtension: '42',
                email: 'elise@example.ca',
                receiveNoticeEmails: false,
                preferredLanguage: 'FR',
              },
              userErrors: [],
            },
          },
        };
      },
    };
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
            profile: { __typename: 'PersonalProfile', firstName: 'Élise' },
            recentSecurityEvents: [],
          },
        },
      },
    };
    const { router } = renderRoute('/en/profile', [noProfile, save, welcome, ...signedIn]);
    await fillIn(user);
    await user.click(await button('Save'));

    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        // Unknown code: the server's own message.
        { text: 'The server says the phone is wrong.', href: '#phone' },
        // Known code: the portal's wording, the same as when the browser finds it.
        { text: 'Enter an email address in the correct format, like name@example.com.', href: '#email' },
      ]),
    );
    expect(fieldError(hostById('email'))).toBe(
      'Enter an email address in the correct format, like name@example.com.',
    );

    await user.click(await button('Save'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/en/welcome'));
    expect(await screen.findByText('You can change it at any time from this page.')).toBeInTheDocument();
    // The header shows the new name without asking the server again.
    expect(screen.getByText("Signed in as Élise O'Brien-Tremblay")).toBeInTheDocument();
  });
});
