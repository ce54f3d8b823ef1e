import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { RelationshipsCancelDocument, RelationshipsOneDocument } from '../../../generated/graphql';
import { button } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import {
  type RelationshipRow,
  anyVariables,
  headerMock,
  listMocks,
  mapleLeaf,
  relationshipNode,
  relationshipsViewerMock,
  signedIn,
} from '../../../test/fixtures/relationships-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';

const providerHeader = headerMock({ ...mapleLeaf, accounts: ['345678902RM0001'] });

function event(id: string, type: string, actor: string | null, detail: string | null = null) {
  return {
    __typename: 'RelationshipEvent',
    id,
    type,
    detail,
    occurredAt: type === 'REQUESTED' ? '2026-11-21T14:05:00Z' : '2026-11-22T15:00:00Z',
    actor: actor ? { __typename: 'PersonSummary', id: `p-${id}`, name: actor } : null,
  };
}

function detail(row: RelationshipRow, timeline: ReturnType<typeof event>[]) {
  return { ...relationshipNode(row), timelineConnection: connectionOf('RelationshipEvent', timeline) };
}

describe('one business relationship', { timeout: 20_000 }, () => {
  it('is read by id, shows its timeline, and a pending request can be cancelled', async () => {
    const user = userEvent.setup();
    let target = detail({ id: 'rel-7', status: 'PENDING', message: 'We clear your goods.' }, [
      event('e1', 'REQUESTED', 'Jane Doe'),
    ]);
    const asked: unknown[] = [];
    const cancel: MockLink.MockedResponse = {
      request: { query: RelationshipsCancelDocument, variables: { relationshipId: 'rel-7' } },
      result: () => {
        target = detail({ id: 'rel-7', status: 'CANCELLED', message: 'We clear your goods.' }, [
          event('e1', 'REQUESTED', 'Jane Doe'),
          event('e2', 'CANCELLED', 'Jane Doe'),
        ]);
        return {
          data: {
            cancelRelationship: { __typename: 'RelationshipPayload', relationship: target, userErrors: [] },
          },
        };
      },
    };
    renderRoute('/en/business/relationships/rel-7', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      anyVariables(RelationshipsOneDocument, (variables) => {
        asked.push(variables.id);
        return { relationship: target };
      }),
      ...listMocks({ businessId: mapleLeaf.id }),
      cancel,
    ]);

    expect(
      await screen.findByText('Relationship between Maple Leaf Customs and Northern Lights', {
        selector: 'gcds-heading',
      }),
    ).toBeInTheDocument();
    expect(document.title).toBe(
      'Relationship between Maple Leaf Customs and Northern Lights - Passerelle client portal',
    );
    expect(asked[0]).toBe('rel-7');
    expect(screen.getByText('We clear your goods.')).toBeInTheDocument();
    expect(screen.getByText('Pending')).toBeInTheDocument();
    const timeline = screen.getByRole('table', { name: 'Who did what, and when, oldest first' });
    expect(within(timeline).getAllByRole('row')[1]?.textContent).toBe(
      'November 21, 2026 at 9:05 a.m. ESTRequest sentJane Doe',
    );

    await user.click(await button('Cancel the request to Northern Lights'));
    await user.click(await button('Yes, cancel the request'));
    expect(await screen.findByText('The request to Northern Lights has been cancelled.')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Who did what, and when, oldest first' })).getAllByRole(
          'row',
        ),
      ).toHaveLength(3),
    );
    expect(screen.getByText('Cancelled')).toBeInTheDocument();
    expect(screen.queryByText('Cancel the request to Northern Lights')).toBeNull();
  });

  it('says so when the relationship is unknown', async () => {
    renderRoute('/en/business/relationships/nope', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      anyVariables(RelationshipsOneDocument, () => ({ relationship: null })),
    ]);
    expect(
      await screen.findByText('This relationship is not among those of your business.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so, without an error box, when the viewer may not see it', async () => {
    renderRoute('/en/business/relationships/rel-9', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      {
        request: { query: RelationshipsOneDocument, variables: { id: 'rel-9' } },
        result: {
          data: { relationship: null },
          errors: [new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })],
        },
      },
    ]);
    expect(
      await screen.findByText('This relationship is not among those of your business.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("says so when another of the person's businesses is a side, not the active one", async () => {
    renderRoute('/en/business/relationships/rel-8', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      anyVariables(RelationshipsOneDocument, () => ({
        relationship: {
          ...detail({ id: 'rel-8', status: 'ACCEPTED' }, []),
          provider: {
            __typename: 'BusinessSummary',
            id: 'other',
            businessNumber: '111111118',
            name: 'Other',
          },
        },
      })),
    ]);
    expect(
      await screen.findByText('This relationship is not among those of your business.'),
    ).toBeInTheDocument();
  });
});
