import { type SubmitClaimInput, useSubmitClaimMutation } from '../../../generated/graphql';

/** Submits a draft claim with its attestation; the claim page asks the claim again once it is done. */
export function useSubmitClaim() {
  const [submitClaim, { loading }] = useSubmitClaimMutation();
  const send = async (input: SubmitClaimInput) =>
    (await submitClaim({ variables: { input } })).data?.submitClaim;
  return { submitClaim: send, loading };
}
