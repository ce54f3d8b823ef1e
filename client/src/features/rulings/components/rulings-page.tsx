import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../../components/forms/fields';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useRulingsBusinessesQuery, useRulingsListQuery } from '../../../generated/graphql';
import { appendBusinessPage, ShowMoreButton } from '../../../components/layout/show-more';
import { useLanguage } from '../../../lib/use-language';
import { formatDate, useRulingBusinesses } from './rulings-parts';

/** Seed 003 §2.2 "Décisions": the ruling requests of the business the viewer acts for (or a client). */
export function RulingsPage() {
  const { t } = useTranslation('rulings');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  useDocumentTitle(tc('documentTitle', { page: t('list.title') }));
  const [params, setParams] = useSearchParams();
  const { data, loading, error } = useRulingsBusinessesQuery({ fetchPolicy: 'cache-and-network' });
  const businesses = useRulingBusinesses(data, 'view');
  const businessId = params.get('business') ?? businesses[0]?.id ?? '';

  return (
    <>
      <GcdsHeading tag="h1">{t('list.title')}</GcdsHeading>
      <GcdsText>{t('list.intro')}</GcdsText>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && businesses.length === 0 ? <GcdsText>{t('list.noBusiness')}</GcdsText> : null}
      {businesses.length > 1 ? (
        <SelectField
          name="business"
          label={t('list.business')}
          placeholder=""
          value={businessId}
          options={businesses.map((b) => ({ value: b.id, label: b.name }))}
          onChange={(value) => setParams(value ? { business: value } : {})}
        />
      ) : null}
      {businessId ? (
        <>
          <div className="button-group">
            <GcdsButton type="link" href={`/${language}/rulings/new?business=${businessId}`}>
              {t('list.request')}
            </GcdsButton>
            <GcdsButton type="link" buttonRole="secondary" href={`/${language}/documents/upload`}>
              {t('list.upload')}
            </GcdsButton>
          </div>
          {/* One list per business (decision 0019): switching must not re-point the mounted one's query. */}
          <RulingsTable key={businessId} businessId={businessId} />
        </>
      ) : null}
    </>
  );
}

function RulingsTable({ businessId }: { businessId: string }) {
  const { t } = useTranslation('rulings');
  const language = useLanguage();
  const { data, loading, error, fetchMore } = useRulingsListQuery({
    variables: { businessId, first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const rulings = data?.business?.rulings;
  if (!data && loading) return <PageLoading />;
  if (!rulings) return error ? <PageLoadError /> : null;
  if (rulings.totalCount === 0) return <GcdsText>{t('list.empty')}</GcdsText>;
  return (
    <>
      <table className="data-table">
        <caption>{t('list.caption', { count: rulings.totalCount })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.columns.caseNumber')}</th>
            <th scope="col">{t('list.columns.type')}</th>
            <th scope="col">{t('list.columns.account')}</th>
            <th scope="col">{t('list.columns.requestedAt')}</th>
            <th scope="col">{t('list.columns.status')}</th>
            <th scope="col">{t('list.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rulings.edges.map(({ node }) => (
            <tr key={node.id}>
              <td>
                <GcdsLink href={`/${language}/rulings/${node.id}`}>{node.caseNumber}</GcdsLink>
              </td>
              <td>{t(`types.${node.type}`)}</td>
              <td>{node.programAccount.accountNumber}</td>
              <td>{formatDate(node.requestedAt, language)}</td>
              <td>{t(`statuses.${node.status}`)}</td>
              <td>
                <GcdsLink href={`/${language}/documents/upload?case=${node.caseNumber}`}>
                  {t('list.upload')}
                </GcdsLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rulings.pageInfo.hasNextPage ? (
        <ShowMoreButton
          label={t('list.more')}
          more={() =>
            fetchMore({
              variables: { after: rulings.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) =>
                appendBusinessPage('rulings', previous, fetchMoreResult),
            })
          }
        />
      ) : null}
    </>
  );
}
