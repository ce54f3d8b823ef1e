import {
  type RequestEmployerAccessInput,
  useOnboardingRequestAccessMutation,
} from '../../../generated/graphql';

/** Asks an employer's Business Account Manager for access; the payload's access request says it was sent. */
export function useRequestEmployerAccess() {
  const [request, { loading }] = useOnboardingRequestAccessMutation();
  const send = async (input: RequestEmployerAccessInput) =>
    (await request({ variables: { input } })).data?.requestEmployerAccess;
  return { requestEmployerAccess: send, loading };
}
