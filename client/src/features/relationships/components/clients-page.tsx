import { GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useClientsActingForQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { RelationshipsNav } from './relationship-parts';
import { nodes } from '../../../lib/connections';

/**
 * A service provider's employee picks the client they act for (seed 003 §3.2): the clients of an
 * accepted relationship they are assigned to (all of them for the provider's business account
 * manager).
 */
export function ClientsPage() {
  const { t } = useTranslation('relationships');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  useDocumentTitle(tc('documentTitle', { page: t('clients.title') }));
  const { data, loading, error } = useClientsActingForQuery({ fetchPolicy: 'cache-and-network' });
  const clients = data?.me ? nodes(data.me.actingForConnection) : undefined;

  return (
    <>
      <GcdsHeading tag="h1">{t('clients.title')}</GcdsHeading>
      <RelationshipsNav current="clients" />
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {clients && clients.length === 0 ? (
        <GcdsNotice type="info" noticeTitleTag="h2" noticeTitle={t('clients.empty.title')}>
          <GcdsText>{t('clients.empty.body')}</GcdsText>
        </GcdsNotice>
      ) : null}
      {clients && clients.length > 0 ? (
        <>
          <GcdsText>{t('clients.lead')}</GcdsText>
          <table className="data-table">
            <caption>{t('clients.caption', { count: clients.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.client')}</th>
                <th scope="col">{t('columns.businessNumber')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((client) => (
                <tr key={client.id}>
                  <th scope="row">
                    <GcdsLink href={`/${language}/clients/${client.id}`}>
                      {client.name ?? client.businessNumber ?? client.id}
                    </GcdsLink>
                  </th>
                  <td>{client.businessNumber ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
