import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type AccessArea,
  useClientsAccessQuery,
  useClientsProfileQuery,
  useClientsProgramAccountQuery,
  useClientsProgramListQuery,
} from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { codeLabel } from '../../../components/business/business-labels';
import { AddressList, ContactsTable, Facts } from '../../../components/business/business-parts';
import { RelationshipsNav, allows } from './relationship-parts';
import { nodes } from '../../../lib/connections';

/** The areas a client page could show, in the access table's order. */
const shownAreas: readonly AccessArea[] = ['BUSINESS_PROFILE', 'PROGRAM_LIST', 'PROGRAM_PROFILE'];
/** Areas the client's page leads to (ClientActions), each on its own page of the portal. */
const linkedAreas: readonly AccessArea[] = ['REQUESTS_AND_TRANSACTIONS', 'FINANCIAL_SECURITY'];
/** Areas the relationship may allow that have no page for a client in the portal yet. */
const laterAreas: readonly AccessArea[] = ['PAD', 'COLLECTIONS_NOTICES'];

/**
 * What a service provider's employee may see of one client: asks for the viewer's access first,
 * then only for the parts it allows, so that a denied part is simply not offered (no error).
 */
export function ClientPage() {
  const { t } = useTranslation('relationships');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { businessId = '' } = useParams();
  const { data, loading, error } = useClientsAccessQuery({
    variables: { businessId },
    fetchPolicy: 'cache-and-network',
  });
  const client = data?.business;
  const areas = client?.viewerAccess.areas;
  const title = client?.name ?? t('client.genericTitle');
  useDocumentTitle(tc('documentTitle', { page: title }));
  const seesProfile = allows(areas, 'BUSINESS_PROFILE', 'view');
  const seesList = allows(areas, 'PROGRAM_LIST', 'view');
  const seesAccounts = !seesList && allows(areas, 'PROGRAM_PROFILE', 'view');
  const denied = [
    ...shownAreas,
    ...linkedAreas,
    ...laterAreas,
    'ACCESS_MANAGEMENT' as const,
    'RELATIONSHIP_MANAGEMENT' as const,
  ]
    .filter((area) => !allows(areas, area, 'view'))
    .map((area) => t(`areas.${area}`));
  const later = laterAreas.filter((area) => allows(areas, area, 'view')).map((area) => t(`areas.${area}`));

  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      <RelationshipsNav />
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !client ? <GcdsText>{t('client.notFound')}</GcdsText> : null}
      {client ? (
        <>
          <Facts
            items={[
              [t('client.businessNumber'), client.businessNumber ?? ''],
              [t('client.name'), client.name ?? ''],
            ]}
          />
          {denied.length ? (
            <GcdsText>{t('client.notAvailable', { areas: denied.join(', ') })}</GcdsText>
          ) : null}
          {later.length ? <GcdsText>{t('client.comingSoon', { areas: later.join(', ') })}</GcdsText> : null}
          <ClientActions businessId={client.id} areas={areas} />
          {seesProfile ? <ClientProfile businessId={client.id} /> : null}
          {seesList ? <ClientProgramList businessId={client.id} /> : null}
          {seesAccounts ? (
            <>
              <GcdsHeading tag="h2">{t('client.accounts')}</GcdsHeading>
              {client.viewerAccess.programAccountIds.length === 0 ? (
                <GcdsText>{t('client.noAccount')}</GcdsText>
              ) : (
                client.viewerAccess.programAccountIds.map((accountId) => (
                  <ClientProgramAccount key={accountId} accountId={accountId} />
                ))
              )}
            </>
          ) : null}
        </>
      ) : null}
      <GcdsText>
        <GcdsLink href={`/${language}/clients`}>{t('client.back')}</GcdsLink>
      </GcdsText>
    </>
  );
}

/**
 * Everything the relationship allows beyond the profile, as links to the pages that do it for this client
 * (issue 14, defect 8): its transactions, statements and invoices, its rulings and their documents, its
 * financial security. Each link shows only when the access table allows the area; each page checks again.
 */
