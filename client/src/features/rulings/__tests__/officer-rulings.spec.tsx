import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  DecideRulingDocument,
  OfficerRulingDocument,
  OfficerRulingQueueDocument,
} from '../../../generated/graphql';
import { button, select, summaryLinks } from '../../../test/gcds';
import { anyVariables, textarea } from '../../../test/fixtures/relationships-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

// The officers' side of rulings (decision 0046): the queue, and the decision form on useMutationForm.

const officer = [viewerMock(() => viewer({ role: 'OFFICER' })), sessionMock(() => session())];
const account = { __typename: 'ProgramAccountSummary', id: 'pa-1', accountNumber: '123456789RM0001' };

function ruling(status: string, agencyNote: string | null = null) {
  return {
    officerRuling: {
      __typename: 'Ruling',
      id: 'r-1',
      caseNumber: '8000000001',
      type: 'TARIFF_CLASSIFICATION',
      status,
      goodsDescription: 'Insulated steel bottles',
      tariffClassification: '9617.00.00.00',
      questions: 'Is heading 96.17 right?',
      requestedAt: '2026-11-20T15:00:00.000Z',
      decidedAt: status === 'ISSUED' ? '2026-12-01T15:00:00.000Z' : null,
      agencyNote,
      programAccount: { ...account, name: 'Northern Lights Imports' },
    },
  };
}

describe('officer rulings pages', { timeout: 30_000 }, () => {
  it('lists the requests awaiting the agency, each linked to its decision page', async () => {
    renderRoute('/en/officer/rulings', [
      ...officer,
      anyVariables(OfficerRulingQueueDocument, () => ({
        officerRulingQueue: {
          ...connectionOf('Ruling', [
            {
              __typename: 'Ruling',
              id: 'r-1',
              caseNumber: '8000000001',
              type: 'TARIFF_CLASSIFICATION',
              status: 'SUBMITTED',
              requestedAt: '2026-11-20T15:00:00.000Z',
              programAccount: account,
            },
          ]),
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          totalCount: 1,
        },
      })),
    ]);
    expect(await screen.findByText('Ruling requests awaiting the agency (1)')).toBeInTheDocument();
    const link = screen.getByText('8000000001');
    expect((link.closest('gcds-link') as unknown as { href?: string } | null)?.href).toBe(
      '/en/officer/rulings/r-1',
    );
    expect(link.closest('tr')?.textContent).toContain('123456789RM0001');
  });

  it('in French, refuses an empty decision, shows the server’s error beside its field, then issues the ruling', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderRoute('/fr/officer/rulings/r-1', [
      ...officer,
      anyVariables(OfficerRulingDocument, () =>
        ruling(sent.length < 2 ? 'UNDER_REVIEW' : 'ISSUED', sent.length < 2 ? null : 'Numéro 9617.00.00.00.'),
      ),
      anyVariables(DecideRulingDocument, (variables) => {
        sent.push(variables.input);
        return sent.length === 1
          ? {
              decideRuling: {
                __typename: 'RequestRulingPayload',
                ruling: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'textFr'],
                    code: 'REQUIRED',
                    message: 'Entrez le texte en français.',
                  },
                ],
              },
            }
          : {
              decideRuling: {
                __typename: 'RequestRulingPayload',
                ruling: {
                  __typename: 'Ruling',
                  id: 'r-1',
                  status: 'ISSUED',
                  agencyNote: 'Numéro 9617.00.00.00.',
                  decidedAt: '2026-12-01T15:00:00.000Z',
                },
                userErrors: [],
              },
            };
      }),
      anyVariables(OfficerRulingDocument, () => ruling('ISSUED', 'Numéro 9617.00.00.00.')),
    ]);
    const status = await select('Nouvel état');
    // From UNDER_REVIEW: a question, the ruling or closing it; never back to SUBMITTED.
    expect([...status.options].map((o) => o.value)).toEqual([
      '',
      'INFORMATION_REQUESTED',
      'ISSUED',
      'CLOSED',
    ]);
    await user.click(await button('Enregistrer la décision'));
    await waitFor(() => expect(summaryLinks().map((l) => l.text)).toEqual(['Choisissez un état.']));
    expect(sent).toEqual([]);

    await user.selectOptions(status, 'ISSUED');
    await user.type(await textarea('En anglais'), 'Tariff item 9617.00.00.00.');
    await user.click(await button('Enregistrer la décision'));
    await waitFor(() => expect(summaryLinks().map((l) => l.text)).toEqual(['Entrez le texte en français.']));
    expect(sent[0]).toEqual({
      rulingId: 'r-1',
      status: 'ISSUED',
      textEn: 'Tariff item 9617.00.00.00.',
      textFr: '',
    });

    await user.type(await textarea('En français'), 'Numéro 9617.00.00.00.');
    await user.click(await button('Enregistrer la décision'));
    expect(
      await screen.findByText('La décision a été enregistrée.', { selector: 'gcds-text' }),
    ).toBeInTheDocument();
    expect(sent[1]).toMatchObject({ status: 'ISSUED', textFr: 'Numéro 9617.00.00.00.' });
  });
});
