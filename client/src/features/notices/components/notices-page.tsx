import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useApolloClient } from '@apollo/client/react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { NoticesListDocument, type NoticeFilterInput, useNoticesListQuery } from '../../../generated/graphql';
import { type FieldErrors } from '../../../lib/user-errors';
import { useLanguage } from '../../../lib/use-language';
import {
  defaultRange,
  isIsoDay,
  isNoticeType,
  noticeTypes,
  noticesPageSize,
  pageFromParam,
} from './notices-parts';

const searchFields = ['from', 'to', 'type'] as const;

/**
 * Seed 003 §2.4: the caller's notices, searched by date range (default: the last 6 months) and type,
 * 10 a page. The page, range and type live in the URL so that a notice's "Previous" link comes back
 * to the same page.
 */
export function NoticesPage() {
  const { t } = useTranslation('notices');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('list.title') }));
  const [params] = useSearchParams();
  const defaults = defaultRange();
  const fromParam = params.get('from') ?? '';
  const toParam = params.get('to') ?? '';
  const from = isIsoDay(fromParam) ? fromParam : defaults.from;
  const to = isIsoDay(toParam) ? toParam : defaults.to;
  const typeParam = params.get('type');
  const type = isNoticeType(typeParam) ? typeParam : '';
  const page = pageFromParam(params.get('page'));

  const filter = useMemo<NoticeFilterInput>(
    () => ({ from, to, ...(type ? { type } : {}) }),
    [from, to, type],
  );

  return (
    <>
      <GcdsHeading tag="h1">{t('list.title')}</GcdsHeading>
      <GcdsText>{t('list.intro')}</GcdsText>
      <SearchForm key={`${from}|${to}|${type}`} from={from} to={to} type={type} />
      {/* A table per filter and page (decision 0019). */}
      <NoticesTable key={`${from}|${to}|${type}|${page}`} filter={filter} page={page} />
    </>
  );
}

/** The search: checked here (dates as YYYY-MM-DD, from before to), then put in the URL. */
function SearchForm({ from, to, type }: { from: string; to: string; type: string }) {
  const { t } = useTranslation('notices');
  const navigate = useNavigate();
  const language = useLanguage();
  const [draft, setDraft] = useState({ from, to, type });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focusKey, setFocusKey] = useState(0);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!isIsoDay(draft.from)) found.from = t('list.errors.date');
    if (!isIsoDay(draft.to)) found.to = t('list.errors.date');
    if (!found.from && !found.to && draft.from > draft.to) found.to = t('list.errors.order');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFocusKey((k) => k + 1);
      return;
    }
    const next = new URLSearchParams({ from: draft.from, to: draft.to });
    if (draft.type) next.set('type', draft.type);
    void navigate(`/${language}/notices?${next.toString()}`);
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('list.search')}>
      <FormErrorSummary errors={errors} fields={searchFields} focusKey={focusKey} />
      <TextField
        name="from"
        label={t('list.from')}
        hint={t('list.dateHint')}
        value={draft.from}
        error={errors.from}
        size={10}
        onChange={(value) => setDraft((d) => ({ ...d, from: value }))}
      />
      <TextField
        name="to"
        label={t('list.to')}
        hint={t('list.dateHint')}
        value={draft.to}
        error={errors.to}
        size={10}
        onChange={(value) => setDraft((d) => ({ ...d, to: value }))}
      />
      <SelectField
        name="type"
        label={t('list.type')}
        value={draft.type}
        // "All types" is a choice of its own, not a placeholder: a person can always go back to it.
        options={[
          { value: '', label: t('list.anyType') },
          ...noticeTypes.map((value) => ({ value, label: t(`types.${value}`) })),
        ]}
        onChange={(value) => setDraft((d) => ({ ...d, type: value }))}
      />
      <GcdsButton type="submit">{t('list.submit')}</GcdsButton>
    </form>
  );
}

/**
 * The `after` cursor of each page visited, per search: keyset pages cannot be addressed by number,
 * so a page reached from the URL alone is found by walking forward from the start (at most 100 a
 * step).
 */
const knownCursors = new Map<string, Map<number, string | null>>();

/** The specs of one worker share this module: each file starts knowing no cursor (src/test/setup.ts). */
export function forgetNoticeCursorsForTests(): void {
  knownCursors.clear();
}

function cursorsFor(filter: NoticeFilterInput): Map<number, string | null> {
  const key = JSON.stringify(filter);
  const cursors = knownCursors.get(key) ?? new Map<number, string | null>([[1, null]]);
  knownCursors.set(key, cursors);
  return cursors;
}

