import { WelcomePage } from '../../features/account/components/welcome-page';
import { FinanceHomeLinks } from '../../features/finance/components/finance-home-links';
import { RecentTransactions } from '../../features/finance/components/recent-transactions';
import { HomeIndicators } from './home-indicators';

/**
 * The welcome page with the finance feature's links and recent transactions and the claims and finance
 * features' indicators (one query, home-indicators.tsx): the app composes features.
 */
export function WelcomeRoute() {
  return (
    <WelcomePage
      moreLinks={<FinanceHomeLinks />}
      recentActivity={
        <>
          <HomeIndicators />
          <RecentTransactions />
        </>
      }
    />
  );
}
