import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  FinanceAccountDocument,
  FinanceClientDocument,
  FinanceTransactionsDocument,
} from '../../../generated/graphql';
import { select } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import { financeBusinessesMock } from '../../../test/fixtures/finance-fixtures';
import {
  anyVariables,
  areas,
  headerMock,
  northernLights,
  signedIn,
} from '../../../test/fixtures/relationships-fixtures';

const rm = { id: 'pa-rm', accountNumber: '123456789RM0001', name: 'Northern Lights Imports' };
const rt = { id: 'pa-rt', accountNumber: '123456789RT0001', name: 'Northern Lights GST' };

/** Each account's figures differ in every column, so a figure left from the other account shows. */
const figures: Record<string, { balance: number; statement: number; invoice: string; tx: string }> = {
  'pa-rm': { balance: 123_456, statement: 111_100, invoice: 'INV-RM-1', tx: '11111111111111' },
  'pa-rt': { balance: 7_890, statement: 2_200, invoice: 'INV-RT-1', tx: '22222222222222' },
};

function accountAnswer(id: string) {
  const f = figures[id];
  return {
    programAccount: {
      __typename: 'ProgramAccount',
      id,
      accountNumber: id === rm.id ? rm.accountNumber : rt.accountNumber,
      balance: {
        __typename: 'AccountBalance',
        balanceCents: f.balance,
        availableCreditCents: 0,
        amountOwingCents: 0,
      },
      statements: {
        __typename: 'AccountStatementConnection',
        edges: [
          {
            __typename: 'AccountStatementEdge',
            node: {
              __typename: 'AccountStatement',
              id: `s-${id}`,
              statementDate: '2026-11-01',
              periodStart: '2026-10-01',
              periodEnd: '2026-10-31',
              balanceCents: f.statement,
              amountDueCents: f.statement,
              dueDate: '2026-11-30',
            },
          },
        ],
        totalCount: 1,
      },
      invoices: {
        __typename: 'AgencyInvoiceConnection',
        edges: [
          {
            __typename: 'AgencyInvoiceEdge',
            node: {
              __typename: 'AgencyInvoice',
              id: `i-${id}`,
              invoiceNumber: f.invoice,
              invoiceDate: '2026-11-02',
              description: 'Release prior to payment: monthly service fee',
              descriptionFr: 'Mainlevée avant paiement : frais de service mensuels',
              amountCents: f.statement,
              dueDate: '2026-12-02',
              status: 'POSTED',
            },
          },
        ],
        totalCount: 1,
      },
    },
  };
}

