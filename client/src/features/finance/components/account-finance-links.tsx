import { GcdsHeading, GcdsLink } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useFinanceBusinessesQuery, useSecurityBusinessesQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { financeAccountIds } from './finance-parts';
import { securityBusinesses } from './security-businesses';

/**
 * On a program account's profile: links to its finances, each shown only when the viewer has access to
 * that area for this account (PAD for the viewer's own business only, never through a relationship).
 */
export function AccountFinanceLinks({ accountId }: { accountId: string }) {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  const finance = useFinanceBusinessesQuery({ fetchPolicy: 'cache-and-network' }).data;
  const security = useSecurityBusinessesQuery({ fetchPolicy: 'cache-and-network' }).data;
  const query = `account=${encodeURIComponent(accountId)}`;
  const links: Array<{ href: string; label: string }> = [];
  if (financeAccountIds(finance, 'view').includes(accountId))
    links.push({ href: `/${language}/finance?${query}`, label: t('info.title') });
  const holder = securityBusinesses(security).find((b) => b.accounts.some((a) => a.id === accountId));
  if (holder)
    links.push({
      href: `/${language}/finance/security?business=${encodeURIComponent(holder.id)}&${query}`,
      label: t('info.security'),
    });
  // Claims and repayments are requests and transactions (docs/claims.md), as the finances page is.
  if (financeAccountIds(finance, 'view').includes(accountId))
    links.push({
      href: `/${language}/claims/accounts/${encodeURIComponent(accountId)}`,
      label: t('info.claims'),
    });
  if (financeAccountIds(finance, 'view', 'PAD').includes(accountId))
    links.push({ href: `/${language}/finance/pad?${query}`, label: t('info.pad') });
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="account-finances">
      <GcdsHeading tag="h2" id="account-finances">
        {t('account.title')}
      </GcdsHeading>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <GcdsLink href={link.href}>{link.label}</GcdsLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
