import { AccountHomeIndicators } from '../../features/finance/components/account-indicators';
import { ClaimsHomeIndicators } from '../../features/claims/components/claims-home-indicators';
import { useHomeIndicatorsAccessQuery, useHomeIndicatorsQuery } from '../../generated/graphql';

/**
 * The home page's claims and account indicators (issue 16) of the active business, when the viewer may see
 * its requests and transactions: both in one query, each drawn by its feature.
 */
export function HomeIndicators() {
  const { data } = useHomeIndicatorsAccessQuery({ fetchPolicy: 'cache-and-network' });
  const business = data?.me?.activeBusiness;
  const view = business?.viewerAccess.areas.find((a) => a.area === 'REQUESTS_AND_TRANSACTIONS')?.view;
  if (!business || !view) return null;
  return <IndicatorsOf businessId={business.id} />;
}

function IndicatorsOf({ businessId }: { businessId: string }) {
  const { data } = useHomeIndicatorsQuery({
    variables: { businessId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const claims = data?.business?.claimIndicators;
  const account = data?.business?.accountIndicators;
  return (
    <>
      {claims ? <ClaimsHomeIndicators businessId={businessId} indicators={claims} /> : null}
      {account ? <AccountHomeIndicators indicators={account} /> : null}
    </>
  );
}
