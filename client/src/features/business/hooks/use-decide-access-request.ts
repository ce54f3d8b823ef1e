import { type DecideAccessRequestInput, useDecideAccessRequestMutation } from '../../../generated/graphql';

/** Approves or rejects an access request (the page's own list refreshes from the payload's objects). */
export function useDecideAccessRequest() {
  const [decide, { loading }] = useDecideAccessRequestMutation();
  const send = async (input: DecideAccessRequestInput) =>
    (await decide({ variables: { input } })).data?.decideAccessRequest;
  return { decide: send, loading };
}
