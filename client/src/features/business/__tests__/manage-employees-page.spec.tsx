import { type MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  ChangeMembershipDocument,
  DecideAccessRequestDocument,
  RevokeMembershipDocument,
} from '../../../generated/graphql';
import { button, choice, fieldError, select, summaryLinks } from '../../../test/gcds';
import { renderRoute } from '../../../test/render-route';
import {
  type EmployeesState,
  employeesMock,
  headerMock,
  signedIn,
} from '../../../test/fixtures/business-fixtures';

const header = headerMock({
  id: 'b-1',
  businessNumber: '123456789',
  name: 'Northern Lights',
  accounts: ['123456789RM0001', '123456789RT0001'],
});

const jane = { id: 'm-1', name: 'Jane Doe', role: 'BUSINESS_ACCOUNT_MANAGER', accounts: [] } as const;

function bamState(): EmployeesState {
  return {
    role: 'BUSINESS_ACCOUNT_MANAGER',
    requests: [{ id: 'r-1', reason: 'I file our imports' }],
    members: [{ ...jane, accounts: [] }],
  };
}

/** Jane, the manager, and Omar, an editor of RM0001; no request. */
function withOmar(): EmployeesState {
  return {
    ...bamState(),
    requests: [],
    members: [
      { ...jane, accounts: [] },
      { id: 'm-2', name: 'Omar Haddad', role: 'EDITOR', accounts: ['pa-1'] },
    ],
  };
}

function accessRequest(status: 'APPROVED' | 'REJECTED', grantedRole: string | null) {
  return {
    __typename: 'AccessRequestPayload',
    accessRequest: { __typename: 'AccessRequest', id: 'r-1', status, grantedRole },
    userErrors: [],
  };
}

function textarea(): HTMLTextAreaElement {
  const element = document.querySelector('gcds-textarea')?.shadowRoot?.querySelector('textarea');
  if (!element) throw new Error('no rendered gcds-textarea');
  return element;
}

/** The real button of the GCDS button whose accessible name (aria-label) is `name`. */
async function labelledButton(name: string): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const host = [...document.querySelectorAll('gcds-button')].find(
      (element) => element.getAttribute('aria-label') === name,
    );
    const real = host?.shadowRoot?.querySelector('button');
    if (!real) throw new Error(`no rendered gcds-button labelled ${name}`);
    return real;
  });
}

