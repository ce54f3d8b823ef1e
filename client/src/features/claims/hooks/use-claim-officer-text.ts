import {
  type ClaimOfficerTextInput,
  useRejectClaimMutation,
  useRequestClaimInformationMutation,
} from '../../../generated/graphql';

/**
 * The officer's two texts in both languages: a request for information, or a rejection and its reason.
 * The officer's claim page asks the claim again once it is done.
 */
export function useClaimOfficerText() {
  const [requestInformation, { loading: requesting }] = useRequestClaimInformationMutation();
  const [rejectClaim, { loading: rejecting }] = useRejectClaimMutation();
  const send = async (kind: 'request' | 'reject', input: ClaimOfficerTextInput) =>
    kind === 'request'
      ? (await requestInformation({ variables: { input } })).data?.requestClaimInformation
      : (await rejectClaim({ variables: { input } })).data?.rejectClaim;
  return { sendClaimOfficerText: send, loading: requesting || rejecting };
}
