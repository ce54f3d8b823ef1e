import {
  type RequestRelationshipsInput,
  useRelationshipsRequestManyMutation,
} from '../../../generated/graphql';
import { relationshipQueries } from './relationship-queries';

/** A service provider asks several clients at once; each business number is answered on its own. */
export function useRequestRelationships() {
  const [requestMany, { loading }] = useRelationshipsRequestManyMutation({
    refetchQueries: relationshipQueries,
    awaitRefetchQueries: true,
  });
  const send = async (input: RequestRelationshipsInput) =>
    (await requestMany({ variables: { input } })).data?.requestRelationships;
  return { requestRelationships: send, loading };
}
