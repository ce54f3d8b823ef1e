import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProgramAccountPicker } from '../../../components/program-accounts/program-account-picker';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  useFinanceAccountQuery,
  useFinanceBusinessesQuery,
  useFinanceClientQuery,
  useFinanceTransactionsQuery,
} from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { businessAccounts, formatDay, formatMoney, localDescription } from './finance-parts';

/**
 * Seed 003 §2.2 "Renseignements financiers": balance, transactions, statements and invoices of an account,
 * of the viewer's own business or, with `?business=`, of a client the viewer acts for as far as the
 * relationship allows (issue 14, defect 8; the client's page links here).
 */
export function FinancialInformationPage() {
  const { t } = useTranslation('finance');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  useDocumentTitle(tc('documentTitle', { page: t('info.title') }));
  const [params, setParams] = useSearchParams();
  const clientId = params.get('business');
  const own = useFinanceBusinessesQuery({ fetchPolicy: 'cache-and-network', skip: Boolean(clientId) });
  const client = useFinanceClientQuery({
    variables: { businessId: clientId ?? '' },
    fetchPolicy: 'cache-and-network',
    skip: !clientId,
  });
  const { data, loading, error } = clientId ? client : own;
  const business = clientId ? client.data?.business : own.data?.me?.activeBusiness;
  const accounts = businessAccounts(business, 'view');
  const ids = accounts.map((a) => a.id);
  const requested = params.get('account');
  const accountId = requested && ids.includes(requested) ? requested : (ids[0] ?? '');
  // Applying a credit is on the viewer's own accounts only (the payments page knows no client).
  const canEdit = !clientId && businessAccounts(business, 'edit').some((a) => a.id === accountId);
  const areaView = (area: string) =>
    business?.viewerAccess.areas.some((a) => a.area === area && a.view) ?? false;
  const clientQuery = clientId ? `?business=${encodeURIComponent(clientId)}` : '';

  return (
    <>
      <GcdsHeading tag="h1">{t('info.title')}</GcdsHeading>
      {clientId && business ? (
        <GcdsText>
          {t('info.forClient', { name: business.name })}{' '}
          <GcdsLink href={`/${language}/clients/${encodeURIComponent(clientId)}`}>
            {t('info.backToClient')}
          </GcdsLink>
        </GcdsText>
      ) : null}
      {clientId && data && !business ? <GcdsText>{t('info.notYourClient')}</GcdsText> : null}
      <GcdsText>{t('info.intro')}</GcdsText>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && ids.length === 0 ? <GcdsText>{t('common.noAccount')}</GcdsText> : null}
      {ids.length > 1 ? (
        <ProgramAccountPicker
          label={t('common.account')}
          accounts={accounts}
          value={accountId}
          onChange={(value) =>
            setParams({ ...(clientId ? { business: clientId } : {}), ...(value ? { account: value } : {}) })
          }
        />
      ) : null}
      {/* PAD is for the viewer's own business only, never a provider's (seed 003 §3.2). */}
      {data && (areaView('FINANCIAL_SECURITY') || (!clientId && areaView('PAD'))) ? (
        <ul aria-label={t('info.related')}>
          {areaView('FINANCIAL_SECURITY') ? (
            <li>
              <GcdsLink href={`/${language}/finance/security${clientQuery}`}>{t('info.security')}</GcdsLink>
            </li>
          ) : null}
          {!clientId && areaView('PAD') ? (
            <li>
              <GcdsLink href={`/${language}/finance/pad`}>{t('info.pad')}</GcdsLink>
            </li>
          ) : null}
        </ul>
      ) : null}
      {accountId ? (
        <>
          {canEdit ? (
            <div className="button-group">
              <GcdsButton type="link" href={`/${language}/finance/payments?account=${accountId}`}>
                {t('info.payments')}
              </GcdsButton>
            </div>
          ) : null}
          {/* Keyed by account (decision 0019): each account's queries get their own components. Siblings
              need keys of their own: with one shared key React kept the old account's figures on screen. */}
          <AccountSummary key={`summary:${accountId}`} accountId={accountId} />
          <TransactionsTable key={`transactions:${accountId}`} accountId={accountId} />
        </>
      ) : null}
    </>
  );
}

