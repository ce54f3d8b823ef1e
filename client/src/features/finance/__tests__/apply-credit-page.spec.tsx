import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  ApplyCreditDocument,
  FinanceAccountDocument,
  FinanceTransactionsDocument,
} from '../../../generated/graphql';
import { button, choice, select, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import { financeBusinessesMock } from '../../../test/fixtures/finance-fixtures';
import {
  anyVariables,
  headerMock,
  northernLights,
  signedIn,
} from '../../../test/fixtures/relationships-fixtures';
import { allocate } from '../components/apply-credit-page';

function tx(id: string, number: string, amountCents: number, remainingCents: number, status: string) {
  return {
    __typename: 'AccountTransaction',
    id,
    transactionNumber: number,
    transactionDate: '2026-11-20',
    description: `Transaction ${number}`,
    descriptionFr: null,
    amountCents,
    remainingCents,
    status,
    isPayable: amountCents > 0 && remainingCents > 0,
    isApplicableCredit: amountCents < 0 && remainingCents > 0,
    claimable: false,
  };
}

function financeMocks(edit: boolean, transactions: () => ReturnType<typeof tx>[]) {
  return [
    ...signedIn,
    headerMock({ ...northernLights, accounts: ['123456789RM0001'] }),
    financeBusinessesMock({ REQUESTS_AND_TRANSACTIONS: edit ? 'edit' : 'view' }),
    anyVariables(FinanceTransactionsDocument, () => {
      const list = transactions();
      return {
        programAccount: {
          __typename: 'ProgramAccount',
          id: 'pa-1',
          transactions: {
            __typename: 'AccountTransactionConnection',
            edges: list.map((node) => ({ __typename: 'AccountTransactionEdge', cursor: node.id, node })),
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            totalCount: list.length,
          },
        },
      };
    }),
    anyVariables(FinanceAccountDocument, () => ({ programAccount: null })),
  ];
}

describe('allocate', () => {
  it('pays each transaction in full until the credit runs out', () => {
    expect(
      allocate(10_000, [
        { id: 'a', remainingCents: 6_000 },
        { id: 'b', remainingCents: 6_000 },
      ]),
    ).toEqual({
      allocations: [
        { transactionId: 'a', amountCents: 6_000 },
        { transactionId: 'b', amountCents: 4_000 },
      ],
      leftCents: 0,
    });
  });
});

describe('apply credits page', { timeout: 20_000 }, () => {
  it('refuses an empty form, shows server errors, then applies a credit and shows what remains', async () => {
    const user = userEvent.setup();
    let applied = false;
    let calls = 0;
    const sent: unknown[] = [];
    const list = () =>
      applied
        ? [
            tx('c1', '10000000000001', -50_000, 38_000, 'UNAPPLIED_CREDIT'),
            tx('t1', '20000000000001', 12_000, 0, 'PAID'),
          ]
        : [
            tx('c1', '10000000000001', -50_000, 50_000, 'UNAPPLIED_CREDIT'),
            tx('t1', '20000000000001', 12_000, 12_000, 'POSTED'),
          ];
    renderRoute('/en/finance/payments', [
      ...financeMocks(true, list),
      anyVariables(ApplyCreditDocument, (variables) => {
        sent.push(variables.input);
        calls += 1;
        if (calls === 1)
          return {
            applyCredit: {
              __typename: 'ApplyCreditPayload',
              credit: null,
              paid: [],
              userErrors: [
                {
                  __typename: 'UserError',
                  field: ['input', 'allocations', '0', 'amountCents'],
                  code: 'OVER_OWING',
                  message: 'The amount is more than the transaction owes.',
                },
              ],
            },
          };
        applied = true;
        return {
          applyCredit: {
            __typename: 'ApplyCreditPayload',
            credit: list()[0],
            paid: [list()[1]],
            userErrors: [],
          },
        };
      }),
    ]);

    expect(await screen.findByText('Apply credits', { selector: 'gcds-heading' })).toBeInTheDocument();
    await user.click(await button('Apply the credit'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'Select a credit to apply.',
        'Select at least one transaction to pay.',
      ]),
    );
    expect(sent).toEqual([]);

    await user.selectOptions(await select('Credit to apply'), 'c1');
    await user.click(await choice('Transactions to pay', /^20000000000001/));
    expect(await screen.findByText('Credit remaining after this payment: $380.00')).toBeInTheDocument();

    await user.click(await button('Apply the credit'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual(['The amount is more than the transaction owes.']),
    );
    expect(sent[0]).toEqual({
      programAccountId: 'pa-1',
      creditTransactionId: 'c1',
      allocations: [{ transactionId: 't1', amountCents: 12_000 }],
    });

    await user.click(await button('Apply the credit'));
    expect(await screen.findByText('The credit was applied. Credit remaining: $380.00.')).toBeInTheDocument();
    expect(await screen.findByText('There are no transactions to pay on this account.')).toBeInTheDocument();
  });

  it('in French, tells a reader without edit access there is nothing to apply', async () => {
    renderRoute(
      '/fr/finance/payments',
      financeMocks(false, () => []),
    );
    expect(
      await screen.findByText('Vous n’avez accès aux renseignements financiers d’aucun compte de programme.'),
    ).toBeInTheDocument();
  });

  it("pages through the account's transactions until the credit to apply is found", async () => {
    const user = userEvent.setup();
    const asked: unknown[] = [];
    const sent: unknown[] = [];
    const page = (after: unknown) =>
      after === 'cursor-t1'
        ? { nodes: [tx('c1', '10000000000001', -50_000, 50_000, 'UNAPPLIED_CREDIT')], next: null }
        : { nodes: [tx('t1', '20000000000001', 12_000, 12_000, 'POSTED')], next: 'cursor-t1' };
    renderRoute('/en/finance/payments', [
      ...signedIn,
      headerMock({ ...northernLights, accounts: ['123456789RM0001'] }),
      financeBusinessesMock({ REQUESTS_AND_TRANSACTIONS: 'edit' }),
      anyVariables(FinanceTransactionsDocument, (variables) => {
        asked.push({ first: variables.first, after: variables.after ?? null });
        const { nodes, next } = page(variables.after);
        return {
          programAccount: {
            __typename: 'ProgramAccount',
            id: 'pa-1',
            transactions: {
              __typename: 'AccountTransactionConnection',
              edges: nodes.map((node) => ({ __typename: 'AccountTransactionEdge', cursor: node.id, node })),
              pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, endCursor: next },
              totalCount: 2,
            },
          },
        };
      }),
      anyVariables(ApplyCreditDocument, (variables) => {
        sent.push(variables.input);
        return {
          applyCredit: {
            __typename: 'ApplyCreditPayload',
            credit: tx('c1', '10000000000001', -50_000, 38_000, 'UNAPPLIED_CREDIT'),
            paid: [tx('t1', '20000000000001', 12_000, 0, 'PAID')],
            userErrors: [],
          },
        };
      }),
    ]);

    expect(
      await screen.findByText(
        'There is no credit to apply among the transactions shown. Show more transactions to look further back.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 2 transactions.')).toBeInTheDocument();
    await user.click(await button('Show more transactions'));

    await user.selectOptions(await select('Credit to apply'), 'c1');
    await user.click(await choice('Transactions to pay', /^20000000000001/));
    expect(screen.queryByText('Show more transactions')).not.toBeInTheDocument();
    await user.click(await button('Apply the credit'));
    expect(await screen.findByText('The credit was applied. Credit remaining: $380.00.')).toBeInTheDocument();
    expect(asked.slice(0, 2)).toEqual([
      { first: 50, after: null },
      { first: 50, after: 'cursor-t1' },
    ]);
    expect(sent).toEqual([
      {
        programAccountId: 'pa-1',
        creditTransactionId: 'c1',
        allocations: [{ transactionId: 't1', amountCents: 12_000 }],
      },
    ]);
  });
});
