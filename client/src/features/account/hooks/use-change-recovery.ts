import { type ChangeRecoveryInput, useChangeRecoveryMutation } from '../../../generated/graphql';

/** Changes the signed-in person's recovery questions; the payload's viewer says it was done. */
export function useChangeRecovery() {
  const [change, { loading }] = useChangeRecoveryMutation();
  const send = async (input: ChangeRecoveryInput) =>
    (await change({ variables: { input } })).data?.changeRecovery;
  return { changeRecovery: send, loading };
}
