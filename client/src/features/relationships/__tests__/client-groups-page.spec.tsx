import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  ClientGroupsAddClientsDocument,
  ClientGroupsAssignToGroupDocument,
  ClientGroupClientsDocument,
  ClientGroupsCreateDocument,
  ClientGroupsDataDocument,
  ClientGroupsDeleteDocument,
  ClientGroupsRenameDocument,
  ClientGroupsUnassignFromGroupDocument,
} from '../../../generated/graphql';
import { button, choice, fieldError, input, replaceText, select, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import {
  anyVariables,
  headerMock,
  labelledButton,
  mapleLeaf,
  northernLights,
  relationshipsViewerMock,
  signedIn,
  userErrors,
} from '../../../test/fixtures/relationships-fixtures';
import { connectionOf } from '../../../test/fixtures/connection';

const providerHeader = headerMock({ ...mapleLeaf, accounts: ['345678902RM0001'] });
const omar = { __typename: 'PersonSummary', id: 'u-omar', name: 'Omar Haddad', email: 'omar@example.com' };
const northern = { __typename: 'BusinessSummary', ...northernLights };

type ClientState = { __typename: string; id: string; businessNumber: string; name: string };

interface GroupState {
  id: string;
  name: string;
  clients: ClientState[];
  assignees: Array<{ __typename: string; id: string; name: string }>;
}

function groupOf({ clients, assignees, ...group }: GroupState) {
  return {
    __typename: 'ClientGroup',
    createdAt: '2026-11-22T15:00:00Z',
    ...group,
    clientsConnection: clientsPage(clients, 0),
    assigneesConnection: {
      ...connectionOf('PersonSummary', assignees, 'ClientGroupAssigneeConnection'),
      totalCount: assignees.length,
    },
  };
}

/** A page of a group's 100 clients from `start`, as the server pages them (a client's id as its cursor). */
function clientsPage(clients: ClientState[], start: number) {
  const page = clients.slice(start, start + 100);
  return {
    ...connectionOf('BusinessSummary', page, 'ClientGroupClientConnection'),
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: start + 100 < clients.length,
      endCursor: page.at(-1)?.id ?? null,
    },
    totalCount: clients.length,
  };
}

/** A page of 25 groups after `after` (a group's id as its cursor), as the server pages them. */
function groupsPage(all: GroupState[], after: unknown) {
  const start = typeof after === 'string' ? all.findIndex((group) => group.id === after) + 1 : 0;
  const page = all.slice(start, start + 25);
  return {
    ...connectionOf('ClientGroup', page.map(groupOf)),
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: start + 25 < all.length,
      endCursor: page.at(-1)?.id ?? null,
    },
    totalCount: all.length,
  };
}

