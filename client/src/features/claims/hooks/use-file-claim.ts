import { type FileClaimInput, useFileClaimMutation } from '../../../generated/graphql';

/** Files a claim against a transaction; the page goes to the new claim, which asks it itself. */
export function useFileClaim() {
  const [fileClaim, { loading }] = useFileClaimMutation();
  const send = async (input: FileClaimInput) => (await fileClaim({ variables: { input } })).data?.fileClaim;
  return { fileClaim: send, loading };
}
