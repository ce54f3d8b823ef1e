import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useProgramAccountListQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { codeLabel } from '../../../components/business/business-labels';
import { NoActiveBusiness } from '../../../components/business/business-parts';
import { nodes } from '../../../lib/connections';

/** The program accounts of the active business the viewer may see, each linking to its profile. */
export function ProgramAccountListPage() {
  const { t } = useTranslation('business');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { data, loading, error } = useProgramAccountListQuery({ fetchPolicy: 'cache-and-network' });
  useDocumentTitle(tc('documentTitle', { page: t('programAccounts.title') }));
  const business = data?.me?.activeBusiness;
  const accounts = nodes(business?.programAccountsConnection);

  return (
    <>
      <GcdsHeading tag="h1">{t('programAccounts.title')}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !business ? <NoActiveBusiness /> : null}
      {business ? (
        <>
          <GcdsText>{t('programAccounts.lead', { business: business.name })}</GcdsText>
          {accounts.length === 0 ? (
            <GcdsText>{t('programAccounts.none')}</GcdsText>
          ) : (
            <table className="data-table">
              <caption>
                {t('programAccounts.caption', { business: business.name, count: accounts.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('programAccounts.columns.accountNumber')}</th>
                  <th scope="col">{t('programAccounts.columns.name')}</th>
                  <th scope="col">{t('programAccounts.columns.programType')}</th>
                  <th scope="col">{t('programAccounts.columns.billingType')}</th>
                  <th scope="col">{t('programAccounts.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id}>
                    <th scope="row">
                      <GcdsLink
                        href={`/${language}/business/program-accounts/${encodeURIComponent(account.id)}`}
                      >
                        {account.accountNumber}
                      </GcdsLink>
                    </th>
                    <td>{account.name}</td>
                    <td>{codeLabel(t, 'programTypes', account.programType)}</td>
                    <td>{codeLabel(t, 'billingTypes', account.billingType)}</td>
                    <td>{codeLabel(t, 'accountStatuses', account.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <GcdsText>
            <GcdsLink href={`/${language}/business`}>{t('programAccounts.backToBusiness')}</GcdsLink>
          </GcdsText>
        </>
      ) : null}
    </>
  );
}
