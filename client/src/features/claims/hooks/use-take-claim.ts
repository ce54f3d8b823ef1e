import { useTakeClaimMutation } from '../../../generated/graphql';

/** An officer takes a claim for review; the officer's claim page asks the claim again once it is done. */
export function useTakeClaim() {
  const [takeClaim, { loading }] = useTakeClaimMutation();
  const send = async (claimId: string) => (await takeClaim({ variables: { claimId } })).data?.takeClaim;
  return { takeClaim: send, loading };
}
