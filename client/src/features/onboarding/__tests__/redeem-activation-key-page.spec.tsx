import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OnboardingRedeemActivationKeyDocument } from '../../../generated/graphql';
import { button, fieldError, hostById, input, replaceText, summaryLinks } from '../../../test/gcds';
import { renderRoute, shadowHref } from '../../../test/render-route';
import { noticeTitles, signedIn, userError } from './fixtures';

function redeem(key: string, result: object): MockLink.MockedResponse {
  return {
    request: { query: OnboardingRedeemActivationKeyDocument, variables: { key } },
    result: { data: { redeemActivationKey: { __typename: 'BusinessPayload', ...result } } },
  };
}

const messages = {
  ACTIVATION_KEY_UNKNOWN: 'This activation key is not valid. Check it and try again.',
  ACTIVATION_KEY_EXPIRED:
    'This activation key has expired (keys are valid for 14 days). Ask the agency for a new one.',
  ACTIVATION_KEY_USED: 'This activation key was already used. Ask the agency for a new one.',
};

describe('activation key', () => {
  it('shows why an unknown, expired or used key is refused', async () => {
    const user = userEvent.setup();
    renderRoute('/en/setup/activation-key', [
      redeem('AAAA', {
        business: null,
        userErrors: [userError('ACTIVATION_KEY_UNKNOWN', messages.ACTIVATION_KEY_UNKNOWN, ['key'])],
      }),
      redeem('BBBB', {
        business: null,
        userErrors: [userError('ACTIVATION_KEY_EXPIRED', messages.ACTIVATION_KEY_EXPIRED, ['key'])],
      }),
      redeem('CCCC', {
        business: null,
        userErrors: [userError('ACTIVATION_KEY_USED', messages.ACTIVATION_KEY_USED, ['key'])],
      }),
      ...signedIn,
    ]);
    // Nothing typed: refused before sending.
    await user.click(await button('Use my activation key'));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([{ text: 'Enter your activation key.', href: '#key' }]),
    );

    for (const [key, message] of [
      ['AAAA', messages.ACTIVATION_KEY_UNKNOWN],
      ['BBBB', messages.ACTIVATION_KEY_EXPIRED],
      ['CCCC', messages.ACTIVATION_KEY_USED],
    ] as const) {
      await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));
      await replaceText(user, await input('Activation key'), key);
      await user.click(await button('Use my activation key'));
      await waitFor(() => expect(fieldError(hostById('key'))).toBe(message));
    }
  });

  it('makes the person the Business Account Manager of the business', async () => {
    const user = userEvent.setup();
    renderRoute('/fr/setup/activation-key', [
      redeem('9F3A-11B2-C3D4-E5F6-0718-293A-4B5C-6D7E', {
        business: {
          __typename: 'Business',
          id: 'b-3',
          businessNumber: '345678902',
          name: 'Maple Leaf Customs Brokers Ltd.',
        },
        userErrors: [],
      }),
      ...signedIn,
    ]);
    await waitFor(() =>
      expect(document.title).toBe("Entrer votre clé d'activation - Portail client Passerelle"),
    );
    await user.type(await input("Clé d'activation"), ' 9F3A-11B2-C3D4-E5F6-0718-293A-4B5C-6D7E ');
    await user.click(await button("Utiliser ma clé d'activation"));
    expect(
      await screen.findByText(
        "Vous êtes maintenant le gestionnaire de compte d'entreprise de Maple Leaf Customs Brokers Ltd. (345678902).",
      ),
    ).toBeInTheDocument();
    expect(noticeTitles()).toContain("Votre clé d'activation a été acceptée");
    await waitFor(() =>
      expect(shadowHref(screen.getByText("Consulter le profil de l'entreprise"))).toBe('/fr/business'),
    );
    expect(shadowHref(screen.getByText('Consulter les comptes de programme'))).toBe(
      '/fr/business/program-accounts',
    );
  });
});