describe('manage my employees', () => {
  it('lets a business account manager approve a request as editor of one program account', async () => {
    const user = userEvent.setup();
    let state = bamState();
    const approve: MockLink.MockedResponse = {
      request: {
        query: DecideAccessRequestDocument,
        variables: {
          input: { requestId: 'r-1', approve: true, role: 'EDITOR', programAccountIds: ['pa-1'] },
        },
      },
      result: () => {
        state = {
          ...state,
          requests: [],
          members: [...state.members, { id: 'm-2', name: 'Omar Haddad', role: 'EDITOR', accounts: ['pa-1'] }],
        };
        return { data: { decideAccessRequest: accessRequest('APPROVED', 'EDITOR') } };
      },
    };
    renderRoute('/en/business/employees', [...signedIn, header, employeesMock(() => state), approve]);

    const requests = await screen.findByRole('table', { name: 'Pending access requests (1)' });
    expect(document.title).toBe('Manage my employees - Passerelle client portal');
    expect(within(requests).getAllByRole('row')[1]?.textContent).toBe(
      'Omar Haddadomar@example.comI file our importsNovember 21, 2026 at 9:05 a.m. ESTApproveReject',
    );
    const members = screen.getByRole('table', { name: 'Members of Northern Lights (1)' });
    expect(within(members).getAllByRole('row')[1]?.textContent).toBe(
      'Jane Doejane@example.comBusiness account managerAll program accountsActiveNovember 20, 2026 at 10:00 a.m. ESTChange accessRevoke',
    );

    await user.click(await labelledButton('Approve the request of Omar Haddad'));
    expect(
      await screen.findByText('Approve the request of Omar Haddad', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    // Nothing chosen: refused before anything is sent.
    await user.click(await button('Approve the request'));
    await waitFor(() =>
      expect(summaryLinks().map((link) => link.text)).toEqual([
        'Choose a role.',
        'Choose at least one program account.',
      ]),
    );

    await user.selectOptions(await select('Role'), 'EDITOR');
    await user.click(
      await choice('Program accounts the employee may access', 'RM0001 - Northern Lights Imports'),
    );
    await user.click(await button('Approve the request'));

    expect(
      await screen.findByText('Omar Haddad now has access to the business as Editor.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('No access request is waiting for a decision.')).toBeInTheDocument();
    const after = await screen.findByRole('table', { name: 'Members of Northern Lights (2)' });
    expect(within(after).getAllByRole('row')[2]?.textContent).toBe(
      'Omar Haddadomar@example.comEditorRM0001ActiveNovember 20, 2026 at 10:00 a.m. ESTChange accessRevoke',
    );
  });

  it('requires a reason to reject a request', async () => {
    const user = userEvent.setup();
    let state = bamState();
    const reject: MockLink.MockedResponse = {
      request: {
        query: DecideAccessRequestDocument,
        variables: { input: { requestId: 'r-1', approve: false, reason: 'You do not work for us.' } },
      },
      result: () => {
        state = { ...state, requests: [] };
        return { data: { decideAccessRequest: accessRequest('REJECTED', null) } };
      },
    };
    renderRoute('/en/business/employees', [...signedIn, header, employeesMock(() => state), reject]);

    await user.click(await labelledButton('Reject the request of Omar Haddad'));
    await user.click(await button('Reject the request'));
    await waitFor(() =>
      expect(fieldError(document.getElementById('reason'))).toBe('Enter the reason for the refusal.'),
    );
    await waitFor(() => expect(textarea()).toBeDefined());
    await user.type(textarea(), 'You do not work for us.');
    await user.click(await button('Reject the request'));
    expect(await screen.findByText('The request of Omar Haddad has been rejected.')).toBeInTheDocument();
    expect(await screen.findByText('No access request is waiting for a decision.')).toBeInTheDocument();
  });

  it('asks for confirmation before revoking, and shows LAST_BAM when the last manager is revoked', async () => {
    const user = userEvent.setup();
    let asked = 0;
    const revoke: MockLink.MockedResponse = {
      request: { query: RevokeMembershipDocument, variables: { membershipId: 'm-1' } },
      result: () => {
        asked++;
        return {
          data: {
            revokeMembership: {
              __typename: 'MembershipPayload',
              membership: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  field: ['membershipId'],
                  code: 'LAST_BAM',
                  message:
                    'The business needs at least one active Business Account Manager: give the role to someone else first.',
                },
              ],
            },
          },
        };
      },
    };
    renderRoute('/en/business/employees', [...signedIn, header, employeesMock(bamState), revoke]);

    await user.click(await labelledButton('Revoke the access of Jane Doe'));
    expect(
      await screen.findByText('Revoke the access of Jane Doe?', { selector: 'gcds-heading' }),
    ).toBeInTheDocument();
    expect(asked).toBe(0);
    await user.click(await button('Yes, revoke the access'));
    expect(
      await screen.findByText(
        'The business needs at least one active Business Account Manager: give the role to someone else first.',
      ),
    ).toBeInTheDocument();
    expect(asked).toBe(1);
    expect(screen.getByRole('table', { name: 'Members of Northern Lights (1)' })).toBeInTheDocument();

    await user.click(await button('Cancel'));
    await waitFor(() => expect(screen.queryByText('Revoke the access of Jane Doe?')).toBeNull());
  });

  it('changes the role and scope of a member', async () => {
    const user = userEvent.setup();
    let state = withOmar();
    const change: MockLink.MockedResponse = {
      request: {
        query: ChangeMembershipDocument,
        variables: { input: { membershipId: 'm-2', role: 'READER', programAccountIds: ['pa-1', 'pa-2'] } },
      },
      result: () => {
        state = {
          ...state,
          members: [
            { ...jane, accounts: [] },
            { id: 'm-2', name: 'Omar Haddad', role: 'READER', accounts: ['pa-1', 'pa-2'] },
          ],
        };
        return {
          data: {
            changeMembership: {
              __typename: 'MembershipPayload',
              membership: {
                __typename: 'Membership',
                id: 'm-2',
                role: 'READER',
                status: 'ACTIVE',
                programAccounts: [],
              },
              userErrors: [],
            },
          },
        };
      },
    };
    renderRoute('/en/business/employees', [...signedIn, header, employeesMock(() => state), change]);

    await user.click(await labelledButton('Change access for Omar Haddad'));
    const role = await select('Role');
    await waitFor(() => expect(role.value).toBe('EDITOR'));
    await user.selectOptions(role, 'READER');
    await user.click(
      await choice('Program accounts the employee may access', 'RT0001 - Northern Lights Imports Inc.'),
    );
    await user.click(await button('Save the access'));
    expect(
      await screen.findByText('Omar Haddad now has access to the business as Reader.'),
    ).toBeInTheDocument();
    await waitFor(() => {
      const members = screen.getByRole('table', { name: 'Members of Northern Lights (2)' });
      expect(within(members).getAllByRole('row')[2]?.textContent).toContain('ReaderRM0001, RT0001');
    });
  });

  // Once skipped: the render that showed the error message left a null in gcds-checkboxes' inputs and GCDS's
  // next validation threw after the test; fields.tsx keeps the nulls out (components/forms/gcds-group-inputs.ts).
  it('refuses a change in French beside its field, with focus on the summary', async () => {
    const user = userEvent.setup();
    const state = withOmar();
    const refused: MockLink.MockedResponse = {
      request: {
        query: ChangeMembershipDocument,
        variables: { input: { membershipId: 'm-2', role: 'EDITOR', programAccountIds: ['pa-1'] } },
      },
      result: {
        data: {
          changeMembership: {
            __typename: 'MembershipPayload',
            membership: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: ['input', 'role'],
                code: 'ROLE_NOT_ALLOWED',
                message: 'Ce rôle ne peut pas être donné à cet employé.',
              },
            ],
          },
        },
      },
    };
    renderRoute('/fr/business/employees', [...signedIn, header, employeesMock(() => state), refused]);

    await user.click(await labelledButton("Modifier l'accès de Omar Haddad"));
    const account = await choice("Comptes de programme auxquels l'employé aura accès", /^RM0001/);
    await waitFor(() => expect(account.checked).toBe(true));
    await user.click(account);
    await user.click(await button("Enregistrer l'accès"));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Choisissez au moins un compte de programme.', href: '#programAccountIds' },
      ]),
    );
    await waitFor(() => expect(document.activeElement?.tagName).toBe('GCDS-ERROR-SUMMARY'));

    await user.click(await choice("Comptes de programme auxquels l'employé aura accès", /^RM0001/));
    await user.click(await button("Enregistrer l'accès"));
    await waitFor(() =>
      expect(summaryLinks()).toEqual([
        { text: 'Ce rôle ne peut pas être donné à cet employé.', href: '#role' },
      ]),
    );
    expect(fieldError(document.getElementById('role'))).toBe('Ce rôle ne peut pas être donné à cet employé.');
  });

  it('shows a program account manager the requests only, without the business account manager role', async () => {
    const user = userEvent.setup();
    renderRoute('/en/business/employees', [
      ...signedIn,
      header,
      employeesMock(() => ({ ...bamState(), role: 'PROGRAM_ACCOUNT_MANAGER', members: [] })),
    ]);
    await screen.findByRole('table', { name: 'Pending access requests (1)' });
    expect(
      screen.getByText(
        /^As a program account manager, you can give employees access to the program accounts you manage only/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Members', { selector: 'gcds-heading' })).toBeNull();
    await user.click(await labelledButton('Approve the request of Omar Haddad'));
    const role = await select('Role');
    expect([...role.options].map((option) => option.value)).toEqual([
      '',
      'PROGRAM_ACCOUNT_MANAGER',
      'EDITOR',
      'READER',
    ]);
  });

  it('tells an editor or a reader that they do not have access', async () => {
    renderRoute('/fr/business/employees', [
      ...signedIn,
      header,
      employeesMock(() => ({ role: 'READER', requests: [], members: [] })),
    ]);
    expect(
      await screen.findByText(
        "Vous n'avez pas accès à cette page : seul un gestionnaire de compte d'entreprise ou un gestionnaire de compte de programme gère les employés.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
