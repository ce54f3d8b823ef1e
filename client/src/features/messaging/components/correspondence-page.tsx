import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { TextField } from '../../../components/forms/fields';
import { useKeysetCursors } from '../../../components/lists/keyset-table';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  useLetterQuery,
  useLettersQuery,
  useMarkLetterReadMutation,
  useMessagingBusinessQuery,
} from '../../../generated/graphql';
import { nodes } from '../../../lib/connections';
import { formatDateTime } from '../../../lib/date-time';
import { type FieldErrors } from '../../../lib/user-errors';
import { useLanguage } from '../../../lib/use-language';
import { MessagingTable } from './messaging-parts';

const PAGE_SIZE = 10;

/** The PDF the server renders for a letter the portal wrote (docs/messaging.md), in `lang`. */
export const generatedLetterPdfUrl = (letterId: string, lang: string) =>
  `/api/messaging/attachments/letters/${encodeURIComponent(letterId)}?lang=${lang}`;
const isIsoDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Seed 000 "la correspondance": the agency's letters, newest first, 10 a page, by date range. */
export function CorrespondencePage() {
  const { t } = useTranslation('messaging');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('letters.title') }));
  const business = useMessagingBusinessQuery();
  const active = business.data?.me?.activeBusiness;
  return (
    <>
      <GcdsHeading tag="h1">{t('letters.title')}</GcdsHeading>
      <GcdsText>{t('letters.intro')}</GcdsText>
      {business.loading ? <PageLoading /> : null}
      {business.error ? <PageLoadError /> : null}
      {active ? <LetterList businessId={active.id} /> : null}
    </>
  );
}

function LetterList({ businessId }: { businessId: string }) {
  const { t } = useTranslation('messaging');
  const language = useLanguage();
  const [range, setRange] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState(range);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focusKey, setFocusKey] = useState(0);
  const cursors = useKeysetCursors();
  const { data, loading, error } = useLettersQuery({
    variables: {
      businessId,
      first: PAGE_SIZE,
      after: cursors.after,
      from: range.from || null,
      to: range.to || null,
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.business?.letters;
  const letters = nodes(connection);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (draft.from && !isIsoDay(draft.from)) found.from = t('letters.errors.date');
    if (draft.to && !isIsoDay(draft.to)) found.to = t('letters.errors.date');
    if (!found.from && !found.to && draft.from && draft.to && draft.from > draft.to)
      found.to = t('letters.errors.order');
    setErrors(found);
    if (Object.keys(found).length) {
      setFocusKey((k) => k + 1);
      return;
    }
    setRange(draft);
    cursors.reset();
  };

  return (
    <>
      <form noValidate onSubmit={onSearch} aria-label={t('letters.search')}>
        <FormErrorSummary errors={errors} fields={['from', 'to']} focusKey={focusKey} />
        <TextField
          name="from"
          label={t('letters.from')}
          hint={t('letters.dateHint')}
          value={draft.from}
          error={errors.from}
          size={10}
          onChange={(value) => setDraft((d) => ({ ...d, from: value }))}
        />
        <TextField
          name="to"
          label={t('letters.to')}
          hint={t('letters.dateHint')}
          value={draft.to}
          error={errors.to}
          size={10}
          onChange={(value) => setDraft((d) => ({ ...d, to: value }))}
        />
        <GcdsButton type="submit">{t('letters.submit')}</GcdsButton>
      </form>
      <MessagingTable
        connection={connection}
        rows={letters}
        loading={loading}
        error={error}
        count={(count) => t('letters.count', { count })}
        caption={t('letters.caption')}
        className="letters-table"
        cursors={cursors}
        columns={[
          { header: t('letters.date'), cell: (letter) => formatDateTime(letter.issuedAt, language) },
          {
            header: t('letters.subject'),
            cell: (letter) => (
              <>
                <GcdsLink href={`/${language}/correspondence/${letter.id}`}>{letter.subject}</GcdsLink>
                {letter.read ? null : <> ({t('letters.unread')})</>}
              </>
            ),
          },
          {
            header: t('letters.account'),
            cell: (letter) => letter.programAccount?.accountNumber ?? t('letters.business'),
          },
        ]}
      />
    </>
  );
}

/** One letter: its accessible text in the page, its PDF to download; opening it marks it read. */
export function LetterPage() {
  const { t } = useTranslation('messaging');
  const { t: tc } = useTranslation('common');
  const { letterId = '' } = useParams();
  const language = useLanguage();
  const { data, loading, error } = useLetterQuery({ variables: { id: letterId } });
  const [markRead] = useMarkLetterReadMutation();
  const letter = data?.letter;
  useDocumentTitle(tc('documentTitle', { page: letter?.subject ?? t('letters.letter') }));
  const unread = letter ? !letter.read : false;
  useEffect(() => {
    if (unread) void markRead({ variables: { id: letterId } }).catch(() => undefined);
  }, [unread, letterId, markRead]);

  return (
    <>
      <GcdsHeading tag="h1">{letter?.subject ?? t('letters.letter')}</GcdsHeading>
      <GcdsText>
        <GcdsLink href={`/${language}/correspondence`}>{t('letters.back')}</GcdsLink>
      </GcdsText>
      {loading ? <PageLoading /> : null}
      {error && !letter ? <PageLoadError /> : null}
      {letter ? (
        <>
          <GcdsText>
            {t('letters.issued', { date: formatDateTime(letter.issuedAt, language) })}
            {letter.programAccount ? ` — ${letter.programAccount.accountNumber}` : ''}
          </GcdsText>
          <section aria-label={t('letters.text')}>
            {letter.body.split('\n').map((line, index) => (
              <GcdsText key={index}>{line}</GcdsText>
            ))}
          </section>
          {letter.kind === 'OFFICER_LETTER'
            ? null
            : // A letter the portal wrote: its PDF rendered by the server, in the reader's language first.
              [language, language === 'fr' ? 'en' : 'fr'].map((lang) => (
                <GcdsText key={lang}>
                  <GcdsLink href={generatedLetterPdfUrl(letter.id, lang)} download="">
                    {t(lang === 'fr' ? 'letters.downloadFrench' : 'letters.downloadEnglish', {
                      subject: letter.subject,
                    })}
                  </GcdsLink>
                </GcdsText>
              ))}
          {letter.attachments.map((file) => (
            <GcdsText key={file.id}>
              <GcdsLink href={file.downloadUrl} download={file.fileName}>
                {t('letters.download', { name: file.fileName })}
              </GcdsLink>
            </GcdsText>
          ))}
        </>
      ) : null}
    </>
  );
}
