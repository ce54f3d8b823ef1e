import { type DecideRulingInput, useDecideRulingMutation } from '../../../generated/graphql';

/** An officer decides a ruling request; the payload's ruling says it was done. */
export function useDecideRuling() {
  const [decide, { loading }] = useDecideRulingMutation();
  const send = async (input: DecideRulingInput) =>
    (await decide({ variables: { input } })).data?.decideRuling;
  return { decideRuling: send, loading };
}
