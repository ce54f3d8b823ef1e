import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AccountIndicatorsOfAccountDocument } from '../../../generated/graphql';
import {
  headerMock,
  programAccountProfileMock,
  rm0001,
  rt0001,
  signedIn,
} from '../../../test/fixtures/business-fixtures';
import { financeBusinessesMock, securityBusinessesMock } from '../../../test/fixtures/finance-fixtures';
import { anyVariables } from '../../../test/fixtures/relationships-fixtures';
import { renderRoute, shadowHref } from '../../../test/render-route';

// A program account's page shows its account indicators (issue 16 item 5): the financial security on file
// against what the agency requires (decision 0044) and the shortfall, each linked to the list behind it.

const header = headerMock({
  id: 'b-1',
  businessNumber: '123456789',
  name: 'Northern Lights',
  accounts: ['123456789RM0001', '123456789RT0001'],
});

const indicators = anyVariables(AccountIndicatorsOfAccountDocument, () => ({
  programAccount: {
    __typename: 'ProgramAccount',
    id: 'pa-1',
    accountIndicators: {
      __typename: 'AccountIndicators',
      overdueCount: 2,
      overdueCents: 1_004_500,
      statementsDueCount: 1,
      statementsDueCents: 6_000_000,
      securityOnFileCents: 5_000_000,
      securityRequiredCents: 8_000_000,
      securityShortfallCents: 3_000_000,
    },
  },
}));

describe('a program account’s indicators', () => {
  it.each([
    ['en', '2 ($10,045.00)', '1 ($60,000.00)', '$50,000.00', '$80,000.00', '$30,000.00'],
    ['fr', '2 (10 045,00 $)', '1 (60 000,00 $)', '50 000,00 $', '80 000,00 $', '30 000,00 $'],
  ])('shows them in %s, linked to the account’s finances and security', async (language, ...values) => {
    renderRoute(`/${language}/business/program-accounts/pa-1`, [
      ...signedIn,
      header,
      programAccountProfileMock([rm0001, rt0001]),
      financeBusinessesMock({ REQUESTS_AND_TRANSACTIONS: 'view', FINANCIAL_SECURITY: 'view' }),
      securityBusinessesMock({ own: { granted: { FINANCIAL_SECURITY: 'view' } } }),
      indicators,
    ]);
    const [overdue, due, onFile, required, shortfall] = values;
    const label = (key: string, value: string) =>
      language === 'en' ? `${key}: ${value}` : `${key} : ${value}`;
    const names =
      language === 'en'
        ? [
            'Amounts overdue',
            'Statements due',
            'Financial security on file',
            'Required by the agency',
            'Shortfall',
          ]
        : [
            'Montants en souffrance',
            'Relevés à payer',
            'Sécurité financière au dossier',
            'Exigée par l’agence',
            'Manque à combler',
          ];
    const hrefOf = (key: string, value: string) =>
      waitFor(() => {
        const link = [...document.querySelectorAll('gcds-link[aria-label]')].find(
          (l) => l.getAttribute('aria-label')?.replace(/[\u00a0\u202f]/g, ' ') === label(key, value),
        );
        const href = link && shadowHref(link);
        if (!href) throw new Error(`no link ${label(key, value)}`);
        return href;
      });
    expect(await screen.findByText(names[0])).toBeInTheDocument();
    expect(await hrefOf(names[0], overdue)).toBe(`/${language}/finance?account=pa-1`);
    expect(await hrefOf(names[1], due)).toBe(`/${language}/finance?account=pa-1`);
    const security = `/${language}/finance/security?business=b-1&account=pa-1`;
    expect(await hrefOf(names[2], onFile)).toBe(security);
    expect(await hrefOf(names[3], required)).toBe(security);
    expect(await hrefOf(names[4], shortfall)).toBe(security);
  });
});
