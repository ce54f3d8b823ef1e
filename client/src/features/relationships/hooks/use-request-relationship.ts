import { type RequestRelationshipInput, useRelationshipsRequestMutation } from '../../../generated/graphql';
import { relationshipRefetch } from './relationship-queries';

/** A service provider asks one client for a relationship; the lists are asked again before it answers. */
export function useRequestRelationship() {
  const [request, { loading }] = useRelationshipsRequestMutation(relationshipRefetch);
  const send = async (input: RequestRelationshipInput) =>
    (await request({ variables: { input } })).data?.requestRelationship;
  return { requestRelationship: send, loading };
}
