import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useOfficerMailOutboxQuery, useOfficerRetryMailDeliveryMutation } from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { OfficerNav } from './officer-nav';

/** Dead letters a page. */
export const deadLettersPageSize = 20;

type Outcome = { kind: 'retried' | 'failed'; subject: string };

/**
 * For officers: the notice email outbox (how many emails wait, went out, or were given up), and its dead
 * letters, most recently failed first, a page at a time (keyset cursors), each with a Retry button that puts
 * it back in the queue once the cause (an address, the mail server) is fixed.
 */
export function MailDeadLettersPage() {
  const { t } = useTranslation('officer');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  useDocumentTitle(tc('documentTitle', { page: t('deadLetters.title') }));
  // The cursors of the pages before this one (null: the first page), so Previous goes back without offsets.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors.at(-1) ?? null;
  const { data, loading, error, refetch } = useOfficerMailOutboxQuery({
    variables: { first: deadLettersPageSize, after },
    fetchPolicy: 'cache-and-network',
  });
  const [retry] = useOfficerRetryMailDeliveryMutation();
  const [pending, setPending] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();

  const onRetry = async (id: string, subject: string) => {
    setPending(id);
    setOutcome(undefined);
    try {
      const { data: result } = await retry({ variables: { id } });
      setOutcome({ kind: result?.retryMailDelivery ? 'retried' : 'failed', subject });
      await refetch();
    } catch {
      setOutcome({ kind: 'failed', subject });
    } finally {
      setPending(undefined);
    }
  };

  const outbox = data?.noticeOutbox;
  const letters = data?.mailDeadLetters.edges.map((edge) => edge.node) ?? [];
  const pageInfo = data?.mailDeadLetters.pageInfo;
  const page = cursors.length;
  return (
    <>
      <OfficerNav current="deadLetters" />
      <GcdsHeading tag="h1">{t('deadLetters.title')}</GcdsHeading>
      <GcdsText>{t('deadLetters.lead')}</GcdsText>
      {/* Announced politely: the table under it changes at the same time. */}
      <div role="status">
        {outcome ? (
          <GcdsNotice
            type={outcome.kind === 'retried' ? 'success' : 'danger'}
            noticeTitleTag="h2"
            noticeTitle={t(`deadLetters.outcome.${outcome.kind}.title`, { subject: outcome.subject })}
          >
            <GcdsText>{t(`deadLetters.outcome.${outcome.kind}.body`)}</GcdsText>
          </GcdsNotice>
        ) : null}
      </div>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {outbox ? (
        <table className="data-table">
          <caption>{t('deadLetters.summary.caption')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('deadLetters.summary.pending')}</th>
              <td>{outbox.pending}</td>
            </tr>
            <tr>
              <th scope="row">{t('deadLetters.summary.sent')}</th>
              <td>{outbox.sent}</td>
            </tr>
            <tr>
              <th scope="row">{t('deadLetters.summary.dead')}</th>
              <td>{outbox.dead}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      {data && letters.length === 0 ? <GcdsText>{t('deadLetters.none')}</GcdsText> : null}
      {letters.length > 0 ? (
        <table className="data-table">
          <caption>{t('deadLetters.caption', { page, total: outbox?.dead ?? letters.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('deadLetters.columns.subject')}</th>
              <th scope="col">{t('deadLetters.columns.failedAt')}</th>
              <th scope="col">{t('deadLetters.columns.attempts')}</th>
              <th scope="col">{t('deadLetters.columns.lastError')}</th>
              <th scope="col">{t('deadLetters.columns.action')}</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => (
              <tr key={letter.id}>
                <th scope="row">{letter.noticeSubject || t('deadLetters.noSubject')}</th>
                <td>{formatDateTime(letter.updatedAt, language)}</td>
                <td>{letter.attempts}</td>
                <td>{letter.lastError ?? ''}</td>
                <td>
                  <GcdsButton
                    type="button"
                    size="small"
                    buttonRole="secondary"
                    disabled={pending !== undefined}
                    onClick={() => void onRetry(letter.id, letter.noticeSubject)}
                    aria-label={t('deadLetters.retryLabel', { subject: letter.noticeSubject })}
                  >
                    {t('deadLetters.retry')}
                  </GcdsButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {page > 1 || pageInfo?.hasNextPage ? (
        <nav aria-label={t('deadLetters.pagesLabel')} className="button-group">
          {page > 1 ? (
            <GcdsButton
              type="button"
              buttonRole="secondary"
              onClick={() => setCursors((list) => list.slice(0, -1))}
            >
              {t('deadLetters.previous')}
            </GcdsButton>
          ) : null}
          {pageInfo?.hasNextPage && pageInfo.endCursor ? (
            <GcdsButton
              type="button"
              buttonRole="secondary"
              onClick={() => setCursors((list) => [...list, pageInfo.endCursor ?? null])}
            >
              {t('deadLetters.next')}
            </GcdsButton>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
