import { type CreateClientGroupInput, useClientGroupsCreateMutation } from '../../../generated/graphql';
import { clientGroupQueries } from './client-group-queries';

/** Creates a client group; the payload's `group` says it was done. */
export function useCreateClientGroup() {
  const [create, { loading }] = useClientGroupsCreateMutation(clientGroupQueries);
  const send = async (input: CreateClientGroupInput) =>
    (await create({ variables: { input } })).data?.createClientGroup;
  return { createClientGroup: send, loading };
}
