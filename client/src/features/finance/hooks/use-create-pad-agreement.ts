import { type CreatePadAgreementInput, useCreatePadAgreementMutation } from '../../../generated/graphql';

/** Creates a pre-authorized debit agreement; the list of agreements is refetched before it answers. */
export function useCreatePadAgreement() {
  const [create, { loading }] = useCreatePadAgreementMutation({
    refetchQueries: ['PadAgreements'],
    awaitRefetchQueries: true,
  });
  const send = async (input: CreatePadAgreementInput) =>
    (await create({ variables: { input } })).data?.createPadAgreement;
  return { createPadAgreement: send, loading };
}
