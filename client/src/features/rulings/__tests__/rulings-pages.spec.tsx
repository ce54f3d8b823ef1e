import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  RequestRulingDocument,
  RulingDetailDocument,
  RulingsBusinessesDocument,
  RulingsListDocument,
} from '../../../generated/graphql';
import { button, input, select, summaryLinks } from '../../../test/gcds';
import { renderRoute, shadowHref } from '../../../test/render-route';
import { rmAccount, summary } from '../../../test/fixtures/finance-fixtures';
import {
  anyVariables,
  areas,
  headerMock,
  northernLights,
  signedIn,
  textarea,
} from '../../../test/fixtures/relationships-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';

const header = headerMock({ ...northernLights, accounts: ['123456789RM0001'] });
const rtAccount = { id: 'pa-rt', accountNumber: '123456789RT0001', name: 'Northern Lights GST' };

function businessOf(id: string, name: string, edit: boolean, accounts: Array<typeof rmAccount>) {
  return {
    __typename: 'Business',
    id,
    name,
    viewerAccess: {
      __typename: 'BusinessAccess',
      areas: areas({ REQUESTS_AND_TRANSACTIONS: edit ? 'edit' : 'view' }),
      programAccountIds: accounts.map((a) => a.id),
      programAccounts: accounts.map(summary),
    },
  };
}

const businessesMock = anyVariables(RulingsBusinessesDocument, () => ({
  me: {
    __typename: 'Viewer',
    id: 'user-1',
    activeBusiness: businessOf(northernLights.id, northernLights.name, true, [rmAccount, rtAccount]),
    actingForConnection: connectionOf('Business', [businessOf('b-c', 'Client Imports', false, [])]),
  },
}));

function rulingNode(id: string, caseNumber: string, status: string) {
  return {
    __typename: 'Ruling',
    id,
    caseNumber,
    type: 'TARIFF_CLASSIFICATION',
    status,
    requestedAt: '2026-11-20T15:00:00.000Z',
    programAccount: {
      __typename: 'ProgramAccountSummary',
      id: rmAccount.id,
      accountNumber: rmAccount.accountNumber,
    },
  };
}

function detail(id: string, caseNumber: string, documents: unknown[]) {
  return {
    ruling: {
      ...rulingNode(id, caseNumber, 'SUBMITTED'),
      goodsDescription: 'Insulated steel bottles',
      tariffClassification: null,
      questions: 'Is heading 96.17 right?',
      agencyNote: null,
      programAccount: {
        __typename: 'ProgramAccountSummary',
        id: rmAccount.id,
        accountNumber: rmAccount.accountNumber,
        name: rmAccount.name,
      },
      documentsConnection: connectionOf('CaseDocument', documents),
    },
  };
}

