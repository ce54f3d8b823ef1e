import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { SelectField } from '../../../components/forms/fields';
import { useKeysetCursors } from '../../../components/lists/keyset-table';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type ThreadCategory,
  type ThreadStatus,
  useAssignMessageThreadMutation,
  useMessageThreadQuery,
  useOfficerInboxQuery,
  useOfficerReplyMutation,
  useSetMessageThreadClosedMutation,
} from '../../../generated/graphql';
import { nodes } from '../../../lib/connections';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { MessagingTable, StatusFilter, threadCategories } from './messaging-parts';
import { ReplyForm, ThreadView } from './thread-view';

const PAGE_SIZE = 20;

/** The officer inbox: every business's threads by status and category, oldest waiting first. */
export function OfficerInboxPage() {
  const { t } = useTranslation('messaging');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('inbox.title') }));
  const language = useLanguage();
  // One business's threads when the officer came from its page (`?business=`): every status by default.
  const [search] = useSearchParams();
  const businessId = search.get('business');
  const [status, setStatus] = useState<ThreadStatus | ''>('');
  const [category, setCategory] = useState('');
  const cursors = useKeysetCursors();
  const { data, loading, error } = useOfficerInboxQuery({
    variables: {
      first: PAGE_SIZE,
      after: cursors.after,
      statuses: status ? [status] : null,
      category: (category || null) as ThreadCategory | null,
      businessId,
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.officerInbox;
  const threads = nodes(connection);
  const business = businessId ? threads[0]?.business : undefined;

  return (
    <>
      <GcdsHeading tag="h1">{t('inbox.title')}</GcdsHeading>
      <GcdsText>{t('inbox.intro')}</GcdsText>
      {businessId ? (
        <GcdsText>
          {business ? t('inbox.ofBusiness', { name: business.name, bn: business.businessNumber }) : null}{' '}
          <GcdsLink href={`/${language}/officer/messages`}>{t('inbox.allBusinesses')}</GcdsLink>
        </GcdsText>
      ) : null}
      <StatusFilter
        value={status}
        anyLabel={businessId ? t('list.anyStatus') : t('inbox.agencyTurn')}
        onChange={(value) => {
          setStatus(value);
          cursors.reset();
        }}
      />
      <SelectField
        name="category"
        label={t('new.category')}
        value={category}
        options={[
          { value: '', label: t('inbox.anyCategory') },
          ...threadCategories.map((value) => ({ value, label: t(`categories.${value}`) })),
        ]}
        onChange={(value) => {
          setCategory(value);
          cursors.reset();
        }}
      />
      <MessagingTable
        connection={connection}
        rows={threads}
        loading={loading}
        error={error}
        caption={t('inbox.caption')}
        cursors={cursors}
        columns={[
          {
            header: t('inbox.waitingSince'),
            cell: (thread) => formatDateTime(thread.waitingSince, language),
          },
          {
            header: t('list.subject'),
            cell: (thread) => (
              <>
                <GcdsLink href={`/${language}/officer/messages/${thread.id}`}>{thread.subject}</GcdsLink> (
                {thread.referenceNumber})
              </>
            ),
          },
          {
            header: t('thread.business'),
            cell: (thread) => `${thread.business.name} (${thread.business.businessNumber})`,
          },
          { header: t('list.statusColumn'), cell: (thread) => t(`statuses.${thread.status}`) },
          {
            header: t('inbox.assigned'),
            cell: (thread) =>
              thread.assignedToMe ? t('inbox.me') : thread.assigned ? t('inbox.other') : t('inbox.nobody'),
          },
        ]}
      />
    </>
  );
}

/** A thread in the officer console: take it, reply as "Agency officer", close or reopen it. */
export function OfficerThreadPage() {
  const { t } = useTranslation('messaging');
  const { t: tc } = useTranslation('common');
  const { threadId = '' } = useParams();
  const language = useLanguage();
  const { data, loading, error, refetch } = useMessageThreadQuery({
    variables: { id: threadId },
    fetchPolicy: 'cache-and-network',
  });
  const [reply] = useOfficerReplyMutation();
  const [assign] = useAssignMessageThreadMutation();
  const [setClosed] = useSetMessageThreadClosedMutation();
  const [outcome, setOutcome] = useState('');
  const thread = data?.messageThread;
  useDocumentTitle(tc('documentTitle', { page: thread?.subject ?? t('thread.title') }));

  return (
    <>
      <GcdsHeading tag="h1">{thread?.subject ?? t('thread.title')}</GcdsHeading>
      <GcdsText>
        <GcdsLink href={`/${language}/officer/messages`}>{t('inbox.back')}</GcdsLink>
      </GcdsText>
      {loading && !data ? <PageLoading /> : null}
      {error && !thread ? <PageLoadError /> : null}
      {outcome ? <GcdsText role="status">{outcome}</GcdsText> : null}
      {thread ? (
        <>
          <div className="button-group">
            {!thread.assignedToMe ? (
              <GcdsButton
                type="button"
                buttonRole="secondary"
                onClick={() =>
                  void assign({ variables: { threadId, take: true } }).then(() =>
                    setOutcome(t('inbox.taken')),
                  )
                }
              >
                {t('inbox.take')}
              </GcdsButton>
            ) : null}
            <GcdsButton
              type="button"
              buttonRole="secondary"
              onClick={() =>
                void setClosed({ variables: { threadId, closed: thread.status !== 'CLOSED' } }).then(() =>
                  setOutcome(thread.status === 'CLOSED' ? t('inbox.reopened') : t('inbox.closed')),
                )
              }
            >
              {thread.status === 'CLOSED' ? t('inbox.reopen') : t('inbox.close')}
            </GcdsButton>
          </div>
          <ThreadView thread={thread} />
          {thread.status === 'CLOSED' ? null : (
            <ReplyForm
              businessId={thread.business.id}
              threadId={thread.id}
              send={async (input) => (await reply({ variables: { input } })).data?.officerReply}
              onSent={async () => {
                await refetch();
              }}
            />
          )}
        </>
      ) : null}
    </>
  );
}
