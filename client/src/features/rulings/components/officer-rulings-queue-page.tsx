import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { ShowMoreButton } from '../../../components/layout/show-more';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useOfficerRulingQueueQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { formatDate } from './rulings-parts';

/** The officers' queue: ruling requests awaiting the agency, oldest requested first (keyset pages). */
export function OfficerRulingsQueuePage() {
  const { t } = useTranslation('rulings');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  useDocumentTitle(tc('documentTitle', { page: t('officer.queueTitle') }));
  const { data, loading, error, fetchMore } = useOfficerRulingQueueQuery({
    variables: { first: 25 },
    fetchPolicy: 'cache-and-network',
  });
  const queue = data?.officerRulingQueue;
  return (
    <>
      <GcdsHeading tag="h1">{t('officer.queueTitle')}</GcdsHeading>
      <GcdsText>{t('officer.queueIntro')}</GcdsText>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {queue && queue.totalCount === 0 ? <GcdsText>{t('officer.empty')}</GcdsText> : null}
      {queue && queue.totalCount > 0 ? (
        <table className="data-table">
          <caption>{t('officer.caption', { count: queue.totalCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.columns.caseNumber')}</th>
              <th scope="col">{t('list.columns.type')}</th>
              <th scope="col">{t('list.columns.account')}</th>
              <th scope="col">{t('list.columns.status')}</th>
              <th scope="col">{t('list.columns.requestedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <GcdsLink href={`/${language}/officer/rulings/${node.id}`}>{node.caseNumber}</GcdsLink>
                </td>
                <td>{t(`types.${node.type}`)}</td>
                <td>{node.programAccount.accountNumber}</td>
                <td>{t(`statuses.${node.status}`)}</td>
                <td>{formatDate(node.requestedAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {queue?.pageInfo.hasNextPage ? (
        <ShowMoreButton
          label={t('officer.more')}
          more={() =>
            fetchMore({
              variables: { after: queue.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                officerRulingQueue: {
                  ...fetchMoreResult.officerRulingQueue,
                  edges: [...previous.officerRulingQueue.edges, ...fetchMoreResult.officerRulingQueue.edges],
                },
              }),
            })
          }
        />
      ) : null}
    </>
  );
}
