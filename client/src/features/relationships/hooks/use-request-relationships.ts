import {
  type RequestRelationshipsInput,
  useRelationshipsRequestManyMutation,
} from '../../../generated/graphql';
import { relationshipRefetch } from './relationship-queries';

/** A service provider asks several clients at once; each business number is answered on its own. */
export function useRequestRelationships() {
  const [requestMany, { loading }] = useRelationshipsRequestManyMutation(relationshipRefetch);
  const send = async (input: RequestRelationshipsInput) =>
    (await requestMany({ variables: { input } })).data?.requestRelationships;
  return { requestRelationships: send, loading };
}
