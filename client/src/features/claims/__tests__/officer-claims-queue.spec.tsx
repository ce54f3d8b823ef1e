import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OfficerClaimQueueDocument } from '../../../generated/graphql';
import { button } from '../../../test/gcds';
import { anyVariables } from '../../../test/fixtures/relationships-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';
import { renderRoute, session, sessionMock, viewer, viewerMock } from '../../../test/render-route';

// The officers' claims queue on the shared queue component (components/lists/officer-queue): oldest first,
// keyset pages that "Show more" appends under the table.

const officer = [viewerMock(() => viewer({ role: 'OFFICER' })), sessionMock(() => session())];

function claimRow(n: number) {
  return {
    __typename: 'Claim',
    id: `c-${n}`,
    caseNumber: `700000000${n}`,
    type: 'ADJUSTMENT',
    status: 'SUBMITTED',
    claimedCents: 35_000,
    approvedCents: null,
    createdAt: '2026-12-01T15:00:00.000Z',
    submittedAt: '2026-12-02T15:00:00.000Z',
    programAccount: { __typename: 'ProgramAccountSummary', id: 'pa-1', accountNumber: '123456789RM0001' },
    transaction: { __typename: 'ClaimTransaction', id: 't-1', transactionNumber: '0000000001' },
  };
}

describe('officer claims queue', { timeout: 30_000 }, () => {
  it('lists the waiting claims in French and appends the next page under the first', async () => {
    const user = userEvent.setup();
    const afters: unknown[] = [];
    renderRoute('/fr/officer/claims', [
      ...officer,
      anyVariables(OfficerClaimQueueDocument, (variables) => {
        afters.push(variables.after ?? null);
        const first = !variables.after;
        const connection = connectionOf('Claim', [claimRow(first ? 1 : 2)]);
        return {
          officerClaimQueue: {
            ...connection,
            edges: connection.edges.map((edge, i) => ({ ...edge, cursor: `cur-${first ? 1 : 2}-${i}` })),
            pageInfo: { __typename: 'PageInfo', hasNextPage: first, endCursor: first ? 'cur-1' : null },
            totalCount: 2,
          },
        };
      }),
    ]);
    expect(await screen.findByText('Demandes en attente (2)')).toBeInTheDocument();
    const link = screen.getByText('7000000001');
    expect((link.closest('gcds-link') as unknown as { href?: string } | null)?.href).toBe(
      '/fr/officer/claims/c-1',
    );
    expect(link.closest('tr')?.textContent).toContain('123456789RM0001');

    await user.click(await button('Afficher plus de demandes'));
    expect(await screen.findByText('7000000002')).toBeInTheDocument();
    expect(screen.getByText('7000000001')).toBeInTheDocument();
    expect(afters).toContain('cur-1');
    await waitFor(() => expect(screen.queryByText('Afficher plus de demandes')).not.toBeInTheDocument());
  });
});
