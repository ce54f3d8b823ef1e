import { type MockLink } from '@apollo/client/testing';
import { waitFor } from '@testing-library/react';
import {
  type AccessArea,
  type BusinessRole,
  RelationshipsActiveDocument,
  RelationshipsReceivedDocument,
  RelationshipsSentDocument,
  RelationshipsViewerDocument,
} from '../../../generated/graphql';

export { address, always, headerMock, rm0001, signedIn } from '../../business/__tests__/business-fixtures';

const everyArea: readonly AccessArea[] = [
  'BUSINESS_IDENTITY',
  'BUSINESS_PROFILE',
  'PROGRAM_PROFILE',
  'PROGRAM_LIST',
  'FINANCIAL_SECURITY',
  'REQUESTS_AND_TRANSACTIONS',
  'PAD',
  'COLLECTIONS_NOTICES',
  'ACCESS_MANAGEMENT',
  'RELATIONSHIP_MANAGEMENT',
];

/** `viewerAccess.areas` with these areas granted (the others denied). */
export function areas(granted: Partial<Record<AccessArea, 'view' | 'edit'>>) {
  return everyArea.map((area) => ({
    __typename: 'AreaAccess',
    area,
    view: Boolean(granted[area]),
    edit: granted[area] === 'edit',
  }));
}

export const everything = Object.fromEntries(everyArea.map((area) => [area, 'edit'])) as Record<
  AccessArea,
  'edit'
>;

/** Answers `query` with any variables, as often as asked, with what `data(variables)` says at the time. */
export function anyVariables(
  query: MockLink.MockedResponse['request']['query'],
  data: (variables: Record<string, unknown>) => unknown,
): MockLink.MockedResponse {
  return {
    request: { query, variables: () => true },
    result: (variables: Record<string, unknown>) => ({ data: data(variables) }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  } as MockLink.MockedResponse;
}

export const mapleLeaf = { id: 'b-p', businessNumber: '345678902', name: 'Maple Leaf Customs' } as const;
export const northernLights = { id: 'b-1', businessNumber: '123456789', name: 'Northern Lights' } as const;

/** The RelationshipsViewer query: the active business, the viewer's role and access. */
export function relationshipsViewerMock(options: {
  business?: { id: string; businessNumber: string; name: string };
  role?: BusinessRole;
  provider?: boolean;
  granted?: Partial<Record<AccessArea, 'view' | 'edit'>>;
  actingFor?: string[];
}) {
  const business = options.business ?? northernLights;
  return anyVariables(RelationshipsViewerDocument, () => ({
    me: {
      __typename: 'Viewer',
      id: 'user-1',
      activeBusiness: {
        __typename: 'Business',
        ...business,
        viewerMembership: {
          __typename: 'Membership',
          id: 'm-1',
          role: options.role ?? 'BUSINESS_ACCOUNT_MANAGER',
        },
        viewerAccess: { __typename: 'BusinessAccess', areas: areas(options.granted ?? everything) },
        profile: {
          __typename: 'BusinessProfile',
          serviceProvider: options.provider ?? false,
          serviceProviderKind: options.provider ? 'CUSTOMS_BROKER' : null,
        },
      },
      actingFor: (options.actingFor ?? []).map((id) => ({ __typename: 'Business', id })),
    },
  }));
}

export interface RelationshipRow {
  id: string;
  status: string;
  type?: string | null;
  provider?: { id: string; businessNumber: string; name: string };
  client?: { id: string; businessNumber: string; name: string };
  message?: string | null;
  accounts?: Array<{ id: string; accountNumber: string; name: string }>;
}

export function relationshipNode(row: RelationshipRow) {
  return {
    __typename: 'BusinessRelationship',
    id: row.id,
    type: row.type ?? null,
    status: row.status,
    message: row.message ?? null,
    requestedAt: '2026-11-21T14:05:00Z',
    expiresAt: '2026-12-21T14:05:00Z',
    decidedAt: row.status === 'PENDING' ? null : '2026-11-22T15:00:00Z',
    decisionReason: null,
    endedAt: row.status === 'ENDED' ? '2026-11-22T16:00:00Z' : null,
    provider: { __typename: 'BusinessSummary', ...(row.provider ?? mapleLeaf) },
    client: { __typename: 'BusinessSummary', ...(row.client ?? northernLights) },
    programAccounts: (row.accounts ?? []).map((account) => ({
      __typename: 'ProgramAccountSummary',
      ...account,
    })),
  };
}

export function connection(
  rows: readonly RelationshipRow[],
  page: { hasNextPage?: boolean; endCursor?: string | null; totalCount?: number } = {},
) {
  return {
    __typename: 'BusinessRelationshipConnection',
    edges: rows.map((row) => ({
      __typename: 'BusinessRelationshipEdge',
      cursor: `cur-${row.id}`,
      node: relationshipNode(row),
    })),
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: page.hasNextPage ?? false,
      endCursor: page.endCursor ?? (rows.length ? `cur-${rows.at(-1)?.id}` : null),
    },
    totalCount: page.totalCount ?? rows.length,
  };
}

type Connection = ReturnType<typeof connection>;

/** The three lists, each answered by its own function of the variables. */
export function listMocks(lists: {
  businessId?: string;
  received?: (variables: Record<string, unknown>) => Connection;
  sent?: (variables: Record<string, unknown>) => Connection;
  active?: (variables: Record<string, unknown>) => Connection;
}) {
  const id = lists.businessId ?? northernLights.id;
  const empty = () => connection([]);
  return [
    anyVariables(RelationshipsReceivedDocument, (variables) => ({
      business: { __typename: 'Business', id, receivedRelationships: (lists.received ?? empty)(variables) },
    })),
    anyVariables(RelationshipsSentDocument, (variables) => ({
      business: { __typename: 'Business', id, sentRelationships: (lists.sent ?? empty)(variables) },
    })),
    anyVariables(RelationshipsActiveDocument, (variables) => ({
      business: { __typename: 'Business', id, activeRelationships: (lists.active ?? empty)(variables) },
    })),
  ];
}

/** The real button of the GCDS button whose accessible name (aria-label) is `name`. */
export async function labelledButton(name: string): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const host = [...document.querySelectorAll('gcds-button')].find(
      (element) => element.getAttribute('aria-label') === name,
    );
    const real = host?.shadowRoot?.querySelector('button');
    if (!real) throw new Error(`no rendered gcds-button labelled ${name}`);
    return real;
  });
}

/** The real textarea of the GCDS textarea with this label. */
export async function textarea(label: string): Promise<HTMLTextAreaElement> {
  return waitFor(() => {
    const host = [...document.querySelectorAll<HTMLElement>('gcds-textarea')].find(
      (element) => (element as unknown as { label?: string }).label === label,
    );
    const real = host?.shadowRoot?.querySelector('textarea');
    if (!real) throw new Error(`no rendered gcds-textarea labelled ${label}`);
    return real;
  });
}

export const userErrors = (code: string, message: string, field: string[]) => [
  { __typename: 'UserError', field, code, message },
];