describe('rulings pages', { timeout: 30_000 }, () => {
  it('lists the rulings of the business page by page, and of a client chosen in the list', async () => {
    const user = userEvent.setup();
    const asked: unknown[] = [];
    renderRoute('/en/rulings', [
      ...signedIn,
      header,
      businessesMock,
      anyVariables(RulingsListDocument, (variables) => {
        asked.push({ businessId: variables.businessId, after: variables.after ?? null });
        const clientList = variables.businessId === 'b-c';
        const second = variables.after === 'c1';
        const nodes = clientList
          ? []
          : [
              second
                ? rulingNode('r-2', '8000000002', 'UNDER_REVIEW')
                : rulingNode('r-1', '8000000001', 'SUBMITTED'),
            ];
        return {
          business: {
            __typename: 'Business',
            id: variables.businessId,
            rulings: {
              __typename: 'RulingConnection',
              edges: nodes.map((node) => ({
                __typename: 'RulingEdge',
                cursor: node.id === 'r-1' ? 'c1' : 'c2',
                node,
              })),
              pageInfo: {
                __typename: 'PageInfo',
                hasNextPage: !clientList && !second,
                endCursor: second ? 'c2' : 'c1',
              },
              totalCount: clientList ? 0 : 2,
            },
          },
        };
      }),
    ]);

    expect(await screen.findByText('Ruling requests: 2')).toBeInTheDocument();
    const first = await screen.findByText('8000000001', { selector: 'gcds-link' });
    await waitFor(() => expect(shadowHref(first)).toBe('/en/rulings/r-1'));
    expect(screen.getByText('Submitted')).toBeInTheDocument();
    await user.click(await button('Show more'));
    expect(await screen.findByText('8000000002', { selector: 'gcds-link' })).toBeInTheDocument();
    expect(screen.getByText('Under review')).toBeInTheDocument();
    expect(screen.getByText('8000000001', { selector: 'gcds-link' })).toBeInTheDocument();

    await user.selectOptions(await select('Business'), 'b-c');
    expect(await screen.findByText('There are no ruling requests yet.')).toBeInTheDocument();
    expect(asked).toEqual([
      { businessId: 'b-1', after: null },
      { businessId: 'b-1', after: 'c1' },
      { businessId: 'b-c', after: null },
    ]);
  });

  it('requests a ruling: the form’s rules, the server’s errors, then the new case', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const { router } = renderRoute('/en/rulings/new', [
      ...signedIn,
      header,
      businessesMock,
      anyVariables(RequestRulingDocument, (variables) => {
        sent.push(variables.input);
        return sent.length === 1
          ? {
              requestRuling: {
                __typename: 'RequestRulingPayload',
                ruling: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'tariffClassification'],
                    code: 'INVALID_FORMAT',
                    message: 'Enter 10 digits in the form 0000.00.00.00.',
                  },
                ],
              },
            }
          : {
              requestRuling: {
                __typename: 'RequestRulingPayload',
                ruling: { __typename: 'Ruling', id: 'r-9', caseNumber: '8000000009' },
                userErrors: [],
              },
            };
      }),
      anyVariables(RulingDetailDocument, () => detail('r-9', '8000000009', [])),
    ]);

    // The shared picker: every account in scope, labelled from the one list query.
    const picker = await select('Program account');
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      'Choose a program account',
      '123456789RM0001 Northern Lights Imports',
      '123456789RT0001 Northern Lights GST',
    ]);
    await user.click(await button('Submit the request'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'Choose a program account.',
        'Choose the type of ruling.',
        'Describe the goods.',
        'Enter your questions for the agency.',
      ]),
    );
    await user.selectOptions(picker, 'pa-1');
    await user.selectOptions(await select('Type of ruling'), 'TARIFF_CLASSIFICATION');
    await user.type(await textarea('Description of the goods'), 'Insulated steel bottles');
    await user.type(await input('Proposed classification number (optional)'), '9617');
    await user.type(await textarea('Your questions for the agency'), 'Is heading 96.17 right?');
    await user.click(await button('Submit the request'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual(['Enter 10 digits in the form 0000.00.00.00.']),
    );
    expect(sent[0]).toEqual({
      programAccountId: 'pa-1',
      type: 'TARIFF_CLASSIFICATION',
      goodsDescription: 'Insulated steel bottles',
      tariffClassification: '9617',
      questions: 'Is heading 96.17 right?',
    });

    await user.click(await button('Submit the request'));
    expect(
      await screen.findByText('Ruling request 8000000009', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/en/rulings/r-9');
  });

  it('in French, shows a ruling with its documents, and says so without an error box when refused', async () => {
    const first = renderRoute('/fr/rulings/r-1', [
      ...signedIn,
      header,
      anyVariables(RulingDetailDocument, () =>
        detail('r-1', '8000000001', [
          {
            __typename: 'CaseDocument',
            id: 'd-1',
            fileName: 'plans.pdf',
            category: 'DRAWINGS_AND_DIAGRAMS',
            sizeBytes: 40_960,
            uploadedAt: '2026-11-21T15:00:00.000Z',
            downloadUrl: '/api/documents/d-1',
          },
        ]),
      ),
    ]);
    expect(
      await screen.findByText('Demande de décision 8000000001', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Classement tarifaire')).toBeInTheDocument();
    expect(screen.getByText('Soumise')).toBeInTheDocument();
    expect(screen.getByText('Dessins et schémas')).toBeInTheDocument();
    expect(screen.getByText('40 Ko')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'plans.pdf' })).toHaveAttribute('href', '/api/documents/d-1');
    const upload = screen.getByText('Télécharger un document pour ce cas', { selector: 'gcds-button' });
    await waitFor(() => expect(shadowHref(upload)).toBe('/fr/documents/upload?case=8000000001'));
    first.unmount();

    renderRoute('/fr/rulings/r-x', [
      ...signedIn,
      header,
      {
        request: { query: RulingDetailDocument, variables: { id: 'r-x' } },
        result: {
          data: { ruling: null },
          errors: [new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })],
        },
      },
    ]);
    expect(
      await screen.findByText(
        'Nous n’avons pas trouvé cette demande de décision, ou vous n’y avez pas accès.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
