import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  ClientsAccessDocument,
  ClientsActingForDocument,
  ClientsProfileDocument,
  ClientsProgramAccountDocument,
  ClientsProgramListDocument,
} from '../../../generated/graphql';
import { renderRoute, shadowHref } from '../../../test/render-route';
import {
  address,
  always,
  anyVariables,
  areas,
  headerMock,
  mapleLeaf,
  northernLights,
  relationshipsViewerMock,
  rm0001,
  signedIn,
} from '../../../test/fixtures/relationships-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';

const providerHeader = headerMock({ ...mapleLeaf, accounts: ['345678902RM0001'] });
const employeeViewer = relationshipsViewerMock({
  business: mapleLeaf,
  role: 'EDITOR',
  provider: true,
  granted: {
    BUSINESS_IDENTITY: 'view',
    BUSINESS_PROFILE: 'view',
    PROGRAM_PROFILE: 'view',
    PROGRAM_LIST: 'view',
  },
  actingFor: [northernLights.id],
});

function actingFor(clients: Array<{ id: string; businessNumber: string; name: string }>) {
  return always(ClientsActingForDocument, () => ({
    me: {
      __typename: 'Viewer',
      id: 'user-1',
      actingForConnection: connectionOf(
        'Business',
        clients.map((client) => ({ __typename: 'Business', ...client })),
      ),
    },
  }));
}

function clientMocks(granted: Parameters<typeof areas>[0], programAccountIds: string[], asked: string[]) {
  return [
    anyVariables(ClientsAccessDocument, () => ({
      business: {
        __typename: 'Business',
        ...northernLights,
        viewerAccess: { __typename: 'BusinessAccess', areas: areas(granted), programAccountIds },
      },
    })),
    anyVariables(ClientsProfileDocument, () => {
      asked.push('profile');
      return {
        business: {
          __typename: 'Business',
          id: northernLights.id,
          profile: {
            __typename: 'BusinessProfile',
            legalName: 'Northern Lights Imports Inc.',
            operatingName: 'Northern Lights',
            businessType: 'CORPORATION',
            addresses: [address],
            contacts: [
              {
                __typename: 'Contact',
                name: 'Sam Tremblay',
                title: 'Logistics',
                phone: null,
                email: 'sam@example.com',
              },
            ],
          },
        },
      };
    }),
    anyVariables(ClientsProgramListDocument, () => {
      asked.push('list');
      return {
        business: {
          __typename: 'Business',
          id: northernLights.id,
          programAccountsConnection: connectionOf('ProgramAccount', [
            {
              __typename: 'ProgramAccount',
              id: 'pa-1',
              accountNumber: '123456789RM0001',
              name: 'Northern Lights Imports',
              programType: 'IMPORTER',
              billingType: 'MONTHLY_STATEMENT',
              status: 'ACTIVE',
            },
            {
              __typename: 'ProgramAccount',
              id: 'pa-2',
              accountNumber: '123456789RT0001',
              name: 'Northern Lights Imports Inc.',
              programType: 'GST_HST',
              billingType: '',
              status: 'ACTIVE',
            },
          ]),
        },
      };
    }),
    anyVariables(ClientsProgramAccountDocument, (variables) => {
      asked.push(`account:${String(variables.accountId)}`);
      const { viewerCanEdit: _edit, programCode: _code, ...account } = rm0001;
      return { programAccount: { ...account, id: String(variables.accountId) } };
    }),
  ];
}

