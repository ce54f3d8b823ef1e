import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  RelationshipsCancelDocument,
  RelationshipsFindReceivedDocument,
  RelationshipsFindSentDocument,
} from '../../../generated/graphql';
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
} from './relationships-fixtures';

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
  return { ...relationshipNode(row), timeline };
}

function page(nodes: ReturnType<typeof detail>[], next: string | null) {
  return {
    __typename: 'BusinessRelationshipConnection',
    edges: nodes.map((node) => ({ __typename: 'BusinessRelationshipEdge', cursor: `cur-${node.id}`, node })),
    pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, endCursor: next },
  };
}

describe('one business relationship', { timeout: 20_000 }, () => {
  it('is found by paging through the lists, shows its timeline, and a pending request can be cancelled', async () => {
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
      anyVariables(RelationshipsFindSentDocument, (variables) => {
        asked.push(variables.after);
        return {
          business: {
            __typename: 'Business',
            id: mapleLeaf.id,
            sentRelationships:
              variables.after === 'cur-rel-1'
                ? page([target], null)
                : page([detail({ id: 'rel-1', status: 'EXPIRED' }, [])], 'cur-rel-1'),
          },
        };
      }),
      anyVariables(RelationshipsFindReceivedDocument, () => ({
        business: { __typename: 'Business', id: mapleLeaf.id, receivedRelationships: page([], null) },
      })),
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
    expect(asked).toEqual([null, 'cur-rel-1']);
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

  it('says so when the relationship is not among those of the business', async () => {
    renderRoute('/en/business/relationships/nope', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      anyVariables(RelationshipsFindSentDocument, () => ({
        business: { __typename: 'Business', id: mapleLeaf.id, sentRelationships: page([], null) },
      })),
      anyVariables(RelationshipsFindReceivedDocument, () => ({
        business: { __typename: 'Business', id: mapleLeaf.id, receivedRelationships: page([], null) },
      })),
    ]);
    expect(
      await screen.findByText('This relationship is not among those of your business.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
