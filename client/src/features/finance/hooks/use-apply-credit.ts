import { type ApplyCreditInput, useApplyCreditMutation } from '../../../generated/graphql';

/** Applies a credit to payable transactions; the transactions are refetched before it answers. */
export function useApplyCredit() {
  const [apply, { loading }] = useApplyCreditMutation({
    refetchQueries: ['FinanceTransactions'],
    awaitRefetchQueries: true,
  });
  const send = async (input: ApplyCreditInput) => (await apply({ variables: { input } })).data?.applyCredit;
  return { applyCredit: send, loading };
}
