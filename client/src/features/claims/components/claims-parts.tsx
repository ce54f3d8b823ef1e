import { GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClaimIndicatorsFieldsFragment, type ClaimsBusinessesQuery } from '../../../generated/graphql';
import { nodes } from '../../../lib/connections';
import { type Language } from '../../../lib/language';

export interface ClaimBusiness {
  id: string;
  name: string;
  edit: boolean;
}

/** The businesses (own, then clients) whose claims the viewer may see (REQUESTS_AND_TRANSACTIONS VIEW). */
export function claimBusinesses(data: ClaimsBusinessesQuery | undefined): ClaimBusiness[] {
  const me = data?.me;
  if (!me) return [];
  const all = [...(me.activeBusiness ? [me.activeBusiness] : []), ...nodes(me.actingForConnection)];
  const seen = new Set<string>();
  const found: ClaimBusiness[] = [];
  for (const business of all) {
    if (seen.has(business.id)) continue;
    seen.add(business.id);
    const area = business.viewerAccess.areas.find((a) => a.area === 'REQUESTS_AND_TRANSACTIONS');
    if (area?.view) found.push({ id: business.id, name: business.name ?? '', edit: area.edit });
  }
  return found;
}

export function formatDate(value: string, language: Language): string {
  // A calendar date ('YYYY-MM-DD') is that day everywhere; an instant is shown in the viewer's zone.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium' }).format(date);
}

export function formatMoney(cents: number, language: Language): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'currency',
    currency: 'CAD',
  }).format(cents / 100);
}

/**
 * Dollars as typed ("125.5", "125,50", "1 250.00") to integer cents, without floating point; null when it
 * is not an amount with at most two decimals.
 */
export function parseCents(text: string): number | null {
  const value = text.replace(/[\s$]/g, '').replace(',', '.');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

type IndicatorKey = 'inProgress' | 'submitted' | 'openClaimed' | 'approved' | 'payable' | 'paid' | 'unpaid';

/** The seed's "indicateurs": counts and totals of claims and repayments, each linked to its list when given. */
export function ClaimIndicatorsPanel({
  indicators,
  language,
  links,
}: {
  indicators: ClaimIndicatorsFieldsFragment;
  language: Language;
  links?: Partial<Record<IndicatorKey, string>>;
}) {
  const { t } = useTranslation('claims');
  const rows: Array<[IndicatorKey, string]> = [
    ['inProgress', String(indicators.inProgressCount)],
    ['submitted', String(indicators.submittedCount)],
    ['openClaimed', formatMoney(indicators.openClaimedCents, language)],
    ['approved', String(indicators.approvedCount)],
    ['payable', `${indicators.payableCount} (${formatMoney(indicators.payableCents, language)})`],
    ['paid', formatMoney(indicators.paidCents, language)],
    ['unpaid', formatMoney(indicators.unpaidCents, language)],
  ];
  return (
    <section aria-labelledby="claim-indicators">
      <GcdsHeading tag="h2" id="claim-indicators">
        {t('indicators.title')}
      </GcdsHeading>
      <dl className="review-list">
        {rows.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{t(`indicators.${key}`)}</dt>
            <dd>
              {links?.[key] ? (
                <GcdsLink
                  href={links[key]}
                  aria-label={t('indicators.linkLabel', { label: t(`indicators.${key}`), value })}
                >
                  {value}
                </GcdsLink>
              ) : (
                value
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

export function SuccessNotice({ title }: { title: string }) {
  return (
    <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={title} role="status">
      <GcdsText>{title}</GcdsText>
    </GcdsNotice>
  );
}

export function FailureNotice({ message }: { message: string }) {
  return (
    <GcdsNotice type="danger" noticeTitleTag="h2" noticeTitle={message} role="alert">
      <GcdsText>{message}</GcdsText>
    </GcdsNotice>
  );
}
