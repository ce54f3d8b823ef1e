import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  useMarkMessageThreadReadMutation,
  useMessageThreadQuery,
  usePostMessageMutation,
} from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { ReplyForm, ThreadView } from './thread-view';

/** One thread: its messages, and the reply form unless it is closed; opening it marks it read. */
export function ThreadPage() {
  const { t } = useTranslation('messaging');
  const { t: tc } = useTranslation('common');
  const { threadId = '' } = useParams();
  const language = useLanguage();
  const { data, loading, error, refetch } = useMessageThreadQuery({
    variables: { id: threadId },
    fetchPolicy: 'cache-and-network',
  });
  const [markRead] = useMarkMessageThreadReadMutation();
  const [post] = usePostMessageMutation();
  const thread = data?.messageThread;
  useDocumentTitle(tc('documentTitle', { page: thread?.subject ?? t('thread.title') }));
  const unread = thread?.unreadCount ?? 0;
  useEffect(() => {
    if (unread > 0) void markRead({ variables: { threadId } }).catch(() => undefined);
  }, [unread, threadId, markRead]);

  return (
    <>
      <GcdsHeading tag="h1">{thread?.subject ?? t('thread.title')}</GcdsHeading>
      <GcdsText>
        <GcdsLink href={`/${language}/messages`}>{t('thread.back')}</GcdsLink>
      </GcdsText>
      {loading && !data ? <PageLoading /> : null}
      {error && !thread ? <PageLoadError /> : null}
      {thread ? (
        <>
          <ThreadView thread={thread} />
          {thread.status === 'CLOSED' ? (
            <GcdsText>{t('thread.closed')}</GcdsText>
          ) : (
            <ReplyForm
              businessId={thread.business.id}
              threadId={thread.id}
              send={async (input) => (await post({ variables: { input } })).data?.postMessage}
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
