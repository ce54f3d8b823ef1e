import { GcdsLink } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { OfficerQueue } from '../../../components/lists/officer-queue';
import { useOfficerRulingQueueQuery } from '../../../generated/graphql';
import { appendConnectionPage } from '../../../lib/connections';
import { useLanguage } from '../../../lib/use-language';
import { formatDate } from './rulings-parts';

/** The officers' queue: ruling requests awaiting the agency, oldest requested first (keyset pages). */
export function OfficerRulingsQueuePage() {
  const { t } = useTranslation('rulings');
  const language = useLanguage();
  const result = useOfficerRulingQueueQuery({
    variables: { first: 25 },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <OfficerQueue
      namespace="rulings"
      result={result}
      queue={result.data?.officerRulingQueue}
      columns={[
        {
          header: t('list.columns.caseNumber'),
          cell: (node) => (
            <GcdsLink href={`/${language}/officer/rulings/${node.id}`}>{node.caseNumber}</GcdsLink>
          ),
        },
        { header: t('list.columns.type'), cell: (node) => t(`types.${node.type}`) },
        { header: t('list.columns.account'), cell: (node) => node.programAccount.accountNumber },
        { header: t('list.columns.status'), cell: (node) => t(`statuses.${node.status}`) },
        { header: t('list.columns.requestedAt'), cell: (node) => formatDate(node.requestedAt, language) },
      ]}
      more={(after) =>
        result.fetchMore({ variables: { after }, updateQuery: appendConnectionPage('officerRulingQueue') })
      }
    />
  );
}
