import { useWithdrawClaimMutation } from '../../../generated/graphql';

/** Withdraws an open claim; the claim page asks the claim again once it is done. */
export function useWithdrawClaim() {
  const [withdrawClaim, { loading }] = useWithdrawClaimMutation();
  const send = async (claimId: string) =>
    (await withdrawClaim({ variables: { claimId } })).data?.withdrawClaim;
  return { withdrawClaim: send, loading };
}
