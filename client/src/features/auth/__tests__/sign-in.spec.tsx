import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RespondToTermsDocument, SignInDocument } from '../../../generated/graphql';
import { button, fieldError, hostById, input, summaryLinks } from '../../../test/gcds';
import {
  renderRoute,
  session,
  sessionMock,
  shadowHref,
  viewer,
  viewerMock,
} from '../../../test/render-route';

function signInAnswer(
  userErrors: Array<{ code: string; message: string }>,
  signedIn = false,
): MockLink.MockedResponse {
  return {
    request: { query: SignInDocument, variables: () => true },
    result: {
      data: {
        signIn: {
          __typename: 'ViewerPayload',
          viewer: signedIn ? { __typename: 'Viewer', id: 'user-1', termsAccepted: false } : null,
          userErrors: userErrors.map((error) => ({ __typename: 'UserError', field: [], ...error })),
        },
      },
    },
  };
}

describe('GCKey sign-in', () => {
  it('links to registration and to the forgotten password, and asks for both fields', async () => {
    const user = userEvent.setup();
    renderRoute('/en/sign-in/gckey');
    expect(await screen.findByText('Sign in with GCKey', { selector: 'gcds-heading' })).toBeInTheDocument();
    await waitFor(() => expect(shadowHref(screen.getByText('Register'))).toBe('/en/register'));
    expect(shadowHref(screen.getByText('Forgot your password?'))).toBe('/en/forgot-password');

    await user.click(await button('Sign in'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Enter your username.', href: '#username' },
        { text: 'Enter your password.', href: '#password' },
      ]),
    );
  });

  it('says the same thing for a wrong username or password, and the server message for a lock', async () => {
    const user = userEvent.setup();
    renderRoute('/fr/sign-in/gckey', [
      signInAnswer([{ code: 'INVALID_CREDENTIALS', message: 'server wording' }]),
      signInAnswer([
        {
          code: 'LOCKED',
          message: 'Trop de tentatives échouées : ce justificatif est verrouillé. Réessayez dans 15 min.',
        },
      ]),
    ]);
    await user.type(await input("Nom d'utilisateur"), 'jdoe2024');
    await user.type(await input('Mot de passe'), 'Wrong!Pass1');
    await user.click(await button('Se connecter'));
    const generic =
      "Le nom d'utilisateur ou le mot de passe que vous avez entré n'est pas exact. Vérifiez-les et réessayez.";
    await waitFor(() => expect(summaryLinks()).toEqual([{ text: generic, href: '#username' }]));
    expect(fieldError(hostById('username'))).toBe(generic);
    // The password is not kept after a refusal.
    expect((await input('Mot de passe')).value).toBe('');

    await user.type(await input('Mot de passe'), 'Wrong!Pass2');
    await user.click(await button('Se connecter'));
    await waitFor(() =>
      expect(summaryLinks()[0]?.text).toBe(
        'Trop de tentatives échouées : ce justificatif est verrouillé. Réessayez dans 15 min.',
      ),
    );
  });

  it('says a request that failed (keeping the password), then moves focus to the summary on a refusal', async () => {
    const user = userEvent.setup();
    renderRoute('/en/sign-in/gckey', [
      { request: { query: SignInDocument, variables: () => true }, error: new Error('Network down') },
      signInAnswer([{ code: 'INVALID_CREDENTIALS', message: 'server wording' }]),
    ]);
    await user.type(await input('Username'), 'jdoe2024');
    await user.type(await input('Password'), 'Wrong!Pass1');
    await user.click(await button('Sign in'));
    expect(await screen.findByText(/Nothing was changed/)).toBeInTheDocument();
    expect((await input('Password')).value).toBe('Wrong!Pass1');
    expect(summaryLinks()).toEqual([]);

    await user.click(await button('Sign in'));
    await waitFor(() => expect(summaryLinks()[0]?.href).toBe('#username'));
    await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));
    expect(screen.queryByText(/Nothing was changed/)).toBeNull();
  });

  it('signs in and continues to the welcome page, which comes before the terms of use (seed §2.1)', async () => {
    const user = userEvent.setup();
    let signedIn = false;
    const answer = signInAnswer([], true);
    const { router } = renderRoute('/en/sign-in/gckey', [
      { ...answer, result: () => ((signedIn = true), answer.result as never) },
      viewerMock(() => (signedIn ? viewer({ termsAccepted: false }) : null)),
      sessionMock(() => (signedIn ? session() : null)),
    ]);
    await user.type(await input('Username'), 'jdoe2024');
    await user.type(await input('Password'), 'Maple!Leaf7');
    await user.click(await button('Sign in'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/en/welcome'));
    expect(await screen.findByText('Signed in as Jane Doe')).toBeInTheDocument();
  });
});

