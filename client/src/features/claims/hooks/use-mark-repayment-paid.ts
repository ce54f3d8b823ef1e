import { type MarkRepaymentPaidInput, useMarkRepaymentPaidMutation } from '../../../generated/graphql';

/** An officer records a claim's repayment as paid; the officer's claim page asks the claim again. */
export function useMarkRepaymentPaid() {
  const [markPaid, { loading }] = useMarkRepaymentPaidMutation();
  const send = async (input: MarkRepaymentPaidInput) =>
    (await markPaid({ variables: { input } })).data?.markRepaymentPaid;
  return { markRepaymentPaid: send, loading };
}
