import { GcdsLink } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { OfficerQueue } from '../../../components/lists/officer-queue';
import { useOfficerClaimQueueQuery } from '../../../generated/graphql';
import { appendConnectionPage } from '../../../lib/connections';
import { useLanguage } from '../../../lib/use-language';
import { formatDate, formatMoney } from './claims-parts';

/** The officer's queue: submitted, undecided claims, oldest submitted first (keyset pages). */
export function OfficerClaimsQueuePage() {
  const { t } = useTranslation('claims');
  const language = useLanguage();
  const result = useOfficerClaimQueueQuery({
    variables: { first: 25 },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <OfficerQueue
      namespace="claims"
      result={result}
      queue={result.data?.officerClaimQueue}
      columns={[
        {
          header: t('list.columns.caseNumber'),
          cell: (node) => (
            <GcdsLink href={`/${language}/officer/claims/${node.id}`}>{node.caseNumber}</GcdsLink>
          ),
        },
        { header: t('list.columns.type'), cell: (node) => t(`types.${node.type}`) },
        { header: t('list.columns.account'), cell: (node) => node.programAccount.accountNumber },
        { header: t('list.columns.claimed'), cell: (node) => formatMoney(node.claimedCents, language) },
        { header: t('list.columns.status'), cell: (node) => t(`statuses.${node.status}`) },
        {
          header: t('officer.submittedAt'),
          cell: (node) => (node.submittedAt ? formatDate(node.submittedAt, language) : ''),
        },
      ]}
      more={(after) =>
        result.fetchMore({ variables: { after }, updateQuery: appendConnectionPage('officerClaimQueue') })
      }
    />
  );
}
