import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { PageLoadError, PageLoading } from '../layout/page-status';
import { ShowMoreButton } from '../layout/show-more';
import { useDocumentTitle } from '../layout/use-document-title';
import { DataTable, type TableColumn } from './data-table';

// An officer's queue (claims, rulings): the cases awaiting the agency, oldest first, read in keyset pages
// that "Show more" appends under the table. The page owns its query and its columns; this owns the title,
// the status lines, the table and the pager, so every queue reads and pages alike. Its texts are the
// feature's `officer.queueTitle`, `.queueIntro`, `.empty`, `.caption` (with the count) and `.more`.

export interface QueueConnection<T> {
  totalCount: number;
  edges: ReadonlyArray<{ node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface OfficerQueueProps<T extends { id: string }> {
  /** The feature whose catalogue holds the queue's texts. */
  namespace: 'claims' | 'rulings';
  /** The query's result: loading and failure show only until the first answer. */
  result: { data?: unknown; loading: boolean; error?: unknown };
  /** The query's answer (undefined until the first one). */
  queue: QueueConnection<T> | null | undefined;
  columns: ReadonlyArray<TableColumn<T>>;
  /** Reads the page after `after` and appends it (`appendConnectionPage`). */
  more: (after: string | null | undefined) => Promise<unknown>;
}

export function OfficerQueue<T extends { id: string }>(props: OfficerQueueProps<T>) {
  const { queue, result, columns } = props;
  const { t } = useTranslation(props.namespace);
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('officer.queueTitle') }));
  return (
    <>
      <GcdsHeading tag="h1">{t('officer.queueTitle')}</GcdsHeading>
      <GcdsText>{t('officer.queueIntro')}</GcdsText>
      {!result.data && result.loading ? <PageLoading /> : null}
      {!result.data && result.error ? <PageLoadError /> : null}
      {queue && queue.totalCount === 0 ? <GcdsText>{t('officer.empty')}</GcdsText> : null}
      {queue && queue.totalCount > 0 ? (
        <DataTable
          className="data-table"
          caption={t('officer.caption', { count: queue.totalCount })}
          columns={columns}
          rows={queue.edges.map((edge) => edge.node)}
        />
      ) : null}
      {queue?.pageInfo.hasNextPage ? (
        <ShowMoreButton label={t('officer.more')} more={() => props.more(queue.pageInfo.endCursor)} />
      ) : null}
    </>
  );
}