function transactionsAnswer(id: string) {
  const node = {
    __typename: 'AccountTransaction',
    id: `t-${id}`,
    transactionNumber: figures[id].tx,
    transactionDate: '2026-11-20',
    description: 'Card batch',
    descriptionFr: 'Lot de cartes',
    amountCents: 5_000,
    remainingCents: 5_000,
    status: 'POSTED',
    isPayable: true,
    isApplicableCredit: false,
    claimable: false,
  };
  // An interest charge is posted and owed, but no claim can be filed on it; a declaration can.
  const interest = {
    ...node,
    id: `t-${id}-interest`,
    transactionNumber: `${figures[id].tx.slice(0, 12)}01`,
    description: 'Interest charge',
    descriptionFr: 'Frais d’intérêt',
  };
  const declaration = {
    ...node,
    id: `t-${id}-cad`,
    transactionNumber: `${figures[id].tx.slice(0, 12)}02`,
    description: 'Commercial accounting declaration',
    descriptionFr: 'Déclaration en détail',
    claimable: true,
  };
  const nodes = [node, interest, declaration];
  return {
    programAccount: {
      __typename: 'ProgramAccount',
      id,
      transactions: {
        __typename: 'AccountTransactionConnection',
        edges: nodes.map((n) => ({ __typename: 'AccountTransactionEdge', cursor: n.id, node: n })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        totalCount: nodes.length,
      },
    },
  };
}

const mocks = [
  ...signedIn,
  headerMock({ ...northernLights, accounts: [rm.accountNumber, rt.accountNumber] }),
  financeBusinessesMock({ REQUESTS_AND_TRANSACTIONS: 'edit' }, [rm, rt]),
  anyVariables(FinanceAccountDocument, (variables) => accountAnswer(String(variables.id))),
  anyVariables(FinanceTransactionsDocument, (variables) => transactionsAnswer(String(variables.id))),
];

describe('financial information page', { timeout: 20_000 }, () => {
  it('shows only the chosen account’s figures, and none of them on the next page (portal issue, defect 1)', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute(`/en/finance?account=${rm.id}`, mocks);

    expect(await screen.findByText('$1,234.56', { exact: false })).toBeInTheDocument();
    expect(await screen.findByText(figures['pa-rm'].tx)).toBeInTheDocument();

    await user.selectOptions(await select('Program account'), rt.id);

    expect(await screen.findByText(figures['pa-rt'].invoice)).toBeInTheDocument();
    expect(await screen.findByText(figures['pa-rt'].tx)).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.queryByText(figures['pa-rm'].invoice)).toBeNull();
      expect(screen.queryByText(figures['pa-rm'].tx)).toBeNull();
      expect(screen.queryByText('$1,234.56', { exact: false })).toBeNull();
    });
    // One balance, one statements table, one invoices table, one transactions table: the chosen account's.
    expect(screen.getAllByText('Balance', { selector: 'gcds-heading' })).toHaveLength(1);
    expect(screen.getAllByRole('table')).toHaveLength(3);

    await act(() => router.navigate('/en/finance/payments'));
    await waitFor(() => expect(screen.queryByText('Balance', { selector: 'gcds-heading' })).toBeNull());
    expect(screen.queryByText(figures['pa-rt'].invoice)).toBeNull();
    expect(screen.queryByText(figures['pa-rm'].invoice)).toBeNull();
  });

  it('offers to file a claim only on the transactions the claim rules allow, never on an interest charge (claims issue)', async () => {
    renderRoute(`/en/finance?account=${rm.id}`, mocks);
    const declaration = `${figures['pa-rm'].tx.slice(0, 12)}02`;
    expect(await screen.findByText(declaration)).toBeInTheDocument();
    const links = screen.getAllByText('File a claim');
    expect(links).toHaveLength(1);
    expect(links[0].closest('gcds-link')?.getAttribute('aria-label')).toContain(declaration);
  });

  it.each([
    ['en', 'Card batch', 'Release prior to payment: monthly service fee'],
    ['fr', 'Lot de cartes', 'Mainlevée avant paiement : frais de service mensuels'],
  ])(
    'shows reference descriptions in the page’s language (%s; portal issue, defect 7)',
    async (language, tx, invoice) => {
      renderRoute(`/${language}/finance?account=${rm.id}`, mocks);
      expect(await screen.findByText(tx, { selector: 'td' })).toBeInTheDocument();
      expect(await screen.findByText(invoice, { selector: 'td' })).toBeInTheDocument();
      const other = language === 'fr' ? ['Card batch', 'Release prior'] : ['Lot de cartes', 'Mainlevée'];
      for (const text of other) expect(screen.queryByText(text, { exact: false })).toBeNull();
    },
  );

  it('shows a client’s transactions to a provider acting for it, as the relationship allows (portal issue, defect 8)', async () => {
    const client = { id: 'b-client', name: 'Maple Leaf Client Ltd.' };
    renderRoute(`/en/finance?business=${client.id}`, [
      ...signedIn,
      headerMock({ ...northernLights, accounts: [] }),
      anyVariables(FinanceClientDocument, (variables) => ({
        business:
          variables.businessId === client.id
            ? {
                __typename: 'Business',
                ...client,
                viewerAccess: {
                  __typename: 'BusinessAccess',
                  areas: areas({ REQUESTS_AND_TRANSACTIONS: 'edit' }),
                  programAccountIds: [rm.id],
                  programAccounts: [{ __typename: 'ProgramAccountSummary', ...rm }],
                },
              }
            : null,
      })),
      anyVariables(FinanceAccountDocument, (variables) => accountAnswer(String(variables.id))),
      anyVariables(FinanceTransactionsDocument, (variables) => transactionsAnswer(String(variables.id))),
    ]);
    expect(
      await screen.findByText('For your client Maple Leaf Client Ltd.', { exact: false }),
    ).toBeInTheDocument();
    expect(await screen.findByText(figures['pa-rm'].tx)).toBeInTheDocument();
    expect(await screen.findByText('$1,234.56', { exact: false })).toBeInTheDocument();
    // Applying a credit is for the provider's own accounts: no button that would open them instead.
    expect(screen.queryByText('Apply a credit')).toBeNull();
  });

  it('follows a link styled as a button with Space, as a button would (portal issue, defect 4)', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute(`/en/finance?account=${rm.id}`, mocks);
    const host = (await screen.findByText('Apply a credit')).closest('gcds-button');
    let anchor: HTMLAnchorElement | null | undefined;
    await waitFor(() => {
      anchor = host?.shadowRoot?.querySelector('a');
      expect(anchor).toBeTruthy();
    });
    anchor!.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(router.state.location.pathname).toBe('/en/finance/payments'));
    expect(router.state.location.search).toBe(`?account=${rm.id}`);
  });
});