function dataMock(groups: () => GroupState[]) {
  return anyVariables(ClientGroupsDataDocument, (variables) => ({
    business: {
      __typename: 'Business',
      id: mapleLeaf.id,
      clientGroupsConnection: groupsPage(groups(), variables.groupsAfter),
      membersConnection: connectionOf('Membership', [
        {
          __typename: 'Membership',
          id: 'm-1',
          role: 'BUSINESS_ACCOUNT_MANAGER',
          status: 'ACTIVE',
          person: { __typename: 'PersonSummary', id: 'user-1', name: 'Jane Doe', email: 'jane@example.com' },
        },
        { __typename: 'Membership', id: 'm-2', role: 'EDITOR', status: 'ACTIVE', person: omar },
      ]),
      employeeAssignmentsConnection: {
        ...connectionOf('EmployeeAssignment', []),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
      activeRelationships: {
        __typename: 'BusinessRelationshipConnection',
        edges: [
          {
            __typename: 'BusinessRelationshipEdge',
            node: {
              __typename: 'BusinessRelationship',
              id: 'rel-1',
              provider: { __typename: 'BusinessSummary', id: mapleLeaf.id },
              client: northern,
            },
          },
        ],
        totalCount: 1,
      },
    },
  }));
}

describe('client groups and assignments', { timeout: 20_000 }, () => {
  it("creates a group (the server's NAME_TAKEN beside the name), adds a client and assigns an employee", async () => {
    const user = userEvent.setup();
    let groups: GroupState[] = [];
    const taken: MockLink.MockedResponse = {
      request: {
        query: ClientGroupsCreateDocument,
        variables: { input: { providerBusinessId: mapleLeaf.id, name: 'Importers' } },
      },
      result: {
        data: {
          createClientGroup: {
            __typename: 'ClientGroupPayload',
            group: null,
            userErrors: userErrors('NAME_TAKEN', 'A client group already has this name, or had it.', [
              'input',
              'name',
            ]),
          },
        },
      },
    };
    const created: MockLink.MockedResponse = {
      request: {
        query: ClientGroupsCreateDocument,
        variables: { input: { providerBusinessId: mapleLeaf.id, name: 'Ontario importers' } },
      },
      result: () => {
        groups = [{ id: 'g-1', name: 'Ontario importers', clients: [], assignees: [] }];
        return {
          data: {
            createClientGroup: {
              __typename: 'ClientGroupPayload',
              group: groupOf(groups[0]),
              userErrors: [],
            },
          },
        };
      },
    };
    const added: MockLink.MockedResponse = {
      request: {
        query: ClientGroupsAddClientsDocument,
        variables: { groupId: 'g-1', clientBusinessIds: [northernLights.id] },
      },
      result: () => {
        groups = [{ ...groups[0], clients: [northern] }];
        return {
          data: {
            addClientsToGroup: {
              __typename: 'ClientGroupClientsPayload',
              group: groupOf(groups[0]),
              results: [
                {
                  __typename: 'ClientGroupClientResult',
                  clientBusinessId: northernLights.id,
                  done: true,
                  userErrors: [],
                },
              ],
              userErrors: [],
            },
          },
        };
      },
    };
    const assigned: MockLink.MockedResponse = {
      request: {
        query: ClientGroupsAssignToGroupDocument,
        variables: { input: { groupId: 'g-1', userId: 'u-omar' } },
      },
      result: () => {
        groups = [
          { ...groups[0], assignees: [{ __typename: 'PersonSummary', id: 'u-omar', name: 'Omar Haddad' }] },
        ];
        return {
          data: {
            assignEmployeeToGroup: {
              __typename: 'EmployeeAssignmentPayload',
              assignment: { __typename: 'EmployeeAssignment', id: 'a-1' },
              userErrors: [],
            },
          },
        };
      },
    };
    let unassignedTimes = 0;
    const unassigned: MockLink.MockedResponse = {
      request: {
        query: ClientGroupsUnassignFromGroupDocument,
        variables: { input: { groupId: 'g-1', userId: 'u-omar' } },
      },
      result: () => {
        unassignedTimes += 1;
        groups = [{ ...groups[0], assignees: [] }];
        return {
          data: {
            unassignEmployeeFromGroup: {
              __typename: 'EmployeeAssignmentPayload',
              assignment: { __typename: 'EmployeeAssignment', id: 'a-1' },
              userErrors: [],
            },
          },
        };
      },
    };
    renderRoute('/en/business/client-groups', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      dataMock(() => groups),
      taken,
      created,
      added,
      assigned,
      unassigned,
    ]);

    expect(await screen.findByText('You have not created any client group.')).toBeInTheDocument();
    expect(document.title).toBe('Client groups and assignments - Passerelle client portal');
    const name = await input('Name of the group');
    await user.type(name, 'Importers');
    await user.click(await button('Create the group'));
    await waitFor(() =>
      expect(fieldError(document.getElementById('name'))).toBe(
        'A client group already has this name, or had it.',
      ),
    );
    expect(summaryLinks()).toEqual([
      { text: 'A client group already has this name, or had it.', href: '#name' },
    ]);

    await replaceText(user, name, 'Ontario importers');
    await user.click(await button('Create the group'));
    expect(await screen.findByText('The group Ontario importers has been created.')).toBeInTheDocument();

    await user.click(await labelledButton('Add clients to Ontario importers'));
    await user.click(await choice('Clients to add to Ontario importers', 'Northern Lights (123456789)'));
    await user.click(await button('Add the clients'));
    expect(await screen.findByText('Added to Ontario importers (1): Northern Lights.')).toBeInTheDocument();

    await user.click(await labelledButton('Assign an employee to Ontario importers'));
    await user.selectOptions(await select('Employee'), 'u-omar');
    await user.click(await button('Assign the employee'));
    expect(await screen.findByText('Omar Haddad is now assigned to Ontario importers.')).toBeInTheDocument();
    const assignees = await screen.findByRole('table', { name: 'Employees assigned to Ontario importers' });
    expect(within(assignees).getAllByRole('row')[1]?.textContent).toBe('Omar HaddadUnassign');

    // Unassigning asks first; going back changes nothing.
    await user.click(await labelledButton('Unassign Omar Haddad from Ontario importers'));
    expect(
      await screen.findByText('Unassign Omar Haddad from Ontario importers?', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    await user.click(await button('Cancel'));
    await waitFor(() =>
      expect(screen.queryByText('Unassign Omar Haddad from Ontario importers?')).toBeNull(),
    );
    expect(unassignedTimes).toBe(0);
    await user.click(await labelledButton('Unassign Omar Haddad from Ontario importers'));
    await user.click(await button('Yes, unassign'));
    expect(
      await screen.findByText('Omar Haddad is no longer assigned to Ontario importers.'),
    ).toBeInTheDocument();
    expect(unassignedTimes).toBe(1);
  });

  it('refuses a rename in French beside the name, with focus on the summary, and a delete in its panel', async () => {
    const user = userEvent.setup();
    const groups: GroupState[] = [{ id: 'g-1', name: 'Québec', clients: [], assignees: [] }];
    const renamed: MockLink.MockedResponse = {
      request: {
        query: ClientGroupsRenameDocument,
        variables: { input: { groupId: 'g-1', name: 'Montréal' } },
      },
      result: {
        data: {
          renameClientGroup: {
            __typename: 'ClientGroupPayload',
            group: null,
            userErrors: userErrors('NAME_TAKEN', 'Un groupe de l’entreprise porte déjà ce nom.', [
              'input',
              'name',
            ]),
          },
        },
      },
    };
    const deleted: MockLink.MockedResponse = {
      request: { query: ClientGroupsDeleteDocument, variables: { groupId: 'g-1' } },
      result: {
        data: {
          deleteClientGroup: {
            __typename: 'ClientGroupPayload',
            group: null,
            userErrors: userErrors('NOT_FOUND', 'Ce groupe n’existe plus.', []),
          },
        },
      },
    };
    renderRoute('/fr/business/client-groups', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      dataMock(() => groups),
      renamed,
      deleted,
    ]);

    await user.click(await labelledButton('Renommer Québec'));
    const name = await input('Nouveau nom du groupe');
    await waitFor(() => expect(name.value).toBe('Québec'));
    // Everything selected, then erased (user.clear() refuses an input in a shadow root).
    await replaceText(user, name, '{Backspace}');
    await waitFor(() => expect(name.value).toBe(''));
    await user.click(await button('Enregistrer le nom'));
    await waitFor(() =>
      expect(fieldError(document.getElementById('groupName'))).toBe('Entrez le nom du groupe.'),
    );
    // The panel's own summary (the page's first is the create form's) takes focus.
    await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));
    expect(document.activeElement?.closest('form')?.contains(document.getElementById('groupName'))).toBe(
      true,
    );

    await user.type(name, 'Montréal');
    await user.click(await button('Enregistrer le nom'));
    await waitFor(() =>
      expect(fieldError(document.getElementById('groupName'))).toBe(
        'Un groupe de l’entreprise porte déjà ce nom.',
      ),
    );

    await user.click(await labelledButton('Supprimer Québec'));
    await user.click(await button('Oui, supprimer le groupe'));
    expect(await screen.findByText('Ce groupe n’existe plus.')).toBeInTheDocument();
  });

  it('shows the next page of groups', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 26 }, (_, i) => ({
      id: `g-${String(i + 1).padStart(2, '0')}`,
      name: `Group ${String(i + 1).padStart(2, '0')}`,
      clients: i === 0 ? [northern] : [],
      assignees: [],
    }));
    renderRoute('/en/business/client-groups', [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      dataMock(() => many),
    ]);
    expect(await screen.findByText('Client groups (26)')).toBeInTheDocument();
    expect(screen.getByText('Group 25')).toBeInTheDocument();
    expect(screen.queryByText('Group 26')).toBeNull();
    await user.click(await button('Show more groups'));
    expect(await screen.findByText('Group 26')).toBeInTheDocument();
    expect(screen.getByText('Group 01')).toBeInTheDocument();
    expect(screen.queryByText('Show more groups')).toBeNull();
  });

  it.each([
    {
      language: 'en',
      path: '/en/business/client-groups',
      shown: "The first 100 of the group's 150 clients are listed.",
      more: 'Show more clients of Importers',
    },
    {
      language: 'fr',
      path: '/fr/business/client-groups',
      shown: 'Les 100 premiers des 150 clients du groupe sont affichés.',
      more: 'Afficher plus de clients du groupe Importers',
    },
  ])("shows a group's first 100 clients, then the rest with Business.clientGroup ($language)", async (c) => {
    const user = userEvent.setup();
    const many = Array.from({ length: 150 }, (_, i) => ({
      __typename: 'BusinessSummary',
      id: `c-${String(i + 1).padStart(3, '0')}`,
      businessNumber: String(200000001 + i),
      name: `Client ${String(i + 1).padStart(3, '0')}`,
    }));
    const asked: unknown[] = [];
    const nextPage: MockLink.MockedResponse = {
      request: {
        query: ClientGroupClientsDocument,
        variables: { businessId: mapleLeaf.id, groupId: 'g-1', after: 'c-100' },
      },
      result: (variables: Record<string, unknown>) => {
        asked.push(variables);
        return {
          data: {
            business: {
              __typename: 'Business',
              id: mapleLeaf.id,
              clientGroup: {
                __typename: 'ClientGroup',
                id: 'g-1',
                clientsConnection: clientsPage(many, 100),
              },
            },
          },
        };
      },
    } as MockLink.MockedResponse;
    renderRoute(c.path, [
      ...signedIn,
      providerHeader,
      relationshipsViewerMock({ business: mapleLeaf, provider: true }),
      dataMock(() => [{ id: 'g-1', name: 'Importers', clients: many, assignees: [] }]),
      nextPage,
    ]);
    const group = within(await screen.findByRole('region', { name: 'Importers' }));
    expect(await group.findByText(c.shown)).toBeInTheDocument();
    expect(group.getByText(/Client 100 \(200000100\)/)).toBeInTheDocument();
    expect(group.queryByText(/Client 101/)).toBeNull();
    await user.click(await button(c.more));
    expect(await group.findByText(/Client 150 \(200000150\)/)).toBeInTheDocument();
    expect(group.getByText(/Client 001 \(200000001\)/)).toBeInTheDocument();
    expect(group.queryByText(c.shown)).toBeNull();
    expect(screen.queryByText(c.more)).toBeNull();
    expect(asked).toHaveLength(1);
  });

  it('is only for the business account manager of a service provider', async () => {
    renderRoute('/en/business/client-groups', [
      ...signedIn,
      headerMock({ ...northernLights, accounts: ['123456789RM0001'] }),
      relationshipsViewerMock({}),
    ]);
    expect(
      await screen.findByText(
        'Only the business account manager of a service provider organizes its clients in groups and assigns employees.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
