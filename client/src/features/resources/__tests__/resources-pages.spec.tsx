import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LicensedCustomsBrokersDocument, PortalInfoDocument } from '../../../generated/graphql';
import { headingLevel, renderRoute, shadowHref } from '../../../test/render-route';
import sdl from '../../../../../schema/schema.graphql?raw';
import { apiCatalogue } from '../components/api-catalogue';

const brokers = (search: string | null): MockLink.MockedResponse => ({
  request: { query: LicensedCustomsBrokersDocument, variables: { search, first: 100 } },
  result: {
    data: {
      licensedCustomsBrokers: [
        {
          __typename: 'LicensedCustomsBroker',
          businessNumber: '700000001',
          legalName: 'Harbour Brokers Inc.',
          operatingName: '',
        },
      ],
    },
  },
});

const portalInfo: MockLink.MockedResponse = {
  request: { query: PortalInfoDocument },
  result: {
    data: {
      portalInfo: { __typename: 'PortalInfo', agencyPhone: '1-800-461-9999', version: '1' },
      demoPersonas: [],
    },
  },
};

describe('public resources linked from the landing page (issue 14, defect 3)', () => {
  it.each([
    ['/en/onboarding', 'Onboarding documentation'],
    ['/fr/onboarding', "Documentation d'intégration"],
    ['/en/bulletins', 'Bulletins'],
    ['/fr/bulletins', 'Bulletins'],
    ['/en/faq', 'Frequently asked questions (FAQ)'],
    ['/fr/faq', 'Foire aux questions (FAQ)'],
    ['/en/customs-brokers', 'List of licensed customs brokers'],
    ['/fr/customs-brokers', 'Liste des courtiers en douane agréés'],
    ['/en/api-catalogue', 'Open API catalogue'],
    ['/fr/api-catalogue', "Catalogue d'API ouvert"],
  ])('%s is a real page titled "%s"', async (path, title) => {
    renderRoute(path, [brokers(null)]);
    // The API catalogue's chunk brings graphql-js and builds the schema: slower under jsdom.
    const heading = await screen.findByText(title, { selector: 'gcds-heading' }, { timeout: 15_000 });
    await waitFor(() => expect(headingLevel(heading)).toBe('h1'));
    expect(document.documentElement.lang).toBe(path.slice(1, 3));
    expect(screen.queryByText(/Error 404|Erreur 404/)).toBeNull();
  });

  it('every landing link opens a page of the app or is an external link marked as such', async () => {
    renderRoute('/en', [portalInfo]);
    await screen.findByText('Passerelle client portal', { selector: 'gcds-heading' });
    const expected = {
      'Onboarding documentation': '/en/onboarding',
      Bulletins: '/en/bulletins',
      'List of licensed customs brokers': '/en/customs-brokers',
      'Open API catalogue': '/en/api-catalogue',
      'Frequently asked questions (FAQ)': '/en/faq',
    };
    for (const [text, href] of Object.entries(expected))
      await waitFor(() => expect(shadowHref(screen.getByText(text))).toBe(href));
    for (const text of ['Sign in to the eManifest portal', 'Sign in to the Trusted Trader portal']) {
      const link = screen.getByText(text).closest('gcds-link');
      // The wrapper sets the property: the link opens in a new tab and says it is external.
      expect((link as HTMLElement & { external?: boolean }).external).toBe(true);
      await waitFor(() =>
        expect(shadowHref(link)).toMatch(/^https:\/\/www\.cbsa-asfc\.gc\.ca\/.*-eng\.html$/),
      );
    }
  });

  it('lists the licensed customs brokers from the API', async () => {
    renderRoute('/fr/customs-brokers', [brokers(null)]);
    const table = (await screen.findByText('Harbour Brokers Inc.')).closest('table')!;
    expect(within(table).getByText('700000001')).toBeInTheDocument();
    expect(screen.getByText('1 courtier affiché')).toBeInTheDocument();
  });

  it('generates the API catalogue from the schema, with each field’s access rule', () => {
    const catalogue = apiCatalogue(sdl);
    const brokersQuery = catalogue.queries.find((q) => q.name === 'licensedCustomsBrokers');
    expect(brokersQuery?.arguments.map((a) => a.name)).toEqual(['first', 'search']);
    expect(brokersQuery?.example).toContain(
      'licensedCustomsBrokers { businessNumber legalName operatingName }',
    );
    const business = catalogue.types.find((type) => type.name === 'Business');
    expect(business?.fields.find((f) => f.name === 'businessNumber')?.access).toEqual({
      area: 'BUSINESS_IDENTITY',
      action: 'VIEW',
    });
    expect(catalogue.mutations.length).toBeGreaterThan(10);
  });
});
