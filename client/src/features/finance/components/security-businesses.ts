import { type SecurityBusinessesQuery } from '../../../generated/graphql';
import { type PickableAccount } from '../../../components/program-accounts/program-account-picker';
import { nodes } from '../../../lib/connections';

// Apart from the financial security page so that the home's indicators and the program account's links read
// it without loading that page, its form fields and GcdsSelect (24 kB gzip on the home's first load).

export interface SecurityBusiness {
  id: string;
  name: string;
  canEdit: boolean;
  accounts: readonly PickableAccount[];
}

/**
 * The businesses (own, then clients) whose financial security the viewer may view. Seed 003 §3.2: a
 * provider under business management views and edits it; under program management it is not available,
 * so such a client is not listed at all.
 */
export function securityBusinesses(data: SecurityBusinessesQuery | undefined): SecurityBusiness[] {
  const me = data?.me;
  if (!me) return [];
  const seen = new Set<string>();
  const result: SecurityBusiness[] = [];
  for (const business of [
    ...(me.activeBusiness ? [me.activeBusiness] : []),
    ...nodes(me.actingForConnection),
  ]) {
    if (seen.has(business.id)) continue;
    seen.add(business.id);
    const area = business.viewerAccess.areas.find((a) => a.area === 'FINANCIAL_SECURITY');
    if (!area?.view) continue;
    result.push({
      id: business.id,
      name: business.name ?? '',
      canEdit: area.edit,
      accounts: business.viewerAccess.programAccounts,
    });
  }
  return result;
}
