import { GcdsHeading, GcdsLink } from '@cdssnc/gcds-components-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AccountIndicatorsFieldsFragment,
  useAccountIndicatorsOfAccountQuery,
  useFinanceBusinessesQuery,
  useSecurityBusinessesQuery,
} from '../../../generated/graphql';
import { type Language } from '../../../lib/language';
import { useLanguage } from '../../../lib/use-language';
import { financeAccountIds, formatMoney } from './finance-parts';
import { securityBusinesses } from './security-businesses';

type IndicatorKey = 'overdue' | 'statementsDue' | 'securityOnFile' | 'securityRequired' | 'securityShortfall';

/**
 * Amounts overdue, statements due and the financial security on file against what the agency requires (issue
 * 16 item 5, decision 0044), each linked to the list behind it; the security rows only when the server
 * answers them (the financial security area; the requirement only when the agency set one), the shortfall
 * only when there is one.
 */
export function AccountIndicatorsPanel({
  indicators,
  language,
  links,
}: {
  indicators: AccountIndicatorsFieldsFragment;
  language: Language;
  links: Record<IndicatorKey, string>;
}) {
  const { t } = useTranslation('finance');
  const countAndAmount = (count: number, cents: number) =>
    t('indicators.countAndAmount', { count, amount: formatMoney(cents, language) });
  const rows: Array<[IndicatorKey, string]> = [
    ['overdue', countAndAmount(indicators.overdueCount, indicators.overdueCents)],
    ['statementsDue', countAndAmount(indicators.statementsDueCount, indicators.statementsDueCents)],
  ];
  if (indicators.securityOnFileCents !== null && indicators.securityOnFileCents !== undefined)
    rows.push(['securityOnFile', formatMoney(indicators.securityOnFileCents, language)]);
  if (indicators.securityRequiredCents !== null && indicators.securityRequiredCents !== undefined)
    rows.push(['securityRequired', formatMoney(indicators.securityRequiredCents, language)]);
  if (indicators.securityShortfallCents)
    rows.push(['securityShortfall', formatMoney(indicators.securityShortfallCents, language)]);
  return (
    <section aria-labelledby="account-indicators">
      <GcdsHeading tag="h2" id="account-indicators">
        {t('indicators.title')}
      </GcdsHeading>
      <dl className="review-list">
        {rows.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{t(`indicators.${key}`)}</dt>
            <dd>
              <GcdsLink
                href={links[key]}
                aria-label={t('indicators.linkLabel', { label: t(`indicators.${key}`), value })}
              >
                {value}
              </GcdsLink>
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

/**
 * The home page's account indicators, over the accounts the viewer may see; the app loads them with the claims
 * indicators in one query (app/routes/home-indicators.tsx).
 */
export function AccountHomeIndicators({ indicators }: { indicators: AccountIndicatorsFieldsFragment }) {
  const language = useLanguage();
  // The lists are per program account: the financial information page (statements, invoices, transactions)
  // and the financial security page open on the first account and let the viewer pick another.
  const finance = `/${language}/finance`;
  const security = `/${language}/finance/security`;
  return (
    <AccountIndicatorsPanel
      indicators={indicators}
      language={language}
      links={{
        overdue: finance,
        statementsDue: finance,
        securityOnFile: security,
        securityRequired: security,
        securityShortfall: security,
      }}
    />
  );
}

/** On a program account's page: its indicators, when the viewer may see its requests and transactions. */
export function ProgramAccountIndicators({ accountId }: { accountId: string }) {
  const finance = useFinanceBusinessesQuery({ fetchPolicy: 'cache-and-network' }).data;
  if (!financeAccountIds(finance, 'view').includes(accountId)) return null;
  return <AccountIndicatorsOf accountId={accountId} />;
}

function AccountIndicatorsOf({ accountId }: { accountId: string }) {
  const language = useLanguage();
  const security = useSecurityBusinessesQuery({ fetchPolicy: 'cache-and-network' }).data;
  const { data } = useAccountIndicatorsOfAccountQuery({
    variables: { accountId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const indicators = data?.programAccount?.accountIndicators;
  if (!indicators) return null;
  const account = `account=${encodeURIComponent(accountId)}`;
  const holder = securityBusinesses(security).find((b) => b.accounts.some((a) => a.id === accountId));
  const securityPage = holder
    ? `/${language}/finance/security?business=${encodeURIComponent(holder.id)}&${account}`
    : `/${language}/finance/security?${account}`;
  return (
    <AccountIndicatorsPanel
      indicators={indicators}
      language={language}
      links={{
        overdue: `/${language}/finance?${account}`,
        statementsDue: `/${language}/finance?${account}`,
        securityOnFile: securityPage,
        securityRequired: securityPage,
        securityShortfall: securityPage,
      }}
    />
  );
}
