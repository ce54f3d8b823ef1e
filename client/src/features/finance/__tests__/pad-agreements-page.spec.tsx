import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  CancelPadAgreementDocument,
  CreatePadAgreementDocument,
  FinanceAccountDocument,
  FinanceTransactionsDocument,
  PadAgreementsDocument,
} from '../../../generated/graphql';
import { button, choice, input, replaceText, select, summaryLinks } from '../../../test/gcds';
import { renderRoute, shadowHref } from '../../../test/render-route';
import {
  anyVariables,
  headerMock,
  northernLights,
  signedIn,
} from '../../../test/fixtures/relationships-fixtures';
import { padProblems } from '../components/finance-rules';
import { financeBusinessesMock, rmAccount } from '../../../test/fixtures/finance-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';

const header = headerMock({ ...northernLights, accounts: ['123456789RM0001'] });

function agreement(status: 'ACTIVE' | 'CANCELLED') {
  return {
    __typename: 'PadAgreementNode',
    id: 'pad-1',
    status,
    accountHolder: 'Northern Lights Imports',
    institutionNumber: '003',
    maskedTransitNumber: '•••45',
    maskedAccountNumber: '••••7890',
    accountNumberEnding: '7890',
    debitDay: 15,
    createdAt: '2026-12-01T15:00:00.000Z',
    cancelledAt: status === 'CANCELLED' ? '2026-12-02T15:00:00.000Z' : null,
  };
}

function padMocks(agreements: () => unknown[]) {
  return anyVariables(PadAgreementsDocument, () => ({
    programAccount: {
      __typename: 'ProgramAccount',
      id: rmAccount.id,
      accountNumber: rmAccount.accountNumber,
      padAgreementsConnection: connectionOf('PadAgreement', agreements()),
    },
  }));
}

describe('PAD rules (the server’s)', () => {
  it('wants 3, 5 and 7 to 12 digits, a holder, a day from 1 to 28 and the terms', () => {
    expect(
      padProblems({
        accountHolder: ' ',
        institutionNumber: '12a',
        transitNumber: '1234',
        accountNumber: '123456',
        debitDay: '29',
        acceptTerms: false,
      }),
    ).toEqual({
      accountHolder: 'accountHolder',
      institutionNumber: 'institutionNumber',
      transitNumber: 'transitNumber',
      accountNumber: 'accountNumber',
      debitDay: 'debitDay',
      acceptTerms: 'acceptTerms',
    });
    expect(
      padProblems({
        accountHolder: 'A',
        institutionNumber: '003',
        transitNumber: '12345',
        accountNumber: '123456789012',
        debitDay: '28',
        acceptTerms: true,
      }),
    ).toEqual({});
  });
});

