import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useMarkNoticeReadMutation, useNoticeDetailQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';

/**
 * One notice (the target of the email links, /{lang}/notices/{id}): opening it marks it read, and the
 * bell asks its count again. "Previous" goes back to the list page it came from (same query string).
 */
export function NoticePage() {
  const { t } = useTranslation('notices');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { noticeId = '' } = useParams();
  const { search } = useLocation();
  const { data, loading, error } = useNoticeDetailQuery({
    variables: { id: noticeId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const notice = data?.notice;
  const [markRead] = useMarkNoticeReadMutation({ refetchQueries: ['UnreadNoticeCount'] });
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!notice || notice.read || marked.current === notice.id) return;
    marked.current = notice.id;
    void markRead({ variables: { id: notice.id } }).catch(() => undefined);
  }, [notice, markRead]);

  const title = notice?.subject ?? t('detail.title');
  useDocumentTitle(tc('documentTitle', { page: title }));

  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {data && !notice ? <GcdsText>{t('detail.notFound')}</GcdsText> : null}
      {!data && !loading && error ? <PageLoadError /> : null}
      {notice ? (
        <>
          {notice.urgent ? (
            <GcdsText>
              <strong>{t('detail.urgent')}</strong>
            </GcdsText>
          ) : null}
          <dl className="facts">
            <dt>{t('detail.subject')}</dt>
            <dd>{notice.subject}</dd>
            <dt>{t('detail.recipient')}</dt>
            <dd>{notice.recipient}</dd>
            {notice.accountNumber ? (
              <>
                <dt>{t('detail.account')}</dt>
                <dd>{notice.accountNumber}</dd>
              </>
            ) : null}
            <dt>{t('detail.type')}</dt>
            <dd>{notice.typeLabel}</dd>
            <dt>{t('detail.date')}</dt>
            <dd>{notice.displayDate}</dd>
          </dl>
          {(notice.body ?? '').split(/\n{2,}/).map((paragraph, index) => (
            <GcdsText key={index}>{paragraph}</GcdsText>
          ))}
          {notice.linkPath ? (
            <GcdsText>
              <GcdsLink href={`/${language}${notice.linkPath}`}>{t('detail.open')}</GcdsLink>
            </GcdsText>
          ) : null}
        </>
      ) : null}
      <GcdsText>
        <GcdsLink href={`/${language}/notices${search}`}>{t('detail.back')}</GcdsLink>
      </GcdsText>
    </>
  );
}
