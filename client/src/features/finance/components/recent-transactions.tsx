import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useFinanceBusinessesQuery, useRecentTransactionsQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { financeAccountIds, formatDay, formatMoney, localDescription } from './finance-parts';

/** The home page's "Recent transactions" (seed 003 §2.1): shown only to a viewer who may see some. */
export function RecentTransactions() {
  const { data } = useFinanceBusinessesQuery({ fetchPolicy: 'cache-and-network' });
  const businessId = data?.me?.activeBusiness?.id;
  if (!businessId || financeAccountIds(data, 'view').length === 0) return null;
  return <RecentTransactionsTable businessId={businessId} />;
}

function RecentTransactionsTable({ businessId }: { businessId: string }) {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  const { data } = useRecentTransactionsQuery({
    variables: { businessId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const transactions = data?.business?.recentTransactions;
  if (!transactions) return null;
  return (
    <section aria-labelledby="welcome-recent-transactions">
      <GcdsHeading tag="h2" id="welcome-recent-transactions">
        {t('home.recent')}
      </GcdsHeading>
      {transactions.length === 0 ? (
        <GcdsText>{t('home.recentEmpty')}</GcdsText>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('home.recentCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('info.transactions.date')}</th>
              <th scope="col">{t('info.transactions.description')}</th>
              <th scope="col">{t('info.transactions.amount')}</th>
              <th scope="col">{t('info.transactions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {transactions.map((tx) => (
              <tr key={tx.id}>
                <td>{formatDay(tx.transactionDate, language)}</td>
                <td>{localDescription(tx, language)}</td>
                <td>{formatMoney(tx.amountCents, language)}</td>
                <td>{t(`common.statuses.${tx.status}`, { defaultValue: tx.status })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
