import { type DemoPersona, useDemoSignInMutation } from '../../../generated/graphql';

/** Signs in as one of the demo's prepared people (only while the demo is on). */
export function useDemoSignIn() {
  const [signIn, { loading }] = useDemoSignInMutation();
  const send = async (persona: DemoPersona) => (await signIn({ variables: { persona } })).data?.demoSignIn;
  return { demoSignIn: send, loading };
}
