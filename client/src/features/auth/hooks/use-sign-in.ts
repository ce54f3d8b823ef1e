import { type SignInInput, useSignInMutation } from '../../../generated/graphql';

/** Signs in with a GCKey username and password; the payload's `viewer` says it was done. */
export function useSignIn() {
  const [signIn, { loading }] = useSignInMutation();
  const send = async (input: SignInInput) => (await signIn({ variables: { input } })).data?.signIn;
  return { signIn: send, loading };
}
