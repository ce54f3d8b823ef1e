import { useOnboardingRedeemActivationKeyMutation } from '../../../generated/graphql';

/** Redeems an activation key; the payload's business says it was done. */
export function useRedeemActivationKey() {
  const [redeem, { loading }] = useOnboardingRedeemActivationKeyMutation();
  const send = async (key: string) => (await redeem({ variables: { key } })).data?.redeemActivationKey;
  return { redeemActivationKey: send, loading };
}
