import { type ClaimIndicatorsFieldsFragment } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { ClaimIndicatorsPanel } from './claims-parts';

/**
 * The home page's claims and repayments indicators (issue 16): of the active business, over the program
 * accounts the viewer may see requests of (the server answers by scope). The app loads them with the account
 * indicators in one query (app/routes/home-indicators.tsx). Each figure links to the list behind it.
 */
export function ClaimsHomeIndicators({
  businessId,
  indicators,
}: {
  businessId: string;
  indicators: ClaimIndicatorsFieldsFragment;
}) {
  const language = useLanguage();
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
