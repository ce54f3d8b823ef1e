import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../../components/forms/fields';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type ClaimStatus, useClaimsBusinessesQuery, useClaimsListQuery } from '../../../generated/graphql';
import { appendBusinessPage, ShowMoreButton } from '../../../components/layout/show-more';
import { useLanguage } from '../../../lib/use-language';
import { claimBusinesses, ClaimIndicatorsPanel, formatDate, formatMoney } from './claims-parts';

export const claimStatuses: ClaimStatus[] = [
  'IN_PROGRESS',
  'SUBMITTED',
  'UNDER_REVIEW',
  'INFORMATION_REQUESTED',
  'APPROVED',
  'PARTIALLY_APPROVED',
  'REJECTED',
  'WITHDRAWN',
];

/** Seed 000 "les demandes de paiement (en cours, présentées, approuvées, etc.)": a business's claims. */
export function ClaimsPage() {
  const { t } = useTranslation('claims');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  useDocumentTitle(tc('documentTitle', { page: t('list.title') }));
  const [params, setParams] = useSearchParams();
  const { data, loading, error } = useClaimsBusinessesQuery({ fetchPolicy: 'cache-and-network' });
  const businesses = claimBusinesses(data);
  const businessId = params.get('business') ?? businesses[0]?.id ?? '';
  const business = businesses.find((b) => b.id === businessId);
  const status = (claimStatuses as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as ClaimStatus)
    : null;
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

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
          onChange={(value) => setParam('business', value)}
        />
      ) : null}
      {business ? (
        <>
          {business.edit ? (
            <div className="button-group">
              <GcdsButton type="link" href={`/${language}/claims/new?business=${business.id}`}>
                {t('list.file')}
              </GcdsButton>
            </div>
          ) : null}
          <SelectField
            name="status"
            label={t('list.status')}
            placeholder={t('list.allStatuses')}
            value={status ?? ''}
            options={claimStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            onChange={(value) => setParam('status', value)}
          />
          {/* One list per business and status (decision 0019). */}
          <ClaimsTable key={`${business.id}:${status ?? ''}`} businessId={business.id} status={status} />
        </>
      ) : null}
    </>
  );
}

function ClaimsTable({ businessId, status }: { businessId: string; status: ClaimStatus | null }) {
  const { t } = useTranslation('claims');
  const language = useLanguage();
  const { data, loading, error, fetchMore } = useClaimsListQuery({
    variables: { businessId, status, first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const business = data?.business;
  const claims = business?.claims;
  if (!data && loading) return <PageLoading />;
  if (!claims) return error ? <PageLoadError /> : null;
  return (
    <>
      {business.claimIndicators ? (
        <ClaimIndicatorsPanel indicators={business.claimIndicators} language={language} />
      ) : null}
      {claims.totalCount === 0 ? (
        <GcdsText>{t('list.empty')}</GcdsText>
      ) : (
        <table className="data-table">
          <caption>{t('list.caption', { count: claims.totalCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.columns.caseNumber')}</th>
              <th scope="col">{t('list.columns.type')}</th>
              <th scope="col">{t('list.columns.account')}</th>
              <th scope="col">{t('list.columns.transaction')}</th>
              <th scope="col">{t('list.columns.claimed')}</th>
              <th scope="col">{t('list.columns.status')}</th>
              <th scope="col">{t('list.columns.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {claims.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <GcdsLink href={`/${language}/claims/${node.id}`}>{node.caseNumber}</GcdsLink>
                </td>
                <td>{t(`types.${node.type}`)}</td>
                <td>{node.programAccount.accountNumber}</td>
                <td>{node.transaction.transactionNumber}</td>
                <td>{formatMoney(node.claimedCents, language)}</td>
                <td>{t(`statuses.${node.status}`)}</td>
                <td>{formatDate(node.createdAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {claims.pageInfo.hasNextPage ? (
        <ShowMoreButton
          label={t('list.more')}
          more={() =>
            fetchMore({
              variables: { after: claims.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) =>
                appendBusinessPage('claims', previous, fetchMoreResult),
            })
          }
        />
      ) : null}
    </>
  );
}
