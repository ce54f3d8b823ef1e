import { type ChangeMembershipInput, useChangeMembershipMutation } from '../../../generated/graphql';

/** Changes an employee's role and program accounts (the page's own list refreshes from the payload's objects). */
export function useChangeMembership() {
  const [change, { loading }] = useChangeMembershipMutation();
  const send = async (input: ChangeMembershipInput) =>
    (await change({ variables: { input } })).data?.changeMembership;
  return { changeMembership: send, loading };
}