describe('clients a provider employee acts for', { timeout: 20_000 }, () => {
  it('lists the clients, each linking to its page', async () => {
    renderRoute('/en/clients', [...signedIn, providerHeader, employeeViewer, actingFor([northernLights])]);
    const table = await screen.findByRole('table', { name: 'Clients you may act for: 1' });
    expect(document.title).toBe('Clients I act for - Passerelle client portal');
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe('Northern Lights123456789');
    expect(screen.getByText('Pick the client you act for.')).toBeInTheDocument();
    await waitFor(() =>
      expect(shadowHref(screen.getByText('Northern Lights').closest('gcds-link'))).toBe('/en/clients/b-1'),
    );
  });

  it('explains who assigns clients when there are none', async () => {
    renderRoute('/fr/clients', [...signedIn, providerHeader, employeeViewer, actingFor([])]);
    const notice = await waitFor(() => {
      const found = document.querySelector('gcds-notice');
      if (!found) throw new Error('no notice yet');
      return found;
    });
    expect(
      notice.getAttribute('notice-title') ?? (notice as unknown as { noticeTitle: string }).noticeTitle,
    ).toBe('Aucun client ne vous est encore affecté');
    expect(
      screen.getByText(
        "Le gestionnaire de compte d'entreprise de votre fournisseur de services affecte les clients aux employés, un à un ou par groupes de clients. Demandez-lui de vous affecter les clients pour lesquels vous travaillez.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('under program management shows only the identity and the accounts covered, with no error', async () => {
    const asked: string[] = [];
    renderRoute('/en/clients/b-1', [
      ...signedIn,
      providerHeader,
      employeeViewer,
      ...clientMocks(
        { BUSINESS_IDENTITY: 'view', PROGRAM_PROFILE: 'view', REQUESTS_AND_TRANSACTIONS: 'edit' },
        ['pa-1'],
        asked,
      ),
    ]);
    expect(
      await screen.findByText('Program account 123456789RM0001 - Northern Lights Imports'),
    ).toBeInTheDocument();
    expect(document.title).toBe('Northern Lights - Passerelle client portal');
    expect(screen.getByText('123456789')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not available under this relationship: business profile, program account list, financial security, pre-authorized debit agreements, collections notices, access management, relationship management.',
      ),
    ).toBeInTheDocument();
    // What the relationship allows is reached from here, not said to be missing (issue 14, defect 8).
    expect(screen.queryByText(/not yet in the portal/)).toBeNull();
    const actions = (await screen.findByText('For this client', { selector: 'gcds-heading' })).closest(
      'section',
    )!;
    const hrefs = await waitFor(() => {
      const found = within(actions)
        .getAllByRole('listitem')
        .map((item) => [item.textContent, shadowHref(item.querySelector('gcds-link'))]);
      expect(found.every(([, href]) => href)).toBe(true);
      return found;
    });
    expect(hrefs).toEqual([
      ['Transactions, statements and invoices', '/en/finance?business=b-1'],
      ['Rulings and their documents', '/en/rulings?business=b-1'],
      ['Request a ruling', '/en/rulings/new?business=b-1'],
      ['Upload a document to a ruling', '/en/documents/upload'],
    ]);
    expect(screen.queryByText('Business profile')).toBeNull();
    expect(screen.queryByText('Program accounts')).toBeNull();
    expect(document.body.textContent).not.toContain('RT0001');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(asked).toEqual(['account:pa-1']);
  });

  it('under business management shows the business profile and the program list', async () => {
    const asked: string[] = [];
    renderRoute('/en/clients/b-1', [
      ...signedIn,
      providerHeader,
      employeeViewer,
      ...clientMocks(
        {
          BUSINESS_IDENTITY: 'view',
          BUSINESS_PROFILE: 'view',
          PROGRAM_PROFILE: 'view',
          PROGRAM_LIST: 'view',
          FINANCIAL_SECURITY: 'edit',
          REQUESTS_AND_TRANSACTIONS: 'edit',
        },
        ['pa-1', 'pa-2'],
        asked,
      ),
    ]);
    expect(await screen.findByText('Business profile')).toBeInTheDocument();
    expect((await screen.findAllByText('Northern Lights Imports Inc.')).length).toBeGreaterThan(0);
    const list = await screen.findByRole('table', { name: 'Program accounts of the client: 2' });
    expect(
      within(list)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'Account numberNameProgramBillingStatus',
      '123456789RM0001Northern Lights ImportsImporterMonthly statement of accountActive',
      '123456789RT0001Northern Lights Imports Inc.GST/HSTNot applicableActive',
    ]);
    expect(screen.getByRole('table', { name: 'Contacts of the business' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not available under this relationship: pre-authorized debit agreements, collections notices, access management, relationship management.',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('Financial security')).toBeInTheDocument();
    await waitFor(() =>
      expect(shadowHref(screen.getByText('Financial security').closest('gcds-link'))).toBe(
        '/en/finance/security?business=b-1',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect([...asked].sort()).toEqual(['list', 'profile']);
  });
});
