import { type AnswerClaimInput, useAnswerClaimInformationMutation } from '../../../generated/graphql';

/** Answers the agency's request for information; the claim page asks the claim again once it is done. */
export function useAnswerClaimInformation() {
  const [answerClaim, { loading }] = useAnswerClaimInformationMutation();
  const send = async (input: AnswerClaimInput) =>
    (await answerClaim({ variables: { input } })).data?.answerClaimInformation;
  return { answerClaimInformation: send, loading };
}
