import { useSwitchBusinessMutation } from '../../../generated/graphql';

/**
 * Chooses the business the session acts for; every query on screen is asked again (`active`) before the
 * switch answers, so the header and the page show the new business together.
 */
export function useSwitchBusiness() {
  const [switchBusiness, { loading }] = useSwitchBusinessMutation({
    refetchQueries: 'active',
    awaitRefetchQueries: true,
  });
  const send = async (businessId: string) =>
    (await switchBusiness({ variables: { businessId } })).data?.switchBusiness;
  return { switchBusiness: send, loading };
}
