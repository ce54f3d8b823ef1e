import { WelcomePage } from '../../features/account/components/welcome-page';
import { ClaimsHomeIndicators } from '../../features/claims/components/claims-home-indicators';
import { AccountHomeIndicators } from '../../features/finance/components/account-indicators';
import { FinanceHomeLinks } from '../../features/finance/components/finance-home-links';
import { RecentTransactions } from '../../features/finance/components/recent-transactions';

/**
 * The welcome page with the finance feature's links and recent transactions and the claims feature's
 * indicators: the app composes features.
 */
export function WelcomeRoute() {
  return (
    <WelcomePage
      moreLinks={<FinanceHomeLinks />}
      recentActivity={
        <>
          <ClaimsHomeIndicators />
          <AccountHomeIndicators />
          <RecentTransactions />
        </>
      }
    />
  );
}