function AccountSummary({ accountId }: { accountId: string }) {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  const { data, loading, error } = useFinanceAccountQuery({
    variables: { id: accountId },
    fetchPolicy: 'cache-and-network',
  });
  const account = data?.programAccount;
  if (!data && loading) return <PageLoading />;
  if (!account) return error ? <PageLoadError /> : null;
  const money = (cents: number) => formatMoney(cents, language);
  return (
    <>
      {account.balance ? (
        <section aria-labelledby="finance-balance">
          <GcdsHeading tag="h2" id="finance-balance">
            {t('info.balance.title')}
          </GcdsHeading>
          <dl className="review-list">
            <dt>{t('info.balance.balance')}</dt>
            <dd>{money(account.balance.balanceCents)}</dd>
            <dt>{t('info.balance.owing')}</dt>
            <dd>{money(account.balance.amountOwingCents)}</dd>
            <dt>{t('info.balance.credit')}</dt>
            <dd>{money(account.balance.availableCreditCents)}</dd>
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="finance-statements">
        <GcdsHeading tag="h2" id="finance-statements">
          {t('info.statements.title')}
        </GcdsHeading>
        {account.statements && account.statements.totalCount > 0 ? (
          <table className="data-table">
            <caption>{t('info.statements.caption', { count: account.statements.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('info.statements.date')}</th>
                <th scope="col">{t('info.statements.period')}</th>
                <th scope="col">{t('info.statements.balance')}</th>
                <th scope="col">{t('info.statements.amountDue')}</th>
                <th scope="col">{t('info.statements.dueDate')}</th>
              </tr>
            </thead>
            <tbody>
              {account.statements.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{formatDay(node.statementDate, language)}</td>
                  <td>
                    {formatDay(node.periodStart, language)} – {formatDay(node.periodEnd, language)}
                  </td>
                  <td>{money(node.balanceCents)}</td>
                  <td>{money(node.amountDueCents)}</td>
                  <td>{formatDay(node.dueDate, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <GcdsText>{t('info.statements.empty')}</GcdsText>
        )}
      </section>
      <section aria-labelledby="finance-invoices">
        <GcdsHeading tag="h2" id="finance-invoices">
          {t('info.invoices.title')}
        </GcdsHeading>
        {account.invoices && account.invoices.totalCount > 0 ? (
          <table className="data-table">
            <caption>{t('info.invoices.caption', { count: account.invoices.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('info.invoices.number')}</th>
                <th scope="col">{t('info.invoices.date')}</th>
                <th scope="col">{t('info.invoices.description')}</th>
                <th scope="col">{t('info.invoices.amount')}</th>
                <th scope="col">{t('info.invoices.dueDate')}</th>
                <th scope="col">{t('info.invoices.status')}</th>
              </tr>
            </thead>
            <tbody>
              {account.invoices.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{node.invoiceNumber}</td>
                  <td>{formatDay(node.invoiceDate, language)}</td>
                  <td>{localDescription(node, language)}</td>
                  <td>{money(node.amountCents)}</td>
                  <td>{formatDay(node.dueDate, language)}</td>
                  <td>{t(`common.statuses.${node.status}`, { defaultValue: node.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <GcdsText>{t('info.invoices.empty')}</GcdsText>
        )}
      </section>
    </>
  );
}

function TransactionsTable({ accountId }: { accountId: string }) {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  const [after, setAfter] = useState<string[]>([]);
  const cursor = after.at(-1) ?? null;
  const { data, loading, error } = useFinanceTransactionsQuery({
    variables: { id: accountId, first: 20, after: cursor },
    fetchPolicy: 'cache-and-network',
  });
  const transactions = data?.programAccount?.transactions;
  return (
    <section aria-labelledby="finance-transactions">
      <GcdsHeading tag="h2" id="finance-transactions">
        {t('info.transactions.title')}
      </GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!transactions && error ? <PageLoadError /> : null}
      {transactions && transactions.totalCount === 0 ? (
        <GcdsText>{t('info.transactions.empty')}</GcdsText>
      ) : null}
      {transactions && transactions.totalCount > 0 ? (
        <>
          <table className="data-table">
            <caption>{t('info.transactions.caption', { count: transactions.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('info.transactions.date')}</th>
                <th scope="col">{t('info.transactions.number')}</th>
                <th scope="col">{t('info.transactions.description')}</th>
                <th scope="col">{t('info.transactions.amount')}</th>
                <th scope="col">{t('info.transactions.status')}</th>
              </tr>
            </thead>
            <tbody>
              {transactions.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{formatDay(node.transactionDate, language)}</td>
                  <td>
                    <span>{node.transactionNumber}</span>
                    {/* Only where the server's claim rules allow one today (docs/claims.md): a posted or paid
                        declaration within the time limit, never an interest charge or a penalty. */}
                    {node.claimable ? (
                      <>
                        {' '}
                        <GcdsLink
                          href={`/${language}/claims/new?transaction=${encodeURIComponent(node.id)}`}
                          aria-label={t('info.fileClaimOn', { number: node.transactionNumber })}
                        >
                          {t('info.fileClaim')}
                        </GcdsLink>
                      </>
                    ) : null}
                  </td>
                  <td>{localDescription(node, language)}</td>
                  <td>{formatMoney(node.amountCents, language)}</td>
                  <td>{t(`common.statuses.${node.status}`, { defaultValue: node.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {transactions.pageInfo.hasNextPage && transactions.pageInfo.endCursor ? (
            <GcdsButton
              type="button"
              buttonRole="secondary"
              disabled={loading}
              onClick={() => {
                const next = transactions.pageInfo.endCursor;
                if (next) setAfter((list) => [...list, next]);
              }}
            >
              {t('common.more')}
            </GcdsButton>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
