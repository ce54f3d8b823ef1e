import { GcdsLink } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useFinanceBusinessesQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { financeAccountIds } from './finance-parts';

/**
 * The home page's "Most requested" links to the financial security and PAD pages. The PAD link shows
 * only to a viewer with PAD access to their own business: a service provider never gets one (seed 003
 * §3.2), and the page itself lists the viewer's own business only.
 */
export function FinanceHomeLinks() {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  const { data } = useFinanceBusinessesQuery({ fetchPolicy: 'cache-and-network' });
  const pad = financeAccountIds(data, 'view', 'PAD').length > 0;
  return (
    <>
      <li>
        <GcdsLink href={`/${language}/finance/security`}>{t('home.security')}</GcdsLink>
      </li>
      {pad ? (
        <li>
          <GcdsLink href={`/${language}/finance/pad`}>{t('home.pad')}</GcdsLink>
        </li>
      ) : null}
    </>
  );
}
