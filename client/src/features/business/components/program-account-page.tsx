import { GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useProgramAccountProfileQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { codeLabel } from './business-labels';
import { AddressList, ContactsTable, Facts } from './business-parts';

/**
 * One program account's profile: general information, addresses, contacts, owners and sub-programs.
 * Read only: the API has no mutation for it yet, so the page only says whether the viewer's role
 * would allow editing it (viewerCanEdit).
 */
export function ProgramAccountPage() {
  const { t } = useTranslation('business');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { accountId } = useParams();
  // An account the caller may not see answers null with FORBIDDEN: the page says "not found" either way.
  const { data, loading, error } = useProgramAccountProfileQuery({
    variables: { id: accountId ?? '' },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const account = data?.programAccount;
  const title = account
    ? t('programAccount.title', { accountNumber: account.accountNumber ?? '' })
    : data
      ? t('programAccount.notFoundTitle')
      : t('programAccounts.title');
  useDocumentTitle(tc('documentTitle', { page: title }));

  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !account ? <GcdsText>{t('programAccount.notFound')}</GcdsText> : null}
      {account ? (
        <>
          <GcdsNotice
            type={account.viewerCanEdit ? 'info' : 'warning'}
            noticeTitleTag="h2"
            noticeTitle={t('programAccount.access')}
          >
            <GcdsText>
              {account.viewerCanEdit ? t('programAccount.canEdit') : t('programAccount.readOnly')}
            </GcdsText>
          </GcdsNotice>

          <GcdsHeading tag="h2">{t('programAccount.general')}</GcdsHeading>
          <Facts
            items={[
              [t('programAccount.accountNumber'), account.accountNumber ?? ''],
              [t('programAccount.name'), account.name ?? ''],
              [t('programAccount.programCode'), account.programCode ?? ''],
              [t('programAccount.programType'), codeLabel(t, 'programTypes', account.programType ?? '')],
              [t('programAccount.billingType'), codeLabel(t, 'billingTypes', account.billingType ?? '')],
              [t('programAccount.status'), codeLabel(t, 'accountStatuses', account.status ?? '')],
            ]}
          />

          <GcdsHeading tag="h2">{t('programAccount.addresses')}</GcdsHeading>
          <AddressList addresses={account.addresses ?? []} empty={t('programAccount.noAddress')} />

          <GcdsHeading tag="h2">{t('programAccount.contacts')}</GcdsHeading>
          <ContactsTable contacts={account.contacts ?? []} caption={t('programAccount.contacts')} />

          <GcdsHeading tag="h2">{t('programAccount.owners')}</GcdsHeading>
          {!account.owners?.length ? (
            <GcdsText>{t('programAccount.noOwner')}</GcdsText>
          ) : (
            <table className="data-table">
              <caption>
                {t('programAccount.ownersCaption', { accountNumber: account.accountNumber ?? '' })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('programAccount.ownerName')}</th>
                  <th scope="col">{t('programAccount.ownerRole')}</th>
                </tr>
              </thead>
              <tbody>
                {account.owners.map((owner, index) => (
                  <tr key={`${owner.name}-${index}`}>
                    <th scope="row">{owner.name}</th>
                    <td>{codeLabel(t, 'ownerRoles', owner.role)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <GcdsHeading tag="h2">{t('programAccount.subPrograms')}</GcdsHeading>
          {!account.subPrograms?.length ? (
            <GcdsText>{t('programAccount.noSubProgram')}</GcdsText>
          ) : (
            <table className="data-table">
              <caption>
                {t('programAccount.subProgramsCaption', { accountNumber: account.accountNumber ?? '' })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('programAccount.subProgramCode')}</th>
                  <th scope="col">{t('programAccount.subProgramName')}</th>
                </tr>
              </thead>
              <tbody>
                {account.subPrograms.map((subProgram) => (
                  <tr key={subProgram.code}>
                    <th scope="row">{subProgram.code}</th>
                    <td>{subProgram.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      {data ? (
        <GcdsText>
          <GcdsLink href={`/${language}/business/program-accounts`}>
            {t('programAccount.backToList')}
          </GcdsLink>
        </GcdsText>
      ) : null}
    </>
  );
}
