import { GcdsButton, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioField, SelectField } from '../../../components/forms/fields';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { type ExportFormat, type ExportsDataQuery, useExportsDataQuery } from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { useStartExport } from '../hooks/use-start-export';
import './exports.css';

type Export = ExportsDataQuery['exports']['edges'][number]['node'];

/** The reports a person can export without variables (notices and transactions need a period or an account). */
const reports = ['clients', 'delegation'] as const;
/** How often the list is read again while an export waits or runs. */
const POLL_MS = 2000;

/**
 * The signed-in person's bulk exports (docs/api.md "Bulk exports"): start one of a named report, follow its
 * progress (the list is read again every 2 s while one waits or runs) and download the file once ready.
 */
export function ExportsPage() {
  const { t } = useTranslation('exports');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('title') }));
  const { data, loading, error, startPolling, stopPolling } = useExportsDataQuery({
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const exports = (data?.exports.edges ?? []).map((edge) => edge.node);
  const busy = exports.some((e) => e.status === 'QUEUED' || e.status === 'RUNNING');
  const [polling, setPolling] = useState(false);
  if (busy !== polling) {
    setPolling(busy);
    if (busy) startPolling(POLL_MS);
    else stopPolling();
  }
  return (
    <>
      <GcdsHeading tag="h1">{t('title')}</GcdsHeading>
      <GcdsText>{t('intro')}</GcdsText>
      <StartForm />
      <GcdsHeading tag="h2">{t('list.title')}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && exports.length === 0 ? <GcdsText>{t('list.empty')}</GcdsText> : null}
      {exports.length ? <ExportsTable exports={exports} /> : null}
    </>
  );
}

function ExportsTable({ exports }: { exports: Export[] }) {
  const { t } = useTranslation('exports');
  const language = useLanguage();
  return (
    <table className="exports-table">
      <caption>{t('list.caption', { count: exports.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.report')}</th>
          <th scope="col">{t('list.started')}</th>
          <th scope="col">{t('list.status')}</th>
          <th scope="col">{t('list.progress')}</th>
          <th scope="col">{t('list.file')}</th>
        </tr>
      </thead>
      <tbody>
        {exports.map((item) => {
          const name = item.report
            ? t(`report.${item.report}`, { defaultValue: item.report })
            : t('report.query');
          return (
            <tr key={item.id}>
              <th scope="row">
                {name} ({item.format})
              </th>
              <td>{formatDateTime(item.createdAt, language)}</td>
              <td>
                {t(`status.${item.status}`)}
                {item.errorCode ? ` (${item.errorCode})` : ''}
              </td>
              <td>
                {item.totalRows ? (
                  <progress
                    max={item.totalRows}
                    value={Math.min(item.rows, item.totalRows)}
                    aria-label={t('list.progressOf', { name })}
                  />
                ) : null}{' '}
                {item.totalRows
                  ? t('list.rowsOf', { rows: item.rows, total: item.totalRows })
                  : t('list.rows', { count: item.rows })}
              </td>
              <td>
                {item.downloadUrl ? (
                  <a href={item.downloadUrl} download>
                    {t('list.download', { name })}
                  </a>
                ) : item.status === 'READY' ? null : (
                  '—'
                )}
                {item.expiresAt && item.downloadUrl ? (
                  <>
                    <br />
                    {t('list.until', { date: formatDateTime(item.expiresAt, language) })}
                  </>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function StartForm() {
  const { t } = useTranslation('exports');
  const [report, setReport] = useState<string>(reports[0]);
  const [format, setFormat] = useState<string>('CSV');
  const [started, setStarted] = useState(false);
  // Every refusal, and a failed request, is said in the form's status line.
  const form = useMutationForm({ fields: [], failedMessage: t('start.failed') });
  const { startExport } = useStartExport();
  const problem = form.failure;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStarted(false);
    await form.submit({
      send: () => startExport({ report, format: format as ExportFormat }),
      succeeded: (payload) => payload.userErrors.length === 0,
      onSuccess: () => setStarted(true),
    });
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="exports-start-title">
      <GcdsHeading tag="h2" id="exports-start-title">
        {t('start.title')}
      </GcdsHeading>
      <SelectField
        name="report"
        label={t('start.report')}
        value={report}
        onChange={setReport}
        options={reports.map((value) => ({ value, label: t(`report.${value}`) }))}
      />
      <RadioField
        name="format"
        label={t('start.format')}
        value={format}
        onChange={setFormat}
        options={[
          { value: 'CSV', label: t('format.CSV') },
          { value: 'NDJSON', label: t('format.NDJSON') },
        ]}
      />
      <div role="status" className="exports-status">
        {started ? t('start.started') : null}
        {problem ? <span className="exports-problem">{problem}</span> : null}
      </div>
      <GcdsButton type="submit" disabled={form.pending}>
        {t('start.submit')}
      </GcdsButton>
    </form>
  );
}