function useAfterCursor(
  filter: NoticeFilterInput,
  page: number,
): { after: string | null | undefined; failed: boolean } {
  const client = useApolloClient();
  const cursors = useMemo(() => cursorsFor(filter), [filter]);
  const [, setVersion] = useState(0);
  const [failed, setFailed] = useState(false);
  const after = cursors.get(page);
  const walking = useRef(false);

  useEffect(() => {
    if (after !== undefined || walking.current) return;
    walking.current = true;
    let known = 1;
    for (const p of cursors.keys()) if (p < page && p > known) known = p;
    const skip = (page - known) * noticesPageSize;
    void (async () => {
      try {
        let cursor = cursors.get(known) ?? null;
        let remaining = skip;
        while (remaining > 0) {
          const first = Math.min(100, remaining);
          const { data } = await client.query({
            query: NoticesListDocument,
            variables: { first, after: cursor, filter },
          });
          const connection = data?.notices;
          if (!connection || connection.edges.length < first) break;
          cursor = connection.pageInfo.endCursor ?? null;
          remaining -= first;
        }
        if (remaining === 0) cursors.set(page, cursor);
        else setFailed(true);
      } catch {
        setFailed(true);
      } finally {
        walking.current = false;
        setVersion((v) => v + 1);
      }
    })();
  }, [after, page, client, cursors, filter]);

  return { after, failed };
}

function NoticesTable({ filter, page }: { filter: NoticeFilterInput; page: number }) {
  const { t } = useTranslation('notices');
  const language = useLanguage();
  const { search } = useLocation();
  const { after, failed } = useAfterCursor(filter, page);
  const { data, loading, error } = useNoticesListQuery({
    variables: { first: noticesPageSize, after: after ?? null, filter },
    skip: after === undefined,
    fetchPolicy: 'cache-and-network',
  });
  const notices = data?.notices;
  useEffect(() => {
    if (notices?.pageInfo.hasNextPage && notices.pageInfo.endCursor)
      cursorsFor(filter).set(page + 1, notices.pageInfo.endCursor);
  }, [notices, filter, page]);

  if (failed) return <GcdsText>{t('list.empty')}</GcdsText>;
  if (!notices) return error ? <PageLoadError /> : loading || after === undefined ? <PageLoading /> : null;
  if (notices.totalCount === 0 || notices.edges.length === 0) return <GcdsText>{t('list.empty')}</GcdsText>;

  const pages = Math.max(1, Math.ceil(notices.totalCount / noticesPageSize));
  const firstShown = (page - 1) * noticesPageSize + 1;
  const lastShown = firstShown + notices.edges.length - 1;
  const pageHref = (p: number) => {
    const next = new URLSearchParams(search);
    next.set('page', String(p));
    return `/${language}/notices?${next.toString()}`;
  };
  const backQuery = search;

  return (
    <>
      <table className="data-table">
        <caption>{t('list.caption', { from: filter.from, to: filter.to })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.columns.date')}</th>
            <th scope="col">{t('list.columns.account')}</th>
            <th scope="col">{t('list.columns.type')}</th>
            <th scope="col">{t('list.columns.subject')}</th>
          </tr>
        </thead>
        <tbody>
          {notices.edges.map(({ node }) => (
            <tr key={node.id}>
              <td>{node.displayDate}</td>
              <td>{node.accountNumber || t('list.personal')}</td>
              <td>{node.typeLabel}</td>
              <td>
                {!node.read ? <strong>{t('list.unread')} </strong> : null}
                {node.urgent ? <strong>{t('list.urgent')} </strong> : null}
                <GcdsLink href={`/${language}/notices/${node.id}${backQuery}`}>{node.subject ?? ''}</GcdsLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <GcdsText>
        {t('list.range', { first: firstShown, last: lastShown, total: notices.totalCount })}
      </GcdsText>
      <nav aria-label={t('list.pagination')}>
        <GcdsText>{t('list.pageOf', { page, pages })}</GcdsText>
        <div className="button-group">
          {page > 1 ? <GcdsLink href={pageHref(page - 1)}>{t('list.previous')}</GcdsLink> : null}
          {notices.pageInfo.hasNextPage ? (
            <GcdsLink href={pageHref(page + 1)}>{t('list.next')}</GcdsLink>
          ) : null}
        </div>
      </nav>
    </>
  );
}
