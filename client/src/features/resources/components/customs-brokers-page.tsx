import { GcdsButton, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TextField } from '../../../components/forms/fields';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useLicensedCustomsBrokersQuery } from '../../../generated/graphql';

/** How many brokers one page shows; the API answers at most 100. */
const shown = 100;

/**
 * The public list of licensed customs brokers (seed 003 §1.2), from the registry's service providers,
 * searchable by name or business number. The term lives in the URL (`?q=`), so a search can be shared.
 */
export function CustomsBrokersPage() {
  const { t } = useTranslation('resources');
  const [params, setParams] = useSearchParams();
  const search = (params.get('q') ?? '').trim();
  useDocumentTitle(t('brokers.title'));
  return (
    <>
      <GcdsHeading tag="h1">{t('brokers.title')}</GcdsHeading>
      <GcdsText>{t('brokers.lead')}</GcdsText>
      <SearchForm key={`form:${search}`} initial={search} onSearch={(q) => setParams(q ? { q } : {})} />
      <BrokerList key={`list:${search}`} search={search} />
    </>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (search: string) => void }) {
  const { t } = useTranslation('resources');
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form noValidate role="search" onSubmit={submit}>
      <TextField
        name="search"
        label={t('brokers.searchLabel')}
        hint={t('brokers.searchHint')}
        value={value}
        onChange={setValue}
      />
      <div className="button-group">
        <GcdsButton type="submit">{t('brokers.search')}</GcdsButton>
      </div>
    </form>
  );
}

function BrokerList({ search }: { search: string }) {
  const { t } = useTranslation('resources');
  const { data, loading, error } = useLicensedCustomsBrokersQuery({
    variables: { search: search || null, first: shown },
  });
  const brokers = data?.licensedCustomsBrokers;
  return (
    <section aria-label={t('brokers.title')}>
      <div role="status">
        {brokers ? (
          <GcdsText>
            {brokers.length === 0 ? t('brokers.none') : t('brokers.count', { count: brokers.length })}
          </GcdsText>
        ) : null}
      </div>
      {!brokers && loading ? <PageLoading /> : null}
      {!brokers && error ? <PageLoadError /> : null}
      {brokers && brokers.length > 0 ? (
        <table className="data-table">
          <caption>{t('brokers.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('brokers.name')}</th>
              <th scope="col">{t('brokers.operatingName')}</th>
              <th scope="col">{t('brokers.businessNumber')}</th>
            </tr>
          </thead>
          <tbody>
            {brokers.map((broker) => (
              <tr key={broker.businessNumber}>
                <th scope="row">{broker.legalName}</th>
                <td>{broker.operatingName}</td>
                <td>{broker.businessNumber}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
