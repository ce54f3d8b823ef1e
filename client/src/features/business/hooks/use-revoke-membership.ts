import { useRevokeMembershipMutation } from '../../../generated/graphql';

/** Revokes an employee's access to the business; the payload's `membership` says it was done. */
export function useRevokeMembership() {
  const [revoke, { loading }] = useRevokeMembershipMutation();
  const send = async (membershipId: string) =>
    (await revoke({ variables: { membershipId } })).data?.revokeMembership;
  return { revokeMembership: send, loading };
}
