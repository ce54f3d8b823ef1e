import { type ChangePasswordInput, useChangePasswordMutation } from '../../../generated/graphql';

/** Changes the signed-in person's password; the payload's viewer says it was done. */
export function useChangePassword() {
  const [change, { loading }] = useChangePasswordMutation();
  const send = async (input: ChangePasswordInput) =>
    (await change({ variables: { input } })).data?.changePassword;
  return { changePassword: send, loading };
}