describe('pre-authorized debit page', { timeout: 30_000 }, () => {
  it('creates an agreement, shows only the last digits back, then cancels it after a confirmation', async () => {
    const user = userEvent.setup();
    let state: 'none' | 'active' | 'cancelled' = 'none';
    const created: unknown[] = [];
    const cancelled: unknown[] = [];
    renderRoute('/en/finance/pad', [
      ...signedIn,
      header,
      financeBusinessesMock({ PAD: 'edit' }),
      padMocks(() => (state === 'none' ? [] : [agreement(state === 'active' ? 'ACTIVE' : 'CANCELLED')])),
      anyVariables(CreatePadAgreementDocument, (variables) => {
        created.push(variables.input);
        state = 'active';
        return {
          createPadAgreement: {
            __typename: 'PadAgreementPayload',
            agreement: agreement('ACTIVE'),
            userErrors: [],
          },
        };
      }),
      anyVariables(CancelPadAgreementDocument, (variables) => {
        cancelled.push(variables.padAgreementId);
        state = 'cancelled';
        return {
          cancelPadAgreement: {
            __typename: 'PadAgreementPayload',
            agreement: agreement('CANCELLED'),
            userErrors: [],
          },
        };
      }),
    ]);

    expect(
      await screen.findByText('There is no active pre-authorized debit agreement on this account.'),
    ).toBeInTheDocument();
    await user.click(await button('Create the agreement'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'Enter the name of the account holder.',
        'Enter the financial institution number: 3 digits.',
        'Enter the branch transit number: 5 digits.',
        'Enter the bank account number: 7 to 12 digits.',
        'Select the day of the monthly debit, from 1 to 28.',
        'You must accept the terms to create the agreement.',
      ]),
    );

    await user.type(await input('Name of the account holder'), 'Northern Lights Imports');
    await user.type(await input('Financial institution number'), '03');
    await user.type(await input('Branch transit number'), '12345');
    await user.type(await input('Bank account number'), '1234567890');
    await user.selectOptions(await select('Day of the monthly debit'), '15');
    await user.click(
      await choice('Terms of the agreement', /^I accept the terms of the pre-authorized debit agreement/),
    );
    await user.click(await button('Create the agreement'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'Enter the financial institution number: 3 digits.',
      ]),
    );
    expect(created).toEqual([]);

    await replaceText(user, await input('Financial institution number'), '003');
    await user.click(await button('Create the agreement'));
    expect(
      await screen.findByText(
        'The pre-authorized debit agreement is active. The bank account ending in 7890 will be debited monthly.',
      ),
    ).toBeInTheDocument();
    expect(created).toEqual([
      {
        programAccountId: 'pa-1',
        accountHolder: 'Northern Lights Imports',
        institutionNumber: '003',
        transitNumber: '12345',
        accountNumber: '1234567890',
        debitDay: 15,
        acceptTerms: true,
      },
    ]);
    // Masked after entry: the form is gone and the page shows the last four digits only.
    expect(await screen.findByText('••••7890')).toBeInTheDocument();
    expect(screen.getByText('Account ending in 7890')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('1234567890');
    expect(document.querySelector('form')).toBeNull();

    // A confirmation step: going back changes nothing.
    await user.click(await button('Cancel this agreement'));
    expect(await screen.findByText('Cancel the pre-authorized debit agreement?')).toBeInTheDocument();
    await user.click(await button('No, keep the agreement'));
    await waitFor(() => expect(screen.queryByText('Cancel the pre-authorized debit agreement?')).toBeNull());
    expect(cancelled).toEqual([]);

    await user.click(await button('Cancel this agreement'));
    await user.click(await button('Yes, cancel the agreement'));
    expect(
      await screen.findByText(
        'The pre-authorized debit agreement was cancelled. No further debits will be made.',
      ),
    ).toBeInTheDocument();
    expect(cancelled).toEqual(['pad-1']);
    expect(await screen.findByText('Cancelled agreements: 1')).toBeInTheDocument();
    // With no active agreement, a new one may be set up.
    expect(await button('Create the agreement')).toBeTruthy();
  });

  it('in French, shows the server’s errors beside the fields and checks in French first', async () => {
    const user = userEvent.setup();
    renderRoute('/fr/finance/pad', [
      ...signedIn,
      header,
      financeBusinessesMock({ PAD: 'edit' }),
      padMocks(() => []),
      anyVariables(CreatePadAgreementDocument, () => ({
        createPadAgreement: {
          __typename: 'PadAgreementPayload',
          agreement: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'programAccountId'],
              code: 'PAD_EXISTS',
              message: 'Ce compte a déjà un accord de débit préautorisé en vigueur.',
            },
          ],
        },
      })),
    ]);
    await user.click(await button('Créer l’accord'));
    await waitFor(() => expect(summaryLinks()[0]?.text).toBe('Entrez le nom du titulaire du compte.'));
    await user.type(await input('Nom du titulaire du compte'), 'Aurores boréales');
    await user.type(await input('Numéro de l’institution financière'), '003');
    await user.type(await input('Numéro de domiciliation (succursale)'), '12345');
    await user.type(await input('Numéro du compte bancaire'), '1234567');
    await user.selectOptions(await select('Jour du prélèvement mensuel'), '1');
    await user.click(
      await choice('Conditions de l’accord', /^J’accepte les conditions de l’accord de débit préautorisé/),
    );
    await user.click(await button('Créer l’accord'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'Ce compte a déjà un accord de débit préautorisé en vigueur.',
      ]),
    );
  });

  it('in French, offers nothing to a viewer without PAD access, and the finance page does not link to it', async () => {
    const first = renderRoute('/fr/finance/pad', [
      ...signedIn,
      header,
      financeBusinessesMock({ REQUESTS_AND_TRANSACTIONS: 'view', FINANCIAL_SECURITY: 'view' }),
    ]);
    expect(
      await screen.findByText(
        'Vous n’avez accès aux accords de débit préautorisé d’aucun compte de programme de votre entreprise.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    first.unmount();

    renderRoute('/fr/finance', [
      ...signedIn,
      header,
      financeBusinessesMock({ REQUESTS_AND_TRANSACTIONS: 'view', FINANCIAL_SECURITY: 'view' }),
      anyVariables(FinanceAccountDocument, () => ({ programAccount: null })),
      anyVariables(FinanceTransactionsDocument, () => ({ programAccount: null })),
    ]);
    const security = await screen.findByText('Sécurité financière', { selector: 'gcds-link' });
    await waitFor(() => expect(shadowHref(security)).toBe('/fr/finance/security'));
    expect(screen.queryByText('Débit préautorisé', { selector: 'gcds-link' })).toBeNull();
  });
});
