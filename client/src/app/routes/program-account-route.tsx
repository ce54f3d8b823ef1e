import { ProgramAccountPage } from '../../features/business/components/program-account-page';
import { AccountFinanceLinks } from '../../features/finance/components/account-finance-links';

/** A program account's page with the finance feature's links for it: the app composes features. */
export function ProgramAccountRoute() {
  return <ProgramAccountPage accountLinks={(accountId) => <AccountFinanceLinks accountId={accountId} />} />;
}
