import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/forms/fields';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type ThreadStatus,
  useMessageThreadsQuery,
  useMessagingBusinessQuery,
} from '../../../generated/graphql';
import { nodes } from '../../../lib/connections';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { threadStatuses } from './messaging-parts';

const PAGE_SIZE = 20;

/** Seed 000 "une messagerie protégée": the business's threads with the agency, most recent first. */
export function MessagesPage() {
  const { t } = useTranslation('messaging');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('list.title') }));
  const language = useLanguage();
  const business = useMessagingBusinessQuery();
  const active = business.data?.me?.activeBusiness;
  const mayWrite = active?.viewerAccess.areas.some((a) => a.area === 'MESSAGES' && a.edit) ?? false;

  return (
    <>
      <GcdsHeading tag="h1">{t('list.title')}</GcdsHeading>
      <GcdsText>{t('list.intro')}</GcdsText>
      {business.loading ? <PageLoading /> : null}
      {business.error ? <PageLoadError /> : null}
      {active ? (
        <>
          {mayWrite ? (
            <GcdsButton type="link" href={`/${language}/messages/new`}>
              {t('list.new')}
            </GcdsButton>
          ) : null}
          <ThreadList businessId={active.id} />
        </>
      ) : null}
    </>
  );
}

function ThreadList({ businessId }: { businessId: string }) {
  const { t } = useTranslation('messaging');
  const language = useLanguage();
  const [status, setStatus] = useState<ThreadStatus | ''>('');
  // The cursors of the pages before this one (keyset pages are walked, not numbered).
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors.at(-1) ?? null;
  const { data, loading, error } = useMessageThreadsQuery({
    variables: {
      businessId,
      first: PAGE_SIZE,
      after,
      statuses: status ? [status] : null,
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.business?.messageThreads;
  const threads = nodes(connection);

  return (
    <>
      <SelectField
        name="status"
        label={t('list.status')}
        value={status}
        options={[
          { value: '', label: t('list.anyStatus') },
          ...threadStatuses.map((value) => ({ value, label: t(`statuses.${value}`) })),
        ]}
        onChange={(value) => {
          setStatus(value as ThreadStatus | '');
          setCursors([null]);
        }}
      />
      {loading && !data ? <PageLoading /> : null}
      {error ? <PageLoadError /> : null}
      {connection ? (
        <GcdsText role="status">{t('list.count', { count: connection.totalCount })}</GcdsText>
      ) : null}
      {threads.length ? (
        <table className="messages-table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.subject')}</th>
              <th scope="col">{t('list.reference')}</th>
              <th scope="col">{t('list.statusColumn')}</th>
              <th scope="col">{t('list.lastMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {threads.map((thread) => (
              <tr key={thread.id}>
                <td>
                  <GcdsLink href={`/${language}/messages/${thread.id}`}>{thread.subject}</GcdsLink>
                  {thread.unreadCount ? <> ({t('list.unread', { count: thread.unreadCount })})</> : null}
                </td>
                <td>{thread.referenceNumber}</td>
                <td>{t(`statuses.${thread.status}`)}</td>
                <td>{formatDateTime(thread.lastMessageAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="button-group">
        {cursors.length > 1 ? (
          <GcdsButton type="button" buttonRole="secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('list.previous')}
          </GcdsButton>
        ) : null}
        {connection?.pageInfo.hasNextPage ? (
          <GcdsButton
            type="button"
            buttonRole="secondary"
            onClick={() => setCursors((c) => [...c, connection.pageInfo.endCursor ?? null])}
          >
            {t('list.next')}
          </GcdsButton>
        ) : null}
      </div>
    </>
  );
}
