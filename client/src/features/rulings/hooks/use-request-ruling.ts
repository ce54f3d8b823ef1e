import { type RequestRulingInput, useRequestRulingMutation } from '../../../generated/graphql';

/** Requests a ruling; the payload's ruling says it was done. */
export function useRequestRuling() {
  const [request, { loading }] = useRequestRulingMutation();
  const send = async (input: RequestRulingInput) =>
    (await request({ variables: { input } })).data?.requestRuling;
  return { requestRuling: send, loading };
}
