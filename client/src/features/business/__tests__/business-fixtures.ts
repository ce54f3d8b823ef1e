import { GraphQLError } from 'graphql';
import { type MockLink } from '@apollo/client/testing';
import { configure, screen, waitFor } from '@testing-library/react';
import {
  type BusinessRole,
  BusinessProfileDocument,
  HeaderBusinessDocument,
  ManageEmployeesDocument,
  ProgramAccountListDocument,
  ProgramAccountProfileDocument,
} from '../../../generated/graphql';
import { session, sessionMock, shadowHref, viewer, viewerMock } from '../../../test/render-route';

// The first render loads the GCDS components of the whole layout: on a busy machine (every spec file
// at once) that alone can take more than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

/** Answers `query` as often as asked, with whatever `data()` says at the time. */
export function always(query: MockLink.MockedResponse['request']['query'], data: () => unknown) {
  return {
    request: { query },
    result: () => ({ data: data() }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  } as MockLink.MockedResponse;
}

/** Jane Doe, signed in with the terms accepted. */
export const signedIn: readonly MockLink.MockedResponse[] = [
  viewerMock(() => viewer()),
  sessionMock(() => session()),
];

export const northernLights = {
  __typename: 'Business',
  id: 'b-1',
  businessNumber: '123456789',
  name: 'Northern Lights',
} as const;

export const address = {
  __typename: 'Address',
  addressType: 'PHYSICAL',
  line1: '240 Sparks Street',
  line2: 'Suite 1200',
  poBoxOrRuralRoute: null,
  city: 'Ottawa',
  provinceOrState: 'ON',
  postalCode: 'K1P 5B6',
  country: 'CA',
} as const;

export const rm0001 = {
  __typename: 'ProgramAccount',
  id: 'pa-1',
  accountNumber: '123456789RM0001',
  programCode: 'RM',
  programType: 'IMPORTER',
  name: 'Northern Lights Imports',
  billingType: 'MONTHLY_STATEMENT',
  status: 'ACTIVE',
  viewerCanEdit: true as boolean,
  addresses: [address],
  contacts: [
    {
      __typename: 'Contact',
      name: 'Alexandra Whitfield',
      title: 'President',
      phone: '613-555-0142',
      email: 'a.whitfield@example.com',
    },
  ],
  owners: [{ __typename: 'Owner', name: 'Alexandra Whitfield', role: 'DIRECTOR' }],
  subPrograms: [{ __typename: 'SubProgram', code: 'CSA', name: 'Customs Self Assessment' }],
} as const;

export const rt0001 = {
  ...rm0001,
  id: 'pa-2',
  accountNumber: '123456789RT0001',
  programCode: 'RT',
  programType: 'GST_HST',
  billingType: '',
  name: 'Northern Lights Imports Inc.',
  owners: [],
  subPrograms: [],
} as const;

export function membership(role: BusinessRole, id = 'm-1') {
  return { __typename: 'Membership', id, role } as const;
}

/** The header: Jane acts for Northern Lights; `others` are her other businesses. */
export function headerMock(
  active: { id: string; businessNumber: string; name: string; accounts: readonly string[] } | null,
  others: Array<{ id: string; businessNumber: string; name: string }> = [],
  /** Ids of the clients the person may act for as a provider's employee. */
  clients: readonly string[] = [],
) {
  const businesses = [...(active ? [active] : []), ...others];
  return always(HeaderBusinessDocument, () => ({
    me: {
      __typename: 'Viewer',
      id: 'user-1',
      actingFor: clients.map((id) => ({ __typename: 'Business', id })),
      memberships: businesses.map((business, index) => ({
        __typename: 'Membership',
        id: `hm-${index}`,
        role: 'BUSINESS_ACCOUNT_MANAGER',
        business: {
          __typename: 'BusinessSummary',
          id: business.id,
          businessNumber: business.businessNumber,
          name: business.name,
        },
      })),
      activeBusiness: active
        ? {
            __typename: 'Business',
            id: active.id,
            businessNumber: active.businessNumber,
            name: active.name,
            programAccounts: active.accounts.map((accountNumber, index) => ({
              __typename: 'ProgramAccount',
              id: `pa-${index + 1}`,
              accountNumber,
            })),
          }
        : null,
    },
  }));
}

export function profileOf(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'BusinessProfile',
    legalName: 'Northern Lights Imports Inc.',
    operatingName: 'Northern Lights',
    businessType: 'CORPORATION',
    soleProprietor: false,
    serviceProvider: false,
    serviceProviderKind: null,
    addresses: [address],
    businessActivity: 'Imports of outdoor equipment',
    contacts: [
      {
        __typename: 'Contact',
        name: 'Sam Tremblay',
        title: 'Logistics',
        phone: null,
        email: 'sam@example.com',
      },
    ],
    ...overrides,
  };
}

