import {
  type AssignEmployeeToClientInput,
  useClientGroupsAssignToClientMutation,
} from '../../../generated/graphql';
import { clientGroupQueries } from './client-group-queries';

/** Assigns one employee to one client (a direct assignment); the payload's `assignment` says it was done. */
export function useAssignEmployeeToClient() {
  const [assign, { loading }] = useClientGroupsAssignToClientMutation(clientGroupQueries);
  const send = async (input: AssignEmployeeToClientInput) =>
    (await assign({ variables: { input } })).data?.assignEmployeeToClient;
  return { assignEmployeeToClient: send, loading };
}
