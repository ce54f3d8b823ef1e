import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useFormErrors } from '../../../components/forms/use-form-errors';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useOfficerBusinessSearchQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { OfficerNav } from './officer-nav';

/** What officerBusinessSearch answers at most (docs/businesses.md). */
export const officerSearchMax = 20;

const fields = ['query'] as const;

/**
 * For officers: find a registry business by business number (prefix) or name. The search term lives
 * in the URL (`?q=`), so results survive a reload and the browser's back button returns to them.
 */
export function OfficerBusinessSearchPage() {
  const { t } = useTranslation('officer');
  const { t: tc } = useTranslation('common');
  const [params, setParams] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  useDocumentTitle(tc('documentTitle', { page: t('search.title') }));

  return (
    <>
      <OfficerNav current="businesses" />
      <GcdsHeading tag="h1">{t('search.title')}</GcdsHeading>
      <GcdsText>{t('search.lead')}</GcdsText>
      {/* Keyed by the term: going back to an earlier search shows that term in the field again. Siblings
          need keys of their own (a shared key left the old form on screen beside the new one). */}
      <SearchForm key={`form:${query}`} initial={query} onSearch={(q) => setParams({ q })} />
      {/* Results per search (decision 0019). */}
      {query ? <SearchResults key={`results:${query}`} query={query} /> : null}
    </>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (query: string) => void }) {
  const { t } = useTranslation('officer');
  const [value, setValue] = useState(initial);
  const { errors, refuse, clear, focusKey } = useFormErrors();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.trim();
    if (!text) return refuse({ query: t('search.queryRequired') });
    clear();
    onSearch(text);
  };

  return (
    <form noValidate role="search" onSubmit={submit}>
      <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
      <TextField
        name="query"
        label={t('search.query')}
        hint={t('search.queryHint')}
        required
        value={value}
        onChange={setValue}
        error={errors.query}
      />
      <div className="button-group">
        <GcdsButton type="submit">{t('search.submit')}</GcdsButton>
      </div>
    </form>
  );
}

function SearchResults({ query }: { query: string }) {
  const { t } = useTranslation('officer');
  const language = useLanguage();
  const { data, loading, error } = useOfficerBusinessSearchQuery({
    variables: { query },
    fetchPolicy: 'cache-and-network',
  });
  const results = data?.officerBusinessSearch;

  return (
    <section aria-labelledby="officer-search-results">
      <GcdsHeading tag="h2" id="officer-search-results">
        {t('search.resultsHeading')}
      </GcdsHeading>
      {/* Announced politely once the results are in. */}
      <div role="status">
        {results ? (
          <GcdsText>
            {results.length === 0
              ? t('search.none', { query })
              : t('search.resultsStatus', { query, total: results.length })}
          </GcdsText>
        ) : null}
      </div>
      {!results && loading ? <PageLoading /> : null}
      {!results && error ? <PageLoadError /> : null}
      {results && results.length >= officerSearchMax ? (
        <GcdsText>{t('search.limited', { max: officerSearchMax })}</GcdsText>
      ) : null}
      {results && results.length > 0 ? (
        <table className="data-table">
          <caption>{t('search.caption', { query, total: results.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('search.columns.businessNumber')}</th>
              <th scope="col">{t('search.columns.legalName')}</th>
              <th scope="col">{t('search.columns.portal')}</th>
              <th scope="col">{t('search.columns.locked')}</th>
              <th scope="col">{t('search.columns.failedAttempts')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.businessNumber}>
                <th scope="row">
                  <GcdsLink href={`/${language}/officer/businesses/${result.businessNumber}`}>
                    {result.businessNumber}
                  </GcdsLink>
                </th>
                <td>{result.legalName}</td>
                <td>{result.business ? t('search.registered') : t('search.notRegistered')}</td>
                <td>{result.registrationLocked ? t('search.yes') : t('search.no')}</td>
                <td>{result.registrationFailedAttempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
