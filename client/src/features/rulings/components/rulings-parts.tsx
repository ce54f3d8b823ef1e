import { type PickableAccount } from '../../../components/program-accounts/program-account-picker';
import { type RulingsBusinessesQuery } from '../../../generated/graphql';
import { type Language } from '../../../lib/language';
import { nodes } from '../../../lib/connections';

export interface RulingBusiness {
  id: string;
  name: string;
  programAccountIds: readonly string[];
  programAccounts: readonly PickableAccount[];
}

/** The businesses (own, then clients) whose requests the viewer may view or edit. */
export function useRulingBusinesses(
  data: RulingsBusinessesQuery | undefined,
  action: 'view' | 'edit',
): RulingBusiness[] {
  const me = data?.me;
  if (!me) return [];
  const all = [...(me.activeBusiness ? [me.activeBusiness] : []), ...nodes(me.actingForConnection)];
  const seen = new Set<string>();
  return all
    .filter((b) => {
      if (seen.has(b.id)) return false;
      seen.add(b.id);
      return b.viewerAccess.areas.some((a) => a.area === 'REQUESTS_AND_TRANSACTIONS' && a[action]);
    })
    .map((b) => ({
      id: b.id,
      name: b.name ?? '',
      programAccountIds: b.viewerAccess.programAccountIds,
      programAccounts: b.viewerAccess.programAccounts,
    }));
}

export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium' }).format(
    new Date(iso),
  );
}

export function formatMoney(cents: number, language: Language): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'currency',
    currency: 'CAD',
  }).format(cents / 100);
}
