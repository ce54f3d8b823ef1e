import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  RegisterLocalCredentialDocument,
  RegistrationRecoveryQuestionsDocument,
  UsernameAvailableDocument,
} from '../../../generated/graphql';
import { button, fieldError, input, inputHost, replaceText, select, summaryLinks } from '../../../test/gcds';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

const questions: MockLink.MockedResponse = {
  request: { query: RegistrationRecoveryQuestionsDocument },
  result: {
    data: {
      recoveryQuestions: [
        { __typename: 'RecoveryQuestion', id: 'q1', text: 'What was the name of your first pet?' },
        { __typename: 'RecoveryQuestion', id: 'q2', text: 'In what city were you born?' },
      ],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function available(username: string, answer: boolean): MockLink.MockedResponse {
  return {
    request: { query: UsernameAvailableDocument, variables: { username } },
    result: { data: { usernameAvailable: answer } },
  };
}

const input_ = {
  acceptTerms: true,
  username: 'jdoe2024',
  password: 'Maple!Leaf7',
  passwordConfirmation: 'Maple!Leaf7',
  recovery: {
    questionId: 'q2',
    answer: 'Trois-Rivières',
    memorablePerson: 'Grandma Rose',
    memorablePersonHint: null,
    memorableDate: '1987-06-15',
    memorableDateHint: 'Summer trip',
  },
};

/** Who the server says is signed in, as the registration goes on. */
function account() {
  let signedIn = false;
  return {
    signIn: () => {
      signedIn = true;
    },
    mocks: [
      viewerMock(() => (signedIn ? viewer({ termsAccepted: false, profile: null }) : null)),
      sessionMock(() => (signedIn ? session() : null)),
    ],
  };
}

async function stepTitle(): Promise<string> {
  const stepper = await waitFor(() => {
    const element = document.querySelector('gcds-stepper');
    if (!element?.shadowRoot?.textContent) throw new Error('no stepper yet');
    return element;
  });
  return `${stepper.shadowRoot?.textContent ?? ''} ${stepper.textContent ?? ''}`.replace(/\s+/g, ' ').trim();
}

function checklistState(): Record<string, boolean> {
  const list = screen.getByRole('region', { name: 'Username checklist' });
  return Object.fromEntries(
    within(list)
      .getAllByRole('listitem')
      .map((item): [string, boolean] => [
        item.getAttribute('data-check') ?? '',
        item.textContent?.includes('✓') ?? false,
      ]),
  );
}

describe('GCKey registration', () => {
  it('goes from the terms and conditions to the welcome page, checking each step with the shared rules', async () => {
    const user = userEvent.setup();
    const server = account();
    const register: MockLink.MockedResponse = {
      request: { query: RegisterLocalCredentialDocument, variables: { input: input_ } },
      result: () => {
        server.signIn();
        return {
          data: {
            registerLocalCredential: {
              __typename: 'ViewerPayload',
              viewer: { __typename: 'Viewer', id: 'user-1', termsAccepted: false },
              userErrors: [],
            },
          },
        };
      },
    };
    const { router } = renderRoute('/en/register', [
      questions,
      available('jdoe2024', true),
      register,
      ...server.mocks,
    ]);

    // 1. Terms and conditions
    await waitFor(async () => expect(await stepTitle()).toBe('Step 1 of 5 : Terms and conditions'));
    await waitFor(() =>
      expect(document.title).toBe(
        'Step 1 of 5: Terms and conditions - Register for a GCKey - Passerelle client portal',
      ),
    );
    await user.click(await button('I accept'));

    // 2. Username: the checklist ticks as the person types; a refused username lists the problem at the top.
    await waitFor(async () => expect(await stepTitle()).toBe('Step 2 of 5 : Username'));
    const username = await input('Create your username');
    await user.type(username, 'jd!');
    expect(checklistState()).toEqual({ length: false, noSpecialCharacters: false, maxDigits: true });
    await user.click(await button('Continue'));
    const message = 'Your username must have at least 8 characters.';
    await waitFor(() => expect(summaryLinks()).toEqual([{ text: message, href: '#username' }]));
    expect(fieldError(await inputHost('Create your username'))).toBe(message);
    // Focus moves to the error summary.
    await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));

    await replaceText(user, username, 'jdoe2024');
    expect(checklistState()).toEqual({ length: true, noSpecialCharacters: true, maxDigits: true });
    await user.click(await button('Continue'));

    // 3. Password
    await waitFor(async () => expect(await stepTitle()).toBe('Step 3 of 5 : Password'));
    await user.type(await input('Create your password'), 'Maple!Leaf7');
    await user.type(await input('Confirm your password'), 'Maple!Leaf7');
    await user.click(await button('Continue'));

    // 4. Recovery
    await waitFor(async () => expect(await stepTitle()).toBe('Step 4 of 5 : Recovery questions and answers'));
    await user.click(await button('Continue'));
    await waitFor(() =>
      expect(summaryLinks().map((link) => link.href)).toEqual([
        '#recovery-questionId',
        '#recovery-answer',
        '#recovery-memorablePerson',
        '#recovery-memorableDate',
      ]),
    );
    await user.selectOptions(await select('Select a recovery question'), 'q2');
    await user.type(await input('My recovery answer'), 'Trois-Rivières');
    // The hyphen is a special character in an answer.
    await user.click(await button('Continue'));
    await waitFor(() =>
      expect(summaryLinks()[0]).toEqual({
        text: 'Your recovery answer can only have letters, digits and spaces.',
        href: '#recovery-answer',
      }),
    );
    await replaceText(user, await input('My recovery answer'), 'Trois Rivières');
    await user.type(await input('My memorable person'), 'Grandma Rose');
    await user.type(await input('My memorable date'), '1987-06-15');
    await user.type(await input('My hint about my memorable date'), 'Summer trip');
    await user.click(await button('Continue'));

    // 5. Confirmation: what will be registered, secrets hidden.
    await waitFor(async () => expect(await stepTitle()).toBe('Step 5 of 5 : Confirmation'));
    expect(screen.getByText('jdoe2024')).toBeInTheDocument();
    expect(screen.getByText('In what city were you born?')).toBeInTheDocument();
    expect(screen.queryByText('Maple!Leaf7')).not.toBeInTheDocument();
    expect(screen.queryByText('Trois Rivières')).not.toBeInTheDocument();

    // The answer was corrected: what the server gets.
    input_.recovery.answer = 'Trois Rivières';
    await user.click(await button('Continue'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/en/welcome'));
  });

  it('sends the person back to the step of a field the server refused', async () => {
    const user = userEvent.setup();
    const register: MockLink.MockedResponse = {
      request: { query: RegisterLocalCredentialDocument, variables: () => true },
      result: {
        data: {
          registerLocalCredential: {
            __typename: 'ViewerPayload',
            viewer: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: ['input', 'username'],
                code: 'USERNAME_TAKEN',
                message: 'This username is not available. Choose another one.',
              },
            ],
          },
        },
      },
    };
    renderRoute('/fr/register', [questions, available('jdoe2024', true), register]);
    await user.click(await button("J'accepte"));
    await user.type(await input("Créez votre nom d'utilisateur"), 'jdoe2024');
    await user.click(await button('Continuer'));
    await user.type(await input('Créez votre mot de passe'), 'Maple!Leaf7');
    await user.type(await input('Confirmez votre mot de passe'), 'Maple!Leaf7');
    await user.click(await button('Continuer'));
    await user.selectOptions(await select('Sélectionnez une question de récupération'), 'q1');
    await user.type(await input('Ma réponse de récupération'), 'Minou');
    await user.type(await input('Ma personne mémorable'), 'Grand-maman Rose'.replace('-', ' '));
    await user.type(await input('Ma date mémorable'), '1987-06-15');
    await user.click(await button('Continuer'));
    await waitFor(async () => expect(await stepTitle()).toBe('Étape 5 sur 5 : Confirmation'));
    await user.click(await button('Continuer'));

    // Back on the username step, with the portal's French wording for the server's code.
    await waitFor(async () => expect(await stepTitle()).toBe("Étape 2 sur 5 : Nom d'utilisateur"));
    const message = "Ce nom d'utilisateur n'est pas disponible. Choisissez-en un autre.";
    await waitFor(() => expect(summaryLinks()).toEqual([{ text: message, href: '#username' }]));
    expect(fieldError(await inputHost("Créez votre nom d'utilisateur"))).toBe(message);
  });

  it('says a username is taken when the availability check says so, and Cancel goes back to the landing page', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/en/register', [questions, available('jdoe2024', false)]);
    await user.click(await button('I accept'));
    await user.type(await input('Create your username'), 'jdoe2024');
    await user.click(await button('Continue'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'This username is not available. Choose another one.', href: '#username' },
      ]),
    );
    expect(await stepTitle()).toBe('Step 2 of 5 : Username');

    await user.click(await button('Cancel'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/en'));
  });

  it('goes back to the landing page when the person declines the terms and conditions', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/en/register', [questions]);
    await user.click(await button('I decline'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/en'));
  });
});
