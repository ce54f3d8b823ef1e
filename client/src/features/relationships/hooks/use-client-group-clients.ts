import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { ClientGroupClientsDocument } from '../../../generated/graphql';
import { nodes } from '../../../lib/connections';

type Client = { id: string; businessNumber: string; name: string };

/** A group's clients read past its first page, with where the last page read ends. */
export interface MoreClients {
  clients: Client[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount: number;
}

/**
 * The next pages of one group's clients (100 at a time, `Business.clientGroup(id)`, decision 0035), by
 * group id, for its "Show more clients": the page's query reads only each group's first 100. `reset`
 * forgets them once the groups are asked again (a client added or removed moves the pages).
 */
export function useClientGroupClients(businessId: string) {
  const apollo = useApolloClient();
  const [more, setMore] = useState<Record<string, MoreClients>>({});
  const showMore = async (groupId: string, after: string) => {
    const { data } = await apollo.query({
      query: ClientGroupClientsDocument,
      variables: { businessId, groupId, after },
      fetchPolicy: 'network-only',
    });
    const page = data?.business?.clientGroup?.clientsConnection;
    if (!page) throw new Error('The group is gone');
    setMore((all) => ({
      ...all,
      [groupId]: {
        clients: [...(all[groupId]?.clients ?? []), ...nodes(page)],
        pageInfo: page.pageInfo,
        totalCount: page.totalCount,
      },
    }));
  };
  return { more, showMore, reset: () => setMore({}) };
}
