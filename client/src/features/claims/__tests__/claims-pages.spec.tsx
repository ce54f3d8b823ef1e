import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ClaimDetailDocument, FileClaimDocument, SubmitClaimDocument } from '../../../generated/graphql';
import { button, choice, input, select, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import {
  anyVariables,
  headerMock,
  northernLights,
  signedIn,
  textarea,
} from '../../../test/fixtures/relationships-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';
import { parseCents } from '../components/claims-parts';

const header = headerMock({ ...northernLights, accounts: ['123456789RM0001'] });

function claim(status: string, history: Array<[string, boolean, string | null]>) {
  return {
    claim: {
      __typename: 'Claim',
      id: 'c-1',
      caseNumber: '7000000001',
      type: 'ADJUSTMENT',
      status,
      claimedCents: 35_000,
      approvedCents: null,
      createdAt: '2026-12-01T15:00:00.000Z',
      submittedAt: null,
      correctionKind: 'CLASSIFICATION',
      exportDate: null,
      exportDestination: null,
      reason: 'Wrong heading.',
      decisionReason: null,
      decidedAt: null,
      updatedAt: '2026-12-01T15:00:00.000Z',
      programAccount: { __typename: 'ProgramAccountSummary', id: 'pa-1', accountNumber: '123456789RM0001' },
      transaction: {
        __typename: 'ClaimTransaction',
        id: 'tx-1',
        transactionNumber: '13409539086039',
        transactionDate: '2026-11-17',
      },
      lines: [
        {
          __typename: 'ClaimLine',
          lineNumber: 1,
          originalCents: 20_000,
          correctedClassification: null,
          correctedCents: 5_000,
          refundCents: 15_000,
        },
        {
          __typename: 'ClaimLine',
          lineNumber: 2,
          originalCents: 30_000,
          correctedClassification: null,
          correctedCents: 10_000,
          refundCents: 20_000,
        },
      ],
      history: history.map(([entryStatus, byAgency, note], i) => ({
        __typename: 'ClaimHistoryEntry',
        id: `h-${i}`,
        status: entryStatus,
        isAnswer: false,
        byAgency,
        note,
        occurredAt: '2026-12-01T15:00:00.000Z',
      })),
      repayment: null,
      documentsConnection: connectionOf('CaseDocument', []),
    },
  };
}

describe('claims pages', { timeout: 30_000 }, () => {
  it('reads dollars as integer cents, in either language’s way of writing them', () => {
    expect(parseCents('125.5')).toBe(12_550);
    expect(parseCents('1 250,05')).toBe(125_005);
    expect(parseCents('$0.01')).toBe(1);
    expect(parseCents('0.019')).toBeNull();
    expect(parseCents('abc')).toBeNull();
  });

  it('files a draft from a transaction, shows the server’s line errors beside the line, then the computed refund, and submits with the attestation', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const submitted: unknown[] = [];
    let status = 'IN_PROGRESS';
    renderRoute('/en/claims/new?transaction=tx-1', [
      ...signedIn,
      header,
      anyVariables(FileClaimDocument, (variables) => {
        sent.push(variables.input);
        return sent.length === 1
          ? {
              fileClaim: {
                __typename: 'ClaimPayload',
                claim: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'lines', '1', 'correctedCents'],
                    code: 'NO_REFUND',
                    message: 'The corrected duties and taxes must be less than what the line paid.',
                  },
                ],
              },
            }
          : {
              fileClaim: {
                __typename: 'ClaimPayload',
                claim: { __typename: 'Claim', id: 'c-1' },
                userErrors: [],
              },
            };
      }),
      anyVariables(ClaimDetailDocument, () =>
        claim(status, [
          ['IN_PROGRESS', false, null],
          ...(status === 'SUBMITTED' ? ([['SUBMITTED', false, null]] as Array<[string, boolean, null]>) : []),
        ]),
      ),
      anyVariables(SubmitClaimDocument, (variables) => {
        submitted.push(variables.input);
        status = 'SUBMITTED';
        return {
          submitClaim: {
            __typename: 'ClaimPayload',
            claim: {
              __typename: 'Claim',
              id: 'c-1',
              status: 'SUBMITTED',
              submittedAt: '2026-12-01T16:00:00.000Z',
            },
            userErrors: [],
          },
        };
      }),
    ]);

    expect((await input('Transaction identifier')).value).toBe('tx-1');
    await user.click(await button('Save the draft'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'Choose the type of claim.',
        'Enter the reason for the claim.',
        'Enter an amount in dollars and cents, for example 125.50.',
      ]),
    );
    await user.selectOptions(await select('Type of claim'), 'ADJUSTMENT');
    await user.selectOptions(await select('What does the adjustment correct?'), 'CLASSIFICATION');
    await user.type(await textarea('Reason for the claim'), 'Wrong heading.');
    await user.type(await input('Line 1: duties and taxes paid ($)'), '200');
    await user.type(await input('Line 1: corrected duties and taxes ($)'), '50,00');
    await user.click(await button('Add a line'));
    await user.type(await input('Line 2: duties and taxes paid ($)'), '300');
    await user.type(await input('Line 2: corrected duties and taxes ($)'), '300');
    await user.click(await button('Save the draft'));
    await waitFor(() =>
      expect(summaryLinks().map((l) => l.text)).toEqual([
        'The corrected duties and taxes must be less than what the line paid.',
      ]),
    );
    expect(sent[0]).toMatchObject({
      transactionId: 'tx-1',
      type: 'ADJUSTMENT',
      correctionKind: 'CLASSIFICATION',
      lines: [
        { lineNumber: 1, originalCents: 20_000, correctedCents: 5_000 },
        { lineNumber: 2, originalCents: 30_000, correctedCents: 30_000 },
      ],
    });

    await user.click(await button('Save the draft'));
    expect(await screen.findByText('Claim 7000000001', { selector: 'gcds-heading' })).toBeInTheDocument();
    expect(screen.getByText('Total refund claimed')).toBeInTheDocument();
    expect(screen.getAllByText('$350.00').length).toBeGreaterThan(0);
    // A draft takes supporting documents from the app: the upload, on the claim's case number.
    expect(screen.getByText('Upload supporting documents').closest('gcds-link')).not.toBeNull();
    await user.click(await choice(/^Attestation/, /^I attest that the information/));
    await user.click(await button('Submit the claim'));
    expect(await screen.findByText('The claim was submitted.')).toBeInTheDocument();
    expect(submitted).toEqual([{ claimId: 'c-1', attestation: true }]);
    expect(await screen.findAllByText('Submitted', { exact: false })).not.toHaveLength(0);
    // Submitted: the claimant waits for the agency, no upload offered until it asks.
    await waitFor(() => expect(screen.queryByText('Upload supporting documents')).toBeNull());
  });

  it('never shows a claim heading without its case number while the claim loads: the list’s title', async () => {
    renderRoute('/en/claims/c-1', [
      ...signedIn,
      header,
      // The answer never comes within the test (just under setTimeout's largest delay).
      { ...anyVariables(ClaimDetailDocument, () => claim('SUBMITTED', [])), delay: 2_000_000_000 },
    ]);
    const heading = await screen.findByText(/^Claim/, { selector: 'gcds-heading' });
    expect(heading.textContent).toBe('Claims');
  });

  it('titles a claim that does not exist “not found”, never an empty claim heading', async () => {
    renderRoute('/en/claims/c-404', [
      ...signedIn,
      header,
      anyVariables(ClaimDetailDocument, () => ({ claim: null })),
    ]);
    expect(
      await screen.findByText('This claim does not exist, or you do not have access to it.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Claim/, { selector: 'gcds-heading' }).textContent).toBe('Claim not found');
  });
});
