import { ProgramAccountPage } from '../../features/business/components/program-account-page';
import { ProgramAccountIndicators } from '../../features/finance/components/account-indicators';
import { AccountFinanceLinks } from '../../features/finance/components/account-finance-links';

/** A program account's page with the finance feature's indicators and links for it: the app composes features. */
export function ProgramAccountRoute() {
  return (
    <ProgramAccountPage
      accountLinks={(accountId) => (
        <>
          <ProgramAccountIndicators accountId={accountId} />
          <AccountFinanceLinks accountId={accountId} />
        </>
      )}
    />
  );
}
