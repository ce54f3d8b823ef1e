import {
  type UnassignEmployeeFromClientInput,
  type UnassignEmployeeFromGroupInput,
  useClientGroupsUnassignFromClientMutation,
  useClientGroupsUnassignFromGroupMutation,
} from '../../../generated/graphql';
import { clientGroupQueries } from './client-group-queries';

/** Ends an employee's assignment to a group or to one client; the payload's `assignment` says it was done. */
export function useUnassignEmployee() {
  const [fromGroup] = useClientGroupsUnassignFromGroupMutation(clientGroupQueries);
  const [fromClient] = useClientGroupsUnassignFromClientMutation(clientGroupQueries);
  return {
    unassignFromGroup: async (input: UnassignEmployeeFromGroupInput) =>
      (await fromGroup({ variables: { input } })).data?.unassignEmployeeFromGroup,
    unassignFromClient: async (input: UnassignEmployeeFromClientInput) =>
      (await fromClient({ variables: { input } })).data?.unassignEmployeeFromClient,
  };
}
