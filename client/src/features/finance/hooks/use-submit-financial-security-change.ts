import {
  type SubmitFinancialSecurityChangeInput,
  useSubmitFinancialSecurityChangeMutation,
} from '../../../generated/graphql';

/** Submits a financial security change; the page's security shows the pending change once refetched. */
export function useSubmitFinancialSecurityChange() {
  const [submit, { loading }] = useSubmitFinancialSecurityChangeMutation({
    refetchQueries: ['FinancialSecurity'],
    awaitRefetchQueries: true,
  });
  const send = async (input: SubmitFinancialSecurityChangeInput) =>
    (await submit({ variables: { input } })).data?.submitFinancialSecurityChange;
  return { submitFinancialSecurityChange: send, loading };
}