type BusinessIdentity = { id: string; businessNumber: string; name: string };

/** The profile page's query; `which` tells which business is active at the time (a switch changes it). */
export function businessProfileMock(
  role: BusinessRole | null,
  profile = profileOf(),
  which: () => BusinessIdentity = () => northernLights,
) {
  return always(BusinessProfileDocument, () => ({
    me: {
      __typename: 'Viewer',
      id: 'user-1',
      activeBusiness: role
        ? {
            __typename: 'Business',
            ...which(),
            registeredAt: '2026-11-20T15:00:00Z',
            profile,
            viewerMembership: membership(role),
          }
        : null,
    },
  }));
}

export function programAccountListMock() {
  return always(ProgramAccountListDocument, () => ({
    me: {
      __typename: 'Viewer',
      id: 'user-1',
      activeBusiness: {
        ...northernLights,
        programAccounts: [rm0001, rt0001].map(
          ({ id, accountNumber, name, programType, billingType, status }) => ({
            __typename: 'ProgramAccount',
            id,
            accountNumber,
            name,
            programType,
            billingType,
            status,
          }),
        ),
      },
    },
  }));
}

/**
 * Answers programAccount(id) for any id: the account when it is one of `accounts`, else null with the
 * server's FORBIDDEN (an account the viewer may not see, or none).
 */
export function programAccountProfileMock(accounts: ReadonlyArray<typeof rm0001 | typeof rt0001>) {
  return {
    request: { query: ProgramAccountProfileDocument, variables: () => true },
    result: (variables: { id: string }) => {
      const account = accounts.find((candidate) => candidate.id === variables.id);
      return account
        ? { data: { programAccount: account } }
        : {
            data: { programAccount: null },
            errors: [
              new GraphQLError('You do not have access to this program account’s profile.', {
                path: ['programAccount'],
                extensions: { code: 'FORBIDDEN', area: 'PROGRAM_PROFILE' },
              }),
            ],
          };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  } as MockLink.MockedResponse;
}

export const requester = {
  __typename: 'PersonSummary',
  id: 'p-2',
  name: 'Omar Haddad',
  email: 'omar@example.com',
};

export interface EmployeesState {
  role: BusinessRole;
  requests: Array<{ id: string; reason: string }>;
  members: Array<{ id: string; name: string; role: BusinessRole; accounts: string[] }>;
}

export function employeesMock(state: () => EmployeesState) {
  const accounts = [rm0001, rt0001].map(({ id, accountNumber, name }) => ({
    __typename: 'ProgramAccountSummary',
    id,
    accountNumber,
    name,
  }));
  return always(ManageEmployeesDocument, () => {
    const current = state();
    return {
      me: {
        __typename: 'Viewer',
        id: 'user-1',
        activeBusiness: {
          ...northernLights,
          viewerMembership: membership(current.role),
          programAccounts: accounts.map((account) => ({ ...account, __typename: 'ProgramAccount' })),
          pendingAccessRequests: current.requests.map((request) => ({
            __typename: 'AccessRequest',
            id: request.id,
            reason: request.reason,
            status: 'PENDING',
            requestedAt: '2026-11-21T14:05:00Z',
            requester,
          })),
          members: current.members.map((member, index) => ({
            __typename: 'Membership',
            id: member.id,
            role: member.role,
            status: 'ACTIVE',
            grantedAt: '2026-11-20T15:00:00Z',
            person: {
              __typename: 'PersonSummary',
              id: `person-${index}`,
              name: member.name,
              email: `${member.name.split(' ')[0]?.toLowerCase()}@example.com`,
            },
            programAccounts: accounts.filter((account) => member.accounts.includes(account.id)),
          })),
        },
      },
    };
  });
}

/** Where the GCDS link showing `text` points, once it has rendered its real `<a>`. */
export function linkTo(text: string): Promise<string> {
  return waitFor(() => {
    const href = shadowHref(screen.getByText(text).closest('gcds-link'));
    if (!href) throw new Error(`no rendered gcds-link ${text}`);
    return href;
  });
}
