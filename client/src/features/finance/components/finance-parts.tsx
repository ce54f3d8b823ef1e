import { type PickableAccount } from '../../../components/program-accounts/program-account-picker';
import { type FinanceBusinessesQuery } from '../../../generated/graphql';
import { type Language } from '../../../lib/language';

type FinanceArea = 'REQUESTS_AND_TRANSACTIONS' | 'PAD';

/** The program accounts of the active business on which the viewer may view (or edit) this area. */
export function financeAccounts(
  data: FinanceBusinessesQuery | undefined,
  action: 'view' | 'edit',
  area: FinanceArea = 'REQUESTS_AND_TRANSACTIONS',
): readonly PickableAccount[] {
  return businessAccounts(data?.me?.activeBusiness, action, area);
}

interface BusinessWithAccess {
  viewerAccess: {
    areas: ReadonlyArray<{ area: string; view: boolean; edit: boolean }>;
    programAccounts: readonly PickableAccount[];
  };
}

/** The accounts of one business (the viewer's own or a client's) that the viewer may `action` in `area`. */
export function businessAccounts(
  business: BusinessWithAccess | null | undefined,
  action: 'view' | 'edit',
  area: FinanceArea = 'REQUESTS_AND_TRANSACTIONS',
): readonly PickableAccount[] {
  if (!business) return [];
  const allowed = business.viewerAccess.areas.some((a) => a.area === area && a[action]);
  return allowed ? business.viewerAccess.programAccounts : [];
}

export function financeAccountIds(
  data: FinanceBusinessesQuery | undefined,
  action: 'view' | 'edit',
  area: FinanceArea = 'REQUESTS_AND_TRANSACTIONS',
): readonly string[] {
  return financeAccounts(data, action, area).map((a) => a.id);
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

/**
 * A reference description in the page's language: the French one on French pages when the agency gave it,
 * else the one on record (issue 14, defect 7).
 */
export function localDescription(
  record: { description: string; descriptionFr?: string | null },
  language: Language,
): string {
  return language === 'fr' && record.descriptionFr ? record.descriptionFr : record.description;
}

export function formatMoney(cents: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'CAD' }).format(cents / 100);
}
