import { type RevokeCredentialInput, useRevokeCredentialMutation } from '../../../generated/graphql';

/** Revokes the signed-in person's credential; the payload's `signedOut` says it was done. */
export function useRevokeCredential() {
  const [revoke, { loading }] = useRevokeCredentialMutation();
  const send = async (input: RevokeCredentialInput) =>
    (await revoke({ variables: { input } })).data?.revokeCredential;
  return { revokeCredential: send, loading };
}
