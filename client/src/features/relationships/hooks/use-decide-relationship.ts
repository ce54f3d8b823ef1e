import { type DecideRelationshipInput, useRelationshipsDecideMutation } from '../../../generated/graphql';
import { relationshipRefetch } from './relationship-queries';

/** Approves or rejects a relationship request; the lists and the relationship are asked again after it. */
export function useDecideRelationship() {
  const [decide, { loading }] = useRelationshipsDecideMutation(relationshipRefetch);
  const send = async (input: DecideRelationshipInput) =>
    (await decide({ variables: { input } })).data?.decideRelationship;
  return { decide: send, loading };
}
