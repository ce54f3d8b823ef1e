import {
  type ResetForgottenPasswordInput,
  useResetForgottenPasswordMutation,
} from '../../../generated/graphql';

/** Resets a forgotten password from the recovery answers; a payload without user errors says it was done. */
export function useResetForgottenPassword() {
  const [reset, { loading }] = useResetForgottenPasswordMutation();
  const send = async (input: ResetForgottenPasswordInput) =>
    (await reset({ variables: { input } })).data?.resetForgottenPassword;
  return { resetForgottenPassword: send, loading };
}
