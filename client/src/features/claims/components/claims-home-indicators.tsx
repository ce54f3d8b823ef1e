import { useClaimsHomeIndicatorsQuery, useClaimsHomeQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { ClaimIndicatorsPanel } from './claims-parts';

/**
 * The home page's claims and repayments indicators (issue 16): of the active business, over the program
 * accounts the viewer may see requests of (the server answers by scope); nothing without that access. Each
 * figure links to the list behind it.
 */
export function ClaimsHomeIndicators() {
  const { data } = useClaimsHomeQuery({ fetchPolicy: 'cache-and-network' });
  const business = data?.me?.activeBusiness;
  const view = business?.viewerAccess.areas.find((a) => a.area === 'REQUESTS_AND_TRANSACTIONS')?.view;
  if (!business || !view) return null;
  return <HomeIndicators businessId={business.id} />;
}

function HomeIndicators({ businessId }: { businessId: string }) {
  const language = useLanguage();
  const { data } = useClaimsHomeIndicatorsQuery({
    variables: { businessId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const indicators = data?.business?.claimIndicators;
  if (!indicators) return null;
  const claims = (status?: string) =>
    `/${language}/claims?business=${encodeURIComponent(businessId)}${status ? `&status=${status}` : ''}`;
  return (
    <ClaimIndicatorsPanel
      indicators={indicators}
      language={language}
      links={{
        inProgress: claims('IN_PROGRESS'),
        submitted: claims(),
        openClaimed: claims(),
        approved: claims('APPROVED'),
        // Repayments are listed per program account: the accounts page leads to each one's repayments.
        payable: `/${language}/business/program-accounts`,
        paid: `/${language}/business/program-accounts`,
        unpaid: `/${language}/business/program-accounts`,
      }}
    />
  );
}
