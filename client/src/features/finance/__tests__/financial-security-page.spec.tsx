import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FinancialSecurityDocument, SubmitFinancialSecurityChangeDocument } from '../../../generated/graphql';
import { button, choice, input, replaceText, select, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import {
  anyVariables,
  headerMock,
  northernLights,
  signedIn,
  textarea,
} from '../../../test/fixtures/relationships-fixtures';
import { parseDollars, securityProblems } from '../components/finance-rules';
import { rmAccount, rmAccount2, securityBusinessesMock } from '../../../test/fixtures/finance-fixtures';

const onFile = {
  __typename: 'FinancialSecurity',
  type: 'SURETY_BOND',
  amountCents: 2_500_000,
  provider: 'Great North Surety',
  reference: 'SB-1234',
  effectiveDate: '2026-01-01',
  expiryDate: '2027-01-01',
};

function change(input: Record<string, unknown>) {
  return {
    __typename: 'FinancialSecurityChangeNode',
    id: 'fsc-1',
    type: input.type,
    amountCents: input.amountCents,
    provider: input.provider,
    reference: input.reference ?? null,
    effectiveDate: input.effectiveDate,
    expiryDate: input.expiryDate ?? null,
    reason: input.reason,
    status: 'SUBMITTED',
    submittedAt: '2026-12-01T15:00:00.000Z',
    submittedBy: { __typename: 'PersonSummary', id: 'user-1', name: 'Jane Doe' },
  };
}

const header = headerMock({ ...northernLights, accounts: ['123456789RM0001'] });

describe('financial security rules (the server’s)', () => {
  it('reads dollars in either language and refuses what the server refuses', () => {
    expect(parseDollars('25000')).toBe(2_500_000);
    expect(parseDollars('25 000,50 $')).toBe(2_500_050);
    expect(parseDollars('$1,234.56')).toBe(123_456);
    expect(parseDollars('12.345')).toBeNull();
    expect(
      securityProblems({
        type: 'CASH_DEPOSIT',
        amount: '10000000.01',
        provider: 'x'.repeat(176),
        reference: 'SB 12',
        effectiveDate: '2027-02-30',
        expiryDate: '2027-01-01',
        reason: ' ',
      }),
    ).toEqual({
      amountCents: 'amountRange',
      provider: 'providerLength',
      reference: 'reference',
      effectiveDate: 'effectiveDate',
      reason: 'reason',
    });
    expect(
      securityProblems({
        type: 'SURETY_BOND',
        amount: '1',
        provider: 'A',
        reference: '',
        effectiveDate: '2027-01-01',
        expiryDate: '2027-01-01',
        reason: 'r',
      }),
    ).toEqual({ expiryDate: 'beforeEffective' });
  });
});

describe('financial security page', { timeout: 30_000 }, () => {
  it('shows the security on file, refuses a bad request, shows the server’s errors, then records a change', async () => {
    const user = userEvent.setup();
    const sent: Array<Record<string, unknown>> = [];
    const changes: unknown[] = [];
    renderRoute('/en/finance/security', [
      ...signedIn,
      header,
      securityBusinessesMock({ own: { granted: { FINANCIAL_SECURITY: 'edit' } } }),
      anyVariables(FinancialSecurityDocument, () => ({
        programAccount: {
          __typename: 'ProgramAccount',
          id: rmAccount.id,
          accountNumber: rmAccount.accountNumber,
          financialSecurity: onFile,
          financialSecurityChanges: [...changes],
        },
      })),
      anyVariables(SubmitFinancialSecurityChangeDocument, (variables) => {
        const input = variables.input as Record<string, unknown>;
        sent.push(input);
        if (sent.length === 1)
          return {
            submitFinancialSecurityChange: {
              __typename: 'FinancialSecurityChangePayload',
              change: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  field: ['input', 'provider'],
                  code: 'TOO_LONG',
                  message: 'The provider name is too long.',
                },
              ],
            },
          };
        const recorded = change(input);
        changes.unshift(recorded);
        return {
          submitFinancialSecurityChange: {
            __typename: 'FinancialSecurityChangePayload',
            change: recorded,
            userErrors: [],
          },
        };
      }),
    ]);

    expect(
      await screen.findByText('Financial security on file for 123456789RM0001', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(screen.getByText('$25,000.00')).toBeInTheDocument();
    expect(screen.getByText('Great North Surety')).toBeInTheDocument();
    expect(screen.getByText('No change has been requested for this account.')).toBeInTheDocument();

    // Starts from what is on file; the dates and the reason are the person's.
    expect((await input('Amount (CAD)')).value).toBe('25000.00');
    await user.click(await button('Submit the change request'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'Enter the effective date as YYYY-MM-DD, for example 2027-01-31.',
        'Enter the reason for the change.',
      ]),
    );
    await user.type(await input('Effective date'), '2027-01-01');
    await user.type(await input('Expiry date'), '2026-12-31');
    await replaceText(user, await input('Amount (CAD)'), '30000');
    await user.type(await textarea('Reason for the change'), 'Higher import volume');
    await user.click(await button('Submit the change request'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'The expiry date must be after the effective date.',
      ]),
    );
    expect(sent).toEqual([]);

    await replaceText(user, await input('Expiry date'), '2028-01-01');
    await user.click(await choice('Type of security', 'Cash deposit'));
    await user.click(await button('Submit the change request'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual(['The provider name is too long.']),
    );
    expect(sent[0]).toEqual({
      programAccountId: 'pa-1',
      type: 'CASH_DEPOSIT',
      amountCents: 3_000_000,
      provider: 'Great North Surety',
      reference: 'SB-1234',
      effectiveDate: '2027-01-01',
      expiryDate: '2028-01-01',
      reason: 'Higher import volume',
    });

    await user.click(await button('Submit the change request'));
    expect(
      await screen.findByText(
        'Your change request was sent to the agency. The security on file changes once the agency has processed it.',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('Submitted, waiting for the agency')).toBeInTheDocument();
    expect(screen.getByText('Change requests: 1')).toBeInTheDocument();
    expect(screen.getByText('$30,000.00')).toBeInTheDocument();
  });

  it('in French, lets a provider under business management choose the client and account, read only for a reader', async () => {
    const user = userEvent.setup();
    const asked: unknown[] = [];
    renderRoute('/fr/finance/security', [
      ...signedIn,
      headerMock(null, [], ['b-c']),
      securityBusinessesMock({
        own: null,
        clients: [
          // Program management: financial security is not available (seed 003 §3.2), so not listed.
          { id: 'b-pm', name: 'Client gestion de programme', granted: {}, accounts: [rmAccount] },
          {
            id: 'b-c',
            name: 'Client gestion d’entreprise',
            granted: { FINANCIAL_SECURITY: 'view' },
            accounts: [rmAccount, rmAccount2, { id: 'pa-rt', accountNumber: '123456789RT0001', name: 'TPS' }],
          },
        ],
      }),
      anyVariables(FinancialSecurityDocument, (variables) => {
        asked.push(variables.id);
        return {
          programAccount: {
            __typename: 'ProgramAccount',
            id: variables.id,
            accountNumber: variables.id === 'pa-2' ? rmAccount2.accountNumber : rmAccount.accountNumber,
            financialSecurity: null,
            financialSecurityChanges: [],
          },
        };
      }),
    ]);
    expect(
      await screen.findByText('Aucune sécurité financière n’est au dossier de ce compte.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Entreprise')).toBeNull();
    const picker = await select('Compte de programme');
    // RM accounts only, labelled by number and name from the one list.
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      '123456789RM0001 Northern Lights Imports',
      '123456789RM0002 Northern Lights West',
    ]);
    await user.selectOptions(picker, 'pa-2');
    expect(
      await screen.findByText('Sécurité financière au dossier de 123456789RM0002', {
        selector: 'gcds-heading',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Vous pouvez consulter la sécurité financière de ce compte, mais pas demander de modification.',
      ),
    ).toBeInTheDocument();
    expect(document.querySelector('form')).toBeNull();
    expect(asked).toContain('pa-2');
  });

  it('in French, says financial security is not available without an error box when none may be seen or the field is refused', async () => {
    const first = renderRoute('/fr/finance/security', [
      ...signedIn,
      header,
      securityBusinessesMock({
        own: null,
        clients: [
          {
            id: 'b-pm',
            name: 'Client',
            granted: { REQUESTS_AND_TRANSACTIONS: 'edit' },
            accounts: [rmAccount],
          },
        ],
      }),
    ]);
    expect(
      await screen.findByText('Vous n’avez accès à la sécurité financière d’aucun compte de programme.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    first.unmount();

    renderRoute('/fr/finance/security', [
      ...signedIn,
      header,
      securityBusinessesMock({ own: { granted: { FINANCIAL_SECURITY: 'edit' } } }),
      {
        request: { query: FinancialSecurityDocument, variables: { id: 'pa-1' } },
        result: {
          data: {
            programAccount: {
              __typename: 'ProgramAccount',
              id: 'pa-1',
              accountNumber: rmAccount.accountNumber,
              financialSecurity: null,
              financialSecurityChanges: null,
            },
          },
          errors: [new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })],
        },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
    ]);
    expect(
      await screen.findByText('Vous n’avez accès à la sécurité financière d’aucun compte de programme.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('form')).toBeNull();
  });

  it('in French, starts from the amount on file written the French way and explains a bad amount in French', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderRoute('/fr/finance/security', [
      ...signedIn,
      header,
      securityBusinessesMock({ own: { granted: { FINANCIAL_SECURITY: 'edit' } } }),
      anyVariables(FinancialSecurityDocument, () => ({
        programAccount: {
          __typename: 'ProgramAccount',
          id: rmAccount.id,
          accountNumber: rmAccount.accountNumber,
          financialSecurity: onFile,
          financialSecurityChanges: [],
        },
      })),
      anyVariables(SubmitFinancialSecurityChangeDocument, (variables) => {
        sent.push(variables.input);
        return {
          submitFinancialSecurityChange: {
            __typename: 'FinancialSecurityChangePayload',
            change: null,
            userErrors: [],
          },
        };
      }),
    ]);
    expect((await input('Montant (CAD)')).value).toBe('25000,00');
    expect(screen.getByText('Cautionnement')).toBeInTheDocument();
    await replaceText(user, await input('Montant (CAD)'), '25 000,5x');
    await user.type(await input('Date d’entrée en vigueur'), '2027-01-01');
    await user.type(await textarea('Raison de la modification'), 'Hausse des importations');
    await user.click(await button('Envoyer la demande de modification'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'Entrez le montant en dollars, par exemple 25000,00.',
      ]),
    );
    expect(sent).toEqual([]);
  });
});
