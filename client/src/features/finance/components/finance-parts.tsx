import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/forms/fields';
import { FinanceAccountLabelDocument, type FinanceBusinessesQuery } from '../../../generated/graphql';
import { type Language } from '../../../lib/language';

/** The program accounts of the active business whose transactions the viewer may view (or edit). */
export function financeAccountIds(
  data: FinanceBusinessesQuery | undefined,
  action: 'view' | 'edit',
): readonly string[] {
  const business = data?.me?.activeBusiness;
  if (!business) return [];
  const allowed = business.viewerAccess.areas.some(
    (a) => a.area === 'REQUESTS_AND_TRANSACTIONS' && a[action],
  );
  return allowed ? business.viewerAccess.programAccountIds : [];
}

export function locale(language: Language): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

/** Dates come as YYYY-MM-DD: read them as calendar days, not UTC midnights. */
export function formatDay(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium' }).format(
    new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1),
  );
}

export function formatMoney(cents: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/** The accounts' numbers come one query each (a provider under program management may not list them). */
export function AccountPicker(props: {
  ids: readonly string[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('finance');
  const client = useApolloClient();
  const [labels, setLabels] = useState<Record<string, string>>({});
  const key = props.ids.join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(
      key.split(',').map(async (id) => {
        const { data } = await client
          .query({ query: FinanceAccountLabelDocument, variables: { id }, errorPolicy: 'all' })
          .catch(() => ({ data: undefined }));
        const account = data?.programAccount;
        return [id, account ? `${account.accountNumber ?? ''} ${account.name ?? ''}`.trim() : id] as const;
      }),
    ).then((entries) => {
      if (live) setLabels(Object.fromEntries(entries));
    });
    return () => {
      live = false;
    };
  }, [client, key]);
  return (
    <SelectField
      name="programAccountId"
      label={t('common.account')}
      placeholder=""
      value={props.value}
      options={props.ids.map((id) => ({ value: id, label: labels[id] ?? id }))}
      onChange={props.onChange}
    />
  );
}
