import { type CreateApiTokenInput, useApiTokensCreateMutation } from '../../../generated/graphql';
import { apiTokenQueries } from './api-token-queries';

/** Creates an API token; the payload's `secret` is shown once and kept nowhere else. */
export function useCreateApiToken() {
  const [create, { loading }] = useApiTokensCreateMutation(apiTokenQueries);
  const send = async (input: CreateApiTokenInput) =>
    (await create({ variables: { input } })).data?.createApiToken;
  return { createApiToken: send, loading };
}