describe('terms of use', () => {
  function respond(accept: boolean, profile: boolean, role = 'PERSON'): MockLink.MockedResponse {
    return {
      request: { query: RespondToTermsDocument, variables: { accept } },
      result: {
        data: {
          respondToTerms: {
            __typename: 'ViewerPayload',
            viewer: accept
              ? {
                  __typename: 'Viewer',
                  id: 'user-1',
                  role,
                  termsAccepted: true,
                  profile: profile
                    ? { __typename: 'PersonalProfile', firstName: 'Jane', lastName: 'Doe' }
                    : null,
                }
              : null,
            userErrors: [],
          },
        },
      },
    };
  }

  it('goes to the personal profile after "Accept" when there is none yet', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/en/terms', [
      respond(true, false),
      viewerMock(() => viewer({ termsAccepted: false, profile: null })),
      sessionMock(() => session()),
    ]);
    await user.click(await button('Accept'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/en/profile'));
  });

  it('takes an officer, who needs no personal profile, to the welcome page after "Accept" (defect 10)', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/en/terms', [
      respond(true, false, 'OFFICER'),
      viewerMock(() => viewer({ role: 'OFFICER', termsAccepted: false, profile: null })),
      sessionMock(() => session()),
    ]);
    await user.click(await button('Accept'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/en/welcome'));
  });

  it('signs out and goes to the landing page with a message after "I do not accept"', async () => {
    const user = userEvent.setup();
    let signedIn = true;
    const decline = respond(false, true);
    const { router } = renderRoute('/fr/terms', [
      { ...decline, result: () => ((signedIn = false), decline.result as never) },
      viewerMock(() => (signedIn ? viewer({ termsAccepted: false }) : null)),
      sessionMock(() => (signedIn ? session() : null)),
    ]);
    await user.click(await button("Je n'accepte pas"));
    await waitFor(() => expect(router.state.location.pathname).toBe('/fr'));
    expect(
      await screen.findByText(
        "Vous devez accepter les conditions d'utilisation pour utiliser le portail. Vous avez été déconnecté.",
      ),
    ).toBeInTheDocument();
  });
});

describe('pages behind sign-in', () => {
  it('send a signed-out person to the GCKey sign-in page', async () => {
    const { router } = renderRoute('/en/welcome');
    await waitFor(() => expect(router.state.location.pathname).toBe('/en/sign-in/gckey'));
  });

  it('send a person who has not accepted the terms of use in this session to the terms', async () => {
    const { router } = renderRoute('/fr/profile', [
      viewerMock(() => viewer({ termsAccepted: false })),
      sessionMock(() => session()),
    ]);
    await waitFor(() => expect(router.state.location.pathname).toBe('/fr/terms'));
  });

  it('refuse the officer page to a person without the officer role', async () => {
    renderRoute('/en/officer', [viewerMock(() => viewer()), sessionMock(() => session())]);
    expect(await screen.findByText('Access denied', { selector: 'gcds-heading' })).toBeInTheDocument();
  });
});

describe('partner sign-in', () => {
  it('starts at the server with a full page load, in the page language', async () => {
    renderRoute('/fr/sign-in/partner');
    const action = await screen.findByText('Poursuivre vers votre partenaire de connexion');
    await waitFor(() => expect(shadowHref(action)).toBe('/auth/partner/start?lang=fr'));
  });

  it('explains an error code sent back by the callback, also from /:lang/sign-in', async () => {
    const { router } = renderRoute('/en/sign-in?error=PARTNER_CANCELLED');
    await waitFor(() => expect(router.state.location.pathname).toBe('/en/sign-in/partner'));
    expect(router.state.location.search).toBe('?error=PARTNER_CANCELLED');
    expect(
      await screen.findByText(
        'You cancelled the sign-in at your Sign-In Partner. Start again when you are ready.',
      ),
    ).toBeInTheDocument();
  });

  it('says why a revoked partner credential cannot sign in, in French', async () => {
    renderRoute('/fr/sign-in/partner?error=PARTNER_REVOKED');
    expect(
      await screen.findByText(
        /Vous avez révoqué le justificatif que vous utilisiez avec ce partenaire de connexion/,
      ),
    ).toBeInTheDocument();
  });

  it('falls back to a general message for an unknown code', async () => {
    renderRoute('/fr/sign-in/partner?error=SOMETHING_ELSE');
    expect(
      await screen.findByText(
        "Votre partenaire de connexion n'a pas pu confirmer votre identité. Recommencez, ou connectez-vous avec CléGC.",
      ),
    ).toBeInTheDocument();
  });
});
