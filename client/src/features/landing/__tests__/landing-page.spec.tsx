import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DemoSignInDocument, PortalInfoDocument } from '../../../generated/graphql';
import { button } from '../../../test/gcds';
import { session, sessionMock, viewer, viewerMock } from '../../../test/render-route';
import { headingLevel, renderRoute, shadowHref } from '../../../test/render-route';

const portalInfo: MockLink.MockedResponse = {
  request: { query: PortalInfoDocument },
  result: {
    data: {
      portalInfo: { __typename: 'PortalInfo', agencyPhone: '1-800-461-9999', version: '0.1.0' },
      demoPersonas: [],
    },
  },
};

const portalInfoFails: MockLink.MockedResponse = {
  request: { query: PortalInfoDocument },
  error: new Error('Network down'),
};

describe('landing page', () => {
  it('shows the English page with the agency phone number from the API', async () => {
    renderRoute('/en', [portalInfo]);

    const title = await screen.findByText('Passerelle client portal', { selector: 'gcds-heading' });
    // Checked before anything else is awaited: the mocked answer ends the loading state on the next tick.
    expect(screen.getByRole('status')).toHaveTextContent("Loading the agency's phone number…");
    await waitFor(() => expect(headingLevel(title)).toBe('h1'));

    const phone = await screen.findByText('1-800-461-9999');
    await waitFor(() => expect(shadowHref(phone.closest('gcds-link'))).toBe('tel:18004619999'));
    expect(phone.closest('gcds-text')).toHaveTextContent(
      'Trade consultants can join by calling the agency at 1-800-461-9999.',
    );
    const version = screen.getByText('0.1.0', { selector: 'gcds-date-modified' });
    await waitFor(() => expect(version.shadowRoot?.textContent).toContain('Version'));
    expect(shadowHref(screen.getByText('Continue to a Sign-In Partner'))).toBe('/en/sign-in/partner');
    expect(shadowHref(screen.getByText('Continue to GCKey'))).toBe('/en/sign-in/gckey');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Passerelle client portal');
  });

  it('shows the French page with the agency phone number from the API', async () => {
    renderRoute('/fr', [portalInfo]);

    const title = await screen.findByText('Portail client Passerelle', { selector: 'gcds-heading' });
    await waitFor(() => expect(headingLevel(title)).toBe('h1'));

    const phone = await screen.findByText('1-800-461-9999');
    expect(phone.closest('gcds-text')).toHaveTextContent(
      "Les consultants en commerce peuvent y adhérer en communiquant avec l'agence au 1-800-461-9999.",
    );
    expect(screen.getByText('Services et renseignements')).toBeInTheDocument();
    expect(shadowHref(screen.getByText('Poursuivre vers un partenaire de connexion'))).toBe(
      '/fr/sign-in/partner',
    );
    expect(shadowHref(screen.getByText('Passer à CléGC'))).toBe('/fr/sign-in/gckey');
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Portail client Passerelle');
  });

  it('says, in the page language, when the information cannot be loaded', async () => {
    renderRoute('/fr', [portalInfoFails]);

    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(alert.shadowRoot?.textContent).toContain("Les renseignements n'ont pas pu être chargés"),
    );
    expect(alert).toHaveTextContent('Actualisez la page ou réessayez plus tard.');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getByText('Portail client Passerelle', { selector: 'gcds-heading' })).toBeInTheDocument();
  });

  it('offers no demo when the server offers no prepared people (production, or SEED_DEMO_DATA=false)', async () => {
    renderRoute('/en', [portalInfo]);
    await screen.findByText('1-800-461-9999');
    expect(document.querySelector('.try-demo')).toBeNull();
    expect(screen.queryByText(/Sign in as/)).toBeNull();
  });

  it('in French, signs in with one click as a prepared broker, then shows the welcome page', async () => {
    let signedIn = false;
    const calls = { count: 0 };
    const { router } = renderRoute('/fr', [
      {
        request: { query: PortalInfoDocument },
        result: {
          data: {
            portalInfo: { __typename: 'PortalInfo', agencyPhone: '1-800-461-9999', version: '1' },
            demoPersonas: ['BROKER_BAM', 'OFFICER'],
          },
        },
      },
      {
        request: { query: DemoSignInDocument, variables: { persona: 'BROKER_BAM' } },
        result: () => {
          calls.count += 1;
          signedIn = true;
          return {
            data: {
              demoSignIn: {
                __typename: 'ViewerPayload',
                viewer: { __typename: 'Viewer', id: 'u1', role: 'PERSON', termsAccepted: false },
                userErrors: [],
              },
            },
          };
        },
      },
      viewerMock(() => (signedIn ? viewer({ termsAccepted: false }) : null)),
      sessionMock(() => (signedIn ? session() : null)),
    ]);
    expect(await screen.findByText(/Border City Customs Brokers : deux clients/)).toBeInTheDocument();
    expect(screen.getByText("agent de l'Agence", { selector: 'gcds-heading' })).toBeInTheDocument();
    expect(screen.queryByText("employé d'un courtier en douane")).toBeNull();
    (await button("Ouvrir une session comme gestionnaire des comptes d'un courtier en douane")).click();
    await waitFor(() => expect(router.state.location.pathname).toBe('/fr/welcome'));
    expect(calls.count).toBe(1);
  });
});
