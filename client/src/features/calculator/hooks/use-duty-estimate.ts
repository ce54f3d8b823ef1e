import { useApolloClient } from '@apollo/client/react';
import { DutyEstimateDocument, type DutyEstimateInput } from '../../../generated/graphql';

/** Asks the server for an estimate, afresh each time (the answer carries `userErrors` like a mutation's). */
export function useDutyEstimate() {
  const client = useApolloClient();
  return async (input: DutyEstimateInput) =>
    (await client.query({ query: DutyEstimateDocument, variables: { input }, fetchPolicy: 'network-only' }))
      .data?.dutyEstimate;
}
