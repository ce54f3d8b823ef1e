import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  RelationshipsClientAccountsDocument,
  RelationshipsDecideDocument,
  RelationshipsEndDocument,
  RelationshipsRequestDocument,
  RelationshipsRequestManyDocument,
} from '../../../generated/graphql';
import { button, choice, fieldError, input, replaceText, select, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import {
  type RelationshipRow,
  always,
  anyVariables,
  connection,
  headerMock,
  labelledButton,
  listMocks,
  mapleLeaf,
  northernLights,
  relationshipNode,
  relationshipsViewerMock,
  signedIn,
  textarea,
  userErrors,
} from '../../../test/fixtures/relationships-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';

const clientHeader = headerMock({ ...northernLights, accounts: ['123456789RM0001', '123456789RT0001'] });
const providerHeader = headerMock({ ...mapleLeaf, accounts: ['345678902RM0001'] });

const clientAccounts = anyVariables(RelationshipsClientAccountsDocument, () => ({
  business: {
    __typename: 'Business',
    id: northernLights.id,
    programAccountsConnection: connectionOf('ProgramAccount', [
      {
        __typename: 'ProgramAccount',
        id: 'pa-1',
        accountNumber: '123456789RM0001',
        name: 'Northern Lights Imports',
      },
      {
        __typename: 'ProgramAccount',
        id: 'pa-2',
        accountNumber: '123456789RT0001',
        name: 'Northern Lights Imports',
      },
    ]),
  },
}));

function payload(row: RelationshipRow) {
  return {
    __typename: 'RelationshipPayload',
    relationship: { ...relationshipNode(row), timelineConnection: connectionOf('RelationshipEvent', []) },
    userErrors: [],
  };
}

/** A relationship request's payload when it is refused. */
function refusedWith(errors: unknown) {
  return { __typename: 'RelationshipPayload', relationship: null, userErrors: errors };
}

describe('manage my business relationships', { timeout: 20_000 }, () => {
  it(
    'approves a received request as program management of the accounts chosen, with a note',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup({ delay: 10 });
      let received: RelationshipRow = { id: 'rel-1', status: 'PENDING', message: 'We clear your goods.' };
      let sent: unknown;
      const decide: MockLink.MockedResponse = {
        request: {
          query: RelationshipsDecideDocument,
          variables: {
            input: {
              relationshipId: 'rel-1',
              approve: true,
              type: 'PROGRAM_MANAGEMENT',
              programAccountIds: ['pa-1'],
              reason: 'Welcome aboard.',
            },
          },
        },
        result: (variables) => {
          sent = variables;
          received = { ...received, status: 'ACCEPTED', type: 'PROGRAM_MANAGEMENT', accounts: [] };
          return { data: { decideRelationship: payload(received) } };
        },
      };
      renderRoute('/en/business/relationships', [
        ...signedIn,
        clientHeader,
        relationshipsViewerMock({}),
        ...listMocks({
          received: () => connection([received]),
          active: () => connection(received.status === 'ACCEPTED' ? [received] : []),
        }),
        clientAccounts,
        decide,
      ]);

      const table = await screen.findByRole('table', { name: 'Requests received: 1 in all, page 1' });
      expect(document.title).toBe('Manage my business relationships - Passerelle client portal');
      expect(within(table).getAllByRole('row')[1]?.textContent).toBe(
        'Maple Leaf Customs (345678902)PendingNot chosen yetNovember 21, 2026 at 9:05 a.m. ESTDetailsApproveReject',
      );
      // A client that is not a service provider sends nothing: no "sent" section, no request form.
      expect(screen.queryByText('Requests sent')).toBeNull();
      expect(screen.queryByText('Request a relationship with a client')).toBeNull();

      await user.click(await labelledButton('Approve the request of Maple Leaf Customs'));
      expect(
        await screen.findByText('Message from the service provider: We clear your goods.'),
      ).toBeInTheDocument();
      await user.click(await button('Approve the request'));
      await waitFor(() =>
        expect(summaryLinks().map((link) => link.text)).toEqual(['Choose the type of relationship.']),
      );

      await user.click(await choice('Type of relationship', /^Program management/));
      await user.click(await button('Approve the request'));
      await waitFor(() =>
        expect(summaryLinks().map((link) => link.text)).toEqual(['Choose at least one program account.']),
      );
      await user.click(
        await choice('Program accounts the service provider may manage', 'RM0001 - Northern Lights Imports'),
      );
      await user.type(await textarea('Note to the service provider (optional)'), 'Welcome aboard.');
      await user.click(await button('Approve the request'));

      expect(
        await screen.findByText(
          'Maple Leaf Customs can now act for your business. Type of relationship: Program management.',
        ),
      ).toBeInTheDocument();
      expect(sent).toEqual({
        input: {
          relationshipId: 'rel-1',
          approve: true,
          type: 'PROGRAM_MANAGEMENT',
          programAccountIds: ['pa-1'],
          reason: 'Welcome aboard.',
        },
      });
      const active = await screen.findByRole('table', { name: 'Active relationships: 1 in all, page 1' });
      expect(within(active).getAllByRole('row')[1]?.textContent).toContain('Program management');
    },
  );

  it('requires a reason to reject a request', async () => {
    const user = userEvent.setup();
    let received: RelationshipRow = { id: 'rel-1', status: 'PENDING' };
    const reject: MockLink.MockedResponse = {
      request: {
        query: RelationshipsDecideDocument,
        variables: { input: { relationshipId: 'rel-1', approve: false, reason: 'We use another broker.' } },
      },
      result: () => {
        received = { ...received, status: 'REJECTED' };
        return { data: { decideRelationship: payload(received) } };
      },
    };
    renderRoute('/en/business/relationships', [
      ...signedIn,
      clientHeader,
      relationshipsViewerMock({}),
      ...listMocks({ received: () => connection([received]) }),
      reject,
    ]);

    await user.click(await labelledButton('Reject the request of Maple Leaf Customs'));
    await user.click(await button('Reject the request'));
    await waitFor(() =>
      expect(fieldError(document.getElementById('reason'))).toBe('Enter the reason for the refusal.'),
    );
    await user.type(await textarea('Reason for the refusal'), 'We use another broker.');
    await user.click(await button('Reject the request'));
    expect(
      await screen.findByText('The request of Maple Leaf Customs has been rejected.'),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Requests received: 1 in all, page 1' });
    await waitFor(() => expect(within(table).getAllByRole('row')[1]?.textContent).toContain('Rejected'));
  });

  it("sends a request by business number and shows the server's user error beside the field", async () => {
    const user = userEvent.setup({ delay: 10 });
    // Typing waits a little between keys: GCDS reports input through custom events, which React
    // renders a moment later, and a busy test machine could otherwise type ahead of the value it sets.
    const request: MockLink.MockedResponse = {
      request: {
        query: RelationshipsRequestDocument,
        variables: {
          input: {
            providerBusinessId: mapleLeaf.id,
            clientBusinessNumber: '999999998',
            message: 'We clear your goods.',
          },
        },
      },
      result: {
        data: {
          requestRelationship: {
            __typename: 'RelationshipPayload',
            relationship: null,
            userErrors: userErrors(
              'CLIENT_NOT_REGISTERED',
              'No business with this number is registered on the portal.',
              ['input', 'clientBusinessNumber'],
            ),
          },
        },
      },
    };
    renderRoute('/en/business/relationships', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      ...listMocks({ businessId: mapleLeaf.id }),
      request,
    ]);

    expect(
      await screen.findByText('Your business has not sent any relationship request.'),
    ).toBeInTheDocument();
    const number = await input('Business number of the client');
    await user.type(number, '12345');
    await user.click(await button('Send the request'));
    await waitFor(() =>
      expect(summaryLinks().map((link) => link.text)).toEqual([
        'Enter a business number of 9 digits, for example 123456789.',
      ]),
    );
    await replaceText(user, number, '999999998');
    await user.type(await textarea('Message to the client (optional)'), 'We clear your goods.');
    await user.click(await button('Send the request'));
    await waitFor(() =>
      expect(fieldError(document.getElementById('clientBusinessNumber'))).toBe(
        'No business with this number is registered on the portal.',
      ),
    );
    expect(summaryLinks()).toEqual([
      { text: 'No business with this number is registered on the portal.', href: '#clientBusinessNumber' },
    ]);
  });

  it('puts a refusal about the request as a whole beside the business number, in French, with focus on the summary', async () => {
    const user = userEvent.setup({ delay: 10 });
    const refusal = 'Seule une entreprise fournisseur de services peut demander une relation.';
    renderRoute('/fr/business/relationships', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      ...listMocks({ businessId: mapleLeaf.id }),
      {
        request: {
          query: RelationshipsRequestDocument,
          variables: { input: { providerBusinessId: mapleLeaf.id, clientBusinessNumber: '999999998' } },
        },
        result: () => ({
          data: { requestRelationship: refusedWith(userErrors('NOT_A_SERVICE_PROVIDER', refusal, [])) },
        }),
      },
    ]);

    await user.type(await input("Numéro d'entreprise du client"), '999999998');
    await user.click(await button('Envoyer la demande'));
    await waitFor(() => expect(summaryLinks()).toEqual([{ text: refusal, href: '#clientBusinessNumber' }]));
    expect(fieldError(document.getElementById('clientBusinessNumber'))).toBe(refusal);
    await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));
  });

  it('sends several requests at once and answers each business number', async () => {
    const user = userEvent.setup({ delay: 10 });
    // Typing waits a little between keys: GCDS reports input through custom events, which React
    // renders a moment later, and a busy test machine could otherwise type ahead of the value it sets.
    const requestMany: MockLink.MockedResponse = {
      request: {
        query: RelationshipsRequestManyDocument,
        variables: {
          input: { providerBusinessId: mapleLeaf.id, clientBusinessNumbers: ['123456789', '999999998'] },
        },
      },
      result: {
        data: {
          requestRelationships: {
            __typename: 'RequestRelationshipsPayload',
            results: [
              {
                __typename: 'RelationshipRequestResult',
                businessNumber: '123456789',
                relationship: relationshipNode({ id: 'rel-9', status: 'PENDING' }),
                userErrors: [],
              },
              {
                __typename: 'RelationshipRequestResult',
                businessNumber: '999999998',
                relationship: null,
                userErrors: userErrors(
                  'CLIENT_NOT_REGISTERED',
                  'No business with this number is registered on the portal.',
                  ['input', 'clientBusinessNumbers', '1'],
                ),
              },
            ],
            userErrors: [],
          },
        },
      },
    };
    renderRoute('/en/business/relationships', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      ...listMocks({ businessId: mapleLeaf.id }),
      requestMany,
    ]);

    await user.click(await button('Send the requests'));
    await waitFor(() =>
      expect(fieldError(document.getElementById('clientBusinessNumbers'))).toBe(
        'Enter at least one business number.',
      ),
    );
    // Spaces and blank lines are dropped.
    await user.type(await textarea('Business numbers of the clients'), '123 456 789{enter}{enter}999999998');
    await user.click(await button('Send the requests'));
    const answers = await screen.findByRole('table', { name: 'Answer for each business number' });
    expect(
      within(answers)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'Business numberResult',
      '123456789Request sent to Northern Lights',
      '999999998No business with this number is registered on the portal.',
    ]);
    expect(screen.getByText('1 of 2 requests sent.')).toBeInTheDocument();
  });

  it('pages through a list with "Next page" and the end cursor, showing the total', async () => {
    const user = userEvent.setup();
    const asked: unknown[] = [];
    const first = Array.from({ length: 2 }, (_, index) => ({
      id: `rel-${index + 1}`,
      status: 'ACCEPTED',
      type: 'BUSINESS_MANAGEMENT',
    }));
    renderRoute('/en/business/relationships', [
      ...signedIn,
      clientHeader,
      relationshipsViewerMock({}),
      ...listMocks({
        active: (variables) => {
          asked.push(variables.after);
          return variables.after === 'cur-rel-2'
            ? connection(
                [
                  {
                    id: 'rel-3',
                    status: 'ACCEPTED',
                    type: 'BUSINESS_MANAGEMENT',
                    provider: {
                      id: 'b-h',
                      businessNumber: '456789013',
                      name: 'Harbourview Trade Consulting Inc.',
                    },
                  },
                ],
                { totalCount: 27 },
              )
            : connection(first, { hasNextPage: true, totalCount: 27 });
        },
      }),
    ]);

    const page1 = await screen.findByRole('table', { name: 'Active relationships: 27 in all, page 1' });
    expect(within(page1).getAllByRole('row')).toHaveLength(3);
    await user.click(await labelledButton('Next page: Active relationships'));
    const page2 = await screen.findByRole('table', { name: 'Active relationships: 27 in all, page 2' });
    expect(within(page2).getAllByRole('row')[1]?.textContent).toContain('Harbourview Trade Consulting Inc.');
    expect(asked).toContain('cur-rel-2');
    expect(screen.queryByText('Next page')).toBeNull();
    await user.click(await labelledButton('Previous page: Active relationships'));
    expect(
      await screen.findByRole('table', { name: 'Active relationships: 27 in all, page 1' }),
    ).toBeInTheDocument();
  });

  it('filters the requests by status', async () => {
    const user = userEvent.setup();
    const statuses: unknown[] = [];
    renderRoute('/en/business/relationships', [
      ...signedIn,
      clientHeader,
      relationshipsViewerMock({}),
      ...listMocks({
        received: (variables) => {
          statuses.push(variables.status);
          return variables.status === 'REJECTED'
            ? connection([])
            : connection([{ id: 'rel-1', status: 'PENDING' }]);
        },
      }),
    ]);
    expect(
      await screen.findByRole('table', { name: 'Requests received: 1 in all, page 1' }),
    ).toBeInTheDocument();
    await user.selectOptions(await select('Status of the requests'), 'REJECTED');
    expect(await screen.findByText('No request received has this status.')).toBeInTheDocument();
    expect(statuses).toEqual([null, 'REJECTED']);
  });

  it('ends an active relationship only after a confirmation', async () => {
    const user = userEvent.setup();
    let active: RelationshipRow[] = [{ id: 'rel-1', status: 'ACCEPTED', type: 'BUSINESS_MANAGEMENT' }];
    let ended = 0;
    const end: MockLink.MockedResponse = {
      request: { query: RelationshipsEndDocument, variables: { relationshipId: 'rel-1' } },
      result: () => {
        ended++;
        active = [];
        return {
          data: { endRelationship: payload({ id: 'rel-1', status: 'ENDED', type: 'BUSINESS_MANAGEMENT' }) },
        };
      },
    };
    renderRoute('/en/business/relationships', [
      ...signedIn,
      clientHeader,
      relationshipsViewerMock({}),
      ...listMocks({ active: () => connection(active) }),
      end,
    ]);

    await user.click(await labelledButton('End the relationship with Maple Leaf Customs'));
    expect(
      await screen.findByText('End the relationship between Maple Leaf Customs and Northern Lights?', {
        selector: 'gcds-heading',
      }),
    ).toBeInTheDocument();
    await user.click(await button('Cancel'));
    await waitFor(() => expect(screen.queryByText('Yes, end the relationship')).toBeNull());
    expect(ended).toBe(0);

    await user.click(await labelledButton('End the relationship with Maple Leaf Customs'));
    await user.click(await button('Yes, end the relationship'));
    expect(
      await screen.findByText('The relationship between Maple Leaf Customs and Northern Lights has ended.'),
    ).toBeInTheDocument();
    expect(ended).toBe(1);
    expect(await screen.findByText('Your business has no active business relationship.')).toBeInTheDocument();
  });

  it('says so, without any list, when the viewer may not manage relationships', async () => {
    renderRoute('/en/business/relationships', [
      ...signedIn,
      clientHeader,
      relationshipsViewerMock({
        role: 'EDITOR',
        granted: { BUSINESS_IDENTITY: 'view', PROGRAM_PROFILE: 'edit' },
      }),
      always(RelationshipsClientAccountsDocument, () => null),
    ]);
    expect(
      await screen.findByText(
        'You do not have access to the business relationships of this business. Its business account manager manages them.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
