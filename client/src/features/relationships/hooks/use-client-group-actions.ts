import {
  type AssignEmployeeToGroupInput,
  type RenameClientGroupInput,
  useClientGroupsAddClientsMutation,
  useClientGroupsAssignToGroupMutation,
  useClientGroupsDeleteMutation,
  useClientGroupsRemoveClientsMutation,
  useClientGroupsRenameMutation,
} from '../../../generated/graphql';
import { type UserError } from '../../../lib/user-errors';
import { clientGroupQueries } from './client-group-queries';

/** What adding clients to a group (or removing them) did: the clients done, and why each other was not. */
export interface GroupClientsChange {
  done: string[];
  /** "Name: reason" for each client not done. */
  problems: string[];
  /** The payload's own errors or, when no client was done, the problems as one error. */
  userErrors: UserError[];
}

/** The actions on one group (rename, delete, add or remove clients, assign an employee). */
export function useClientGroupActions() {
  const [rename, renaming] = useClientGroupsRenameMutation(clientGroupQueries);
  const [remove, deleting] = useClientGroupsDeleteMutation(clientGroupQueries);
  const [addClients, adding] = useClientGroupsAddClientsMutation(clientGroupQueries);
  const [removeClients, removing] = useClientGroupsRemoveClientsMutation(clientGroupQueries);
  const [assign, assigning] = useClientGroupsAssignToGroupMutation(clientGroupQueries);
  const loading =
    renaming.loading || deleting.loading || adding.loading || removing.loading || assigning.loading;

  const changeClients = async (
    kind: 'add' | 'remove',
    variables: { groupId: string; clientBusinessIds: string[] },
    nameOf: (clientBusinessId: string) => string,
  ): Promise<GroupClientsChange | undefined> => {
    const payload =
      kind === 'add'
        ? (await addClients({ variables })).data?.addClientsToGroup
        : (await removeClients({ variables })).data?.removeClientsFromGroup;
    if (!payload) return undefined;
    const done = payload.results.filter((result) => result.done).map((result) => result.clientBusinessId);
    const problems = payload.results
      .filter((result) => !result.done)
      .map(
        (result) =>
          `${nameOf(result.clientBusinessId)}: ${result.userErrors.map((e) => e.message).join(' ')}`,
      );
    const userErrors: UserError[] =
      payload.userErrors.length || done.length
        ? [...payload.userErrors]
        : [{ field: [], code: 'NOTHING_DONE', message: problems.join(' ') }];
    return { done, problems, userErrors };
  };

  return {
    renameClientGroup: async (input: RenameClientGroupInput) =>
      (await rename({ variables: { input } })).data?.renameClientGroup,
    deleteClientGroup: async (groupId: string) =>
      (await remove({ variables: { groupId } })).data?.deleteClientGroup,
    changeGroupClients: changeClients,
    assignEmployeeToGroup: async (input: AssignEmployeeToGroupInput) =>
      (await assign({ variables: { input } })).data?.assignEmployeeToGroup,
    loading,
  };
}
