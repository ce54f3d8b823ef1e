import { type MockLink } from '@apollo/client/testing';
import {
  FinanceBusinessesDocument,
  SecurityBusinessesDocument,
  type AccessArea,
} from '../../../generated/graphql';
import { anyVariables, areas, northernLights } from '../../relationships/__tests__/relationships-fixtures';

export const rmAccount = { id: 'pa-1', accountNumber: '123456789RM0001', name: 'Northern Lights Imports' };
export const rmAccount2 = { id: 'pa-2', accountNumber: '123456789RM0002', name: 'Northern Lights West' };

export function summary(account: { id: string; accountNumber: string; name: string }) {
  return { __typename: 'ProgramAccountSummary', ...account };
}

type Granted = Partial<Record<AccessArea, 'view' | 'edit'>>;
type Account = { id: string; accountNumber: string; name: string };

function business(
  id: string,
  name: string,
  granted: Granted,
  accounts: readonly Account[],
): Record<string, unknown> {
  return {
    __typename: 'Business',
    id,
    name,
    viewerAccess: {
      __typename: 'BusinessAccess',
      areas: areas(granted),
      programAccountIds: accounts.map((a) => a.id),
      programAccounts: accounts.map(summary),
    },
  };
}

/** FinanceBusinesses: the viewer's active business (Northern Lights) with this access and these accounts. */
export function financeBusinessesMock(
  granted: Granted,
  accounts: readonly Account[] = [rmAccount],
): MockLink.MockedResponse {
  return anyVariables(FinanceBusinessesDocument, () => ({
    me: {
      __typename: 'Viewer',
      id: 'user-1',
      activeBusiness: business(northernLights.id, northernLights.name, granted, accounts),
    },
  }));
}

/** SecurityBusinesses: the active business (or none) and the clients the viewer acts for. */
export function securityBusinessesMock(options: {
  own?: { granted: Granted; accounts?: readonly Account[] } | null;
  clients?: ReadonlyArray<{ id: string; name: string; granted: Granted; accounts: readonly Account[] }>;
}): MockLink.MockedResponse {
  return anyVariables(SecurityBusinessesDocument, () => ({
    me: {
      __typename: 'Viewer',
      id: 'user-1',
      activeBusiness: options.own
        ? business(
            northernLights.id,
            northernLights.name,
            options.own.granted,
            options.own.accounts ?? [rmAccount],
          )
        : null,
      actingFor: (options.clients ?? []).map((c) => business(c.id, c.name, c.granted, c.accounts)),
    },
  }));
}
