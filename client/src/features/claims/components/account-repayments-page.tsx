import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useAccountRepaymentsQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { ClaimIndicatorsPanel, formatDate, formatMoney } from './claims-parts';

/** Seed 000 "les remboursements (payables, payés, impayés, etc.)" and the indicators of one program account. */
export function AccountRepaymentsPage() {
  const { t } = useTranslation('claims');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { accountId = '' } = useParams();
  const { data, loading, error } = useAccountRepaymentsQuery({
    variables: { id: accountId },
    fetchPolicy: 'cache-and-network',
  });
  const account = data?.programAccount;
  const title = t('account.title', { account: account?.accountNumber ?? '' });
  useDocumentTitle(tc('documentTitle', { page: title }));
  const repayments = account?.repayments;
  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {account?.claimIndicators ? (
        <ClaimIndicatorsPanel indicators={account.claimIndicators} language={language} />
      ) : null}
      {repayments && repayments.totalCount === 0 ? <GcdsText>{t('account.empty')}</GcdsText> : null}
      {repayments && repayments.totalCount > 0 ? (
        <table className="data-table">
          <caption>{t('account.caption', { count: repayments.totalCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.columns.caseNumber')}</th>
              <th scope="col">{t('account.columns.amount')}</th>
              <th scope="col">{t('account.columns.status')}</th>
              <th scope="col">{t('account.columns.paidOn')}</th>
            </tr>
          </thead>
          <tbody>
            {repayments.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <GcdsLink href={`/${language}/claims/${node.claimId}`}>{node.caseNumber}</GcdsLink>
                </td>
                <td>{formatMoney(node.amountCents, language)}</td>
                <td>
                  {t(`repaymentStatuses.${node.status}`)}
                  {node.unpaidReason ? ` — ${node.unpaidReason}` : ''}
                </td>
                <td>{node.paidOn ? formatDate(node.paidOn, language) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <GcdsLink href={`/${language}/claims`}>{t('claim.back')}</GcdsLink>
    </>
  );
}
