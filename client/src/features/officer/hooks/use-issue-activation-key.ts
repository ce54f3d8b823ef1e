import {
  type IssueActivationKeyInput,
  useOfficerIssueActivationKeyMutation,
} from '../../../generated/graphql';
import { officerBusinessQueries } from './officer-business-queries';

/**
 * Issues an activation key for a registry business; the payload's `activationKey` is shown once. The key
 * exists nowhere else (the server keeps only its hash): it must not stay in Apollo's cache either.
 */
export function useIssueActivationKey() {
  const [issue, { loading }] = useOfficerIssueActivationKeyMutation({
    ...officerBusinessQueries,
    fetchPolicy: 'no-cache',
  });
  const send = async (input: IssueActivationKeyInput) =>
    (await issue({ variables: { input } })).data?.issueActivationKey;
  return { issueActivationKey: send, loading };
}
