import { type ApproveClaimInput, useApproveClaimMutation } from '../../../generated/graphql';

/** An officer approves a claim (all of it, or an amount with reasons); the page asks the claim again. */
export function useApproveClaim() {
  const [approveClaim, { loading }] = useApproveClaimMutation();
  const send = async (input: ApproveClaimInput) =>
    (await approveClaim({ variables: { input } })).data?.approveClaim;
  return { approveClaim: send, loading };
}
