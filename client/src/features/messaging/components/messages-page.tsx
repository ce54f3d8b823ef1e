import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeysetCursors } from '../../../components/lists/keyset-table';
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
import { MessagingTable, StatusFilter } from './messaging-parts';

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
  const cursors = useKeysetCursors();
  const after = cursors.after;
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
      <StatusFilter
        value={status}
        anyLabel={t('list.anyStatus')}
        onChange={(value) => {
          setStatus(value);
          cursors.reset();
        }}
      />
      <MessagingTable
        connection={connection}
        rows={threads}
        loading={loading}
        error={error}
        caption={t('list.caption')}
        cursors={cursors}
        columns={[
          {
            header: t('list.subject'),
            cell: (thread) => (
              <>
                <GcdsLink href={`/${language}/messages/${thread.id}`}>{thread.subject}</GcdsLink>
                {thread.unreadCount ? <> ({t('list.unread', { count: thread.unreadCount })})</> : null}
              </>
            ),
          },
          { header: t('list.reference'), cell: (thread) => thread.referenceNumber },
          { header: t('list.statusColumn'), cell: (thread) => t(`statuses.${thread.status}`) },
          { header: t('list.lastMessage'), cell: (thread) => formatDateTime(thread.lastMessageAt, language) },
        ]}
      />
    </>
  );
}