function ClientActions({ businessId, areas }: { businessId: string; areas: Parameters<typeof allows>[0] }) {
  const { t } = useTranslation('relationships');
  const language = useLanguage();
  const business = `business=${encodeURIComponent(businessId)}`;
  const links: Array<{ href: string; label: string }> = [];
  if (allows(areas, 'REQUESTS_AND_TRANSACTIONS', 'view')) {
    links.push({ href: `/${language}/finance?${business}`, label: t('client.actions.finance') });
    links.push({ href: `/${language}/rulings?${business}`, label: t('client.actions.rulings') });
  }
  if (allows(areas, 'REQUESTS_AND_TRANSACTIONS', 'edit')) {
    links.push({ href: `/${language}/rulings/new?${business}`, label: t('client.actions.requestRuling') });
    links.push({ href: `/${language}/documents/upload`, label: t('client.actions.upload') });
  }
  if (allows(areas, 'FINANCIAL_SECURITY', 'view'))
    links.push({ href: `/${language}/finance/security?${business}`, label: t('client.actions.security') });
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="client-actions">
      <GcdsHeading tag="h2" id="client-actions">
        {t('client.actions.title')}
      </GcdsHeading>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <GcdsLink href={link.href}>{link.label}</GcdsLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ClientProfile({ businessId }: { businessId: string }) {
  const { t } = useTranslation('relationships');
  const { t: tb } = useTranslation('business');
  const { data, loading, error } = useClientsProfileQuery({
    variables: { businessId },
    fetchPolicy: 'cache-and-network',
  });
  const profile = data?.business?.profile;
  return (
    <>
      <GcdsHeading tag="h2">{t('client.profile')}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {profile ? (
        <>
          <Facts
            items={[
              [t('client.legalName'), profile.legalName ?? ''],
              [t('client.operatingName'), profile.operatingName || tb('values.notApplicable')],
              [t('client.businessType'), codeLabel(tb, 'businessTypes', profile.businessType)],
            ]}
          />
          <GcdsHeading tag="h3">{t('client.addresses')}</GcdsHeading>
          <AddressList addresses={profile.addresses ?? []} headingTag="h4" empty={t('client.noAddress')} />
          <GcdsHeading tag="h3">{t('client.contacts')}</GcdsHeading>
          <ContactsTable contacts={profile.contacts ?? []} caption={t('client.contactsCaption')} />
        </>
      ) : null}
    </>
  );
}

function ClientProgramList({ businessId }: { businessId: string }) {
  const { t } = useTranslation('relationships');
  const { t: tb } = useTranslation('business');
  const { data, loading, error } = useClientsProgramListQuery({
    variables: { businessId },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.business?.programAccountsConnection;
  const accounts = connection ? nodes(connection) : undefined;
  return (
    <>
      <GcdsHeading tag="h2">{t('client.programList')}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {accounts && accounts.length === 0 ? <GcdsText>{t('client.noAccount')}</GcdsText> : null}
      {accounts && accounts.length > 0 ? (
        <table className="data-table">
          <caption>{t('client.programListCaption', { count: accounts.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('client.accountNumber')}</th>
              <th scope="col">{t('client.accountName')}</th>
              <th scope="col">{t('client.programType')}</th>
              <th scope="col">{t('client.billingType')}</th>
              <th scope="col">{t('client.status')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <th scope="row">{account.accountNumber}</th>
                <td>{account.name}</td>
                <td>{codeLabel(tb, 'programTypes', account.programType)}</td>
                <td>{codeLabel(tb, 'billingTypes', account.billingType)}</td>
                <td>{codeLabel(tb, 'accountStatuses', account.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/** One program account the relationship covers (program management): its profile. */
function ClientProgramAccount({ accountId }: { accountId: string }) {
  const { t } = useTranslation('relationships');
  const { t: tb } = useTranslation('business');
  const { data, loading, error } = useClientsProgramAccountQuery({
    variables: { accountId },
    fetchPolicy: 'cache-and-network',
  });
  const account = data?.programAccount;
  if (!data && loading) return <PageLoading />;
  if (!data && error) return <PageLoadError />;
  if (!account) return null;
  const number = account.accountNumber ?? '';
  return (
    <section aria-labelledby={`account-${account.id}`}>
      <GcdsHeading tag="h3" id={`account-${account.id}`}>
        {t('client.accountTitle', { accountNumber: number, name: account.name ?? '' })}
      </GcdsHeading>
      <Facts
        items={[
          [t('client.accountNumber'), number],
          [t('client.accountName'), account.name ?? ''],
          [t('client.programType'), codeLabel(tb, 'programTypes', account.programType)],
          [t('client.billingType'), codeLabel(tb, 'billingTypes', account.billingType)],
          [t('client.status'), codeLabel(tb, 'accountStatuses', account.status)],
        ]}
      />
      <GcdsHeading tag="h4">{t('client.addresses')}</GcdsHeading>
      <AddressList addresses={account.addresses ?? []} headingTag="h4" empty={t('client.noAddress')} />
      <GcdsHeading tag="h4">{t('client.contacts')}</GcdsHeading>
      <ContactsTable
        contacts={account.contacts ?? []}
        caption={t('client.accountContactsCaption', { accountNumber: number })}
      />
      <GcdsHeading tag="h4">{t('client.owners')}</GcdsHeading>
      {(account.owners ?? []).length === 0 ? (
        <GcdsText>{t('values.none')}</GcdsText>
      ) : (
        <table className="data-table">
          <caption>{t('client.ownersCaption', { accountNumber: number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('client.ownerName')}</th>
              <th scope="col">{t('client.ownerRole')}</th>
            </tr>
          </thead>
          <tbody>
            {(account.owners ?? []).map((owner, index) => (
              <tr key={`${owner.name}-${index}`}>
                <th scope="row">{owner.name}</th>
                <td>{codeLabel(tb, 'ownerRoles', owner.role)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <GcdsHeading tag="h4">{t('client.subPrograms')}</GcdsHeading>
      {(account.subPrograms ?? []).length === 0 ? (
        <GcdsText>{t('values.none')}</GcdsText>
      ) : (
        <table className="data-table">
          <caption>{t('client.subProgramsCaption', { accountNumber: number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('client.subProgramCode')}</th>
              <th scope="col">{t('client.subProgramName')}</th>
            </tr>
          </thead>
          <tbody>
            {(account.subPrograms ?? []).map((subProgram) => (
              <tr key={subProgram.code}>
                <th scope="row">{subProgram.code}</th>
                <td>{subProgram.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
