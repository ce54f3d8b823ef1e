import { useApiTokensRevokeMutation } from '../../../generated/graphql';
import { apiTokenQueries } from './api-token-queries';

/** Revokes an API token; its row shows it revoked once the list is asked again. */
export function useRevokeApiToken() {
  const [revoke, { loading }] = useApiTokensRevokeMutation(apiTokenQueries);
  const send = async (tokenId: string) => (await revoke({ variables: { tokenId } })).data?.revokeApiToken;
  return { revokeApiToken: send, loading };
}
