import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SelectField } from '../../../components/forms/fields';
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
import { threadCategories, threadStatuses } from './messaging-parts';
import { ReplyForm, ThreadView } from './thread-view';

const PAGE_SIZE = 20;

/** The officer inbox: every business's threads by status and category, oldest waiting first. */
export function OfficerInboxPage() {
  const { t } = useTranslation('messaging');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('inbox.title') }));
  const language = useLanguage();
  const [status, setStatus] = useState<ThreadStatus | ''>('');
  const [category, setCategory] = useState('');
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const { data, loading, error } = useOfficerInboxQuery({
    variables: {
      first: PAGE_SIZE,
      after: cursors.at(-1) ?? null,
      statuses: status ? [status] : null,
      category: (category || null) as ThreadCategory | null,
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.officerInbox;
  const threads = nodes(connection);

  return (
    <>
      <GcdsHeading tag="h1">{t('inbox.title')}</GcdsHeading>
      <GcdsText>{t('inbox.intro')}</GcdsText>
      <SelectField
        name="status"
        label={t('list.status')}
        value={status}
        options={[
          { value: '', label: t('inbox.agencyTurn') },
          ...threadStatuses.map((value) => ({ value, label: t(`statuses.${value}`) })),
        ]}
        onChange={(value) => {
          setStatus(value as ThreadStatus | '');
          setCursors([null]);
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
          <caption className="visually-hidden">{t('inbox.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inbox.waitingSince')}</th>
              <th scope="col">{t('list.subject')}</th>
              <th scope="col">{t('thread.business')}</th>
              <th scope="col">{t('list.statusColumn')}</th>
              <th scope="col">{t('inbox.assigned')}</th>
            </tr>
          </thead>
          <tbody>
            {threads.map((thread) => (
              <tr key={thread.id}>
                <td>{formatDateTime(thread.waitingSince, language)}</td>
                <td>
                  <GcdsLink href={`/${language}/officer/messages/${thread.id}`}>{thread.subject}</GcdsLink> (
                  {thread.referenceNumber})
                </td>
                <td>
                  {thread.business.name} ({thread.business.businessNumber})
                </td>
                <td>{t(`statuses.${thread.status}`)}</td>
                <td>
                  {thread.assignedToMe
                    ? t('inbox.me')
                    : thread.assigned
                      ? t('inbox.other')
                      : t('inbox.nobody')}
                </td>
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
