import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ChecklistField, SelectField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { ProgramAccountPicker } from '../../../components/program-accounts/program-account-picker';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type FinanceTransactionFieldsFragment,
  useFinanceBusinessesQuery,
  useFinanceTransactionsQuery,
} from '../../../generated/graphql';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/user-errors';
import { useApplyCredit } from '../hooks/use-apply-credit';
import { useLanguage } from '../../../lib/use-language';
import { financeAccounts, formatDay, formatMoney } from './finance-parts';

const fields = ['creditTransactionId', 'allocations'] as const;
/** Transactions read per page: the credit and the transactions to pay may be anywhere in the history. */
export const transactionsPageSize = 50;

/** What each ticked transaction gets, in the order shown: all it owes, or what is left of the credit. */
export function allocate(
  creditCents: number,
  targets: readonly Pick<FinanceTransactionFieldsFragment, 'id' | 'remainingCents'>[],
): { allocations: { transactionId: string; amountCents: number }[]; leftCents: number } {
  let left = creditCents;
  const allocations = targets.map((target) => {
    const amountCents = Math.min(target.remainingCents, left);
    left -= amountCents;
    return { transactionId: target.id, amountCents };
  });
  return { allocations, leftCents: left };
}

/** Seed 003 §2.2 "Paiements": apply a credit of a program account to transactions of the same account. */
export function ApplyCreditPage() {
  const { t } = useTranslation('finance');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('payments.title') }));
  const [params, setParams] = useSearchParams();
  const { data, loading, error } = useFinanceBusinessesQuery({ fetchPolicy: 'cache-and-network' });
  const accounts = financeAccounts(data, 'edit');
  const ids = accounts.map((a) => a.id);
  const requested = params.get('account');
  const accountId = requested && ids.includes(requested) ? requested : (ids[0] ?? '');

  return (
    <>
      <GcdsHeading tag="h1">{t('payments.title')}</GcdsHeading>
      <GcdsText>{t('payments.intro')}</GcdsText>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && ids.length === 0 ? <GcdsText>{t('common.noAccount')}</GcdsText> : null}
      {ids.length > 1 ? (
        <ProgramAccountPicker
          label={t('common.account')}
          accounts={accounts}
          value={accountId}
          onChange={(value) => setParams(value ? { account: value } : {})}
        />
      ) : null}
      {accountId ? <ApplyCreditForm key={accountId} accountId={accountId} /> : null}
    </>
  );
}

function ApplyCreditForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  const money = (cents: number) => formatMoney(cents, language);
  const { data, loading, error, fetchMore } = useFinanceTransactionsQuery({
    variables: { id: accountId, first: transactionsPageSize },
    fetchPolicy: 'cache-and-network',
  });
  const [fetchingMore, setFetchingMore] = useState(false);
  const [creditId, setCreditId] = useState('');
  const [ticked, setTicked] = useState<readonly string[]>([]);
  // An error about one allocation (["input", "allocations", "0", "amountCents"]) belongs to the list.
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) =>
      fieldErrorsOf(
        userErrors.map((e) => ({ ...e, field: e.field.slice(0, 2) })),
        fields,
        'allocations',
      ),
  });
  const { errors, focusKey, unsent } = form;
  const [done, setDone] = useState<number | null>(null);
  const { applyCredit, loading: saving } = useApplyCredit();

  const transactions = data?.programAccount?.transactions;
  const nodes = transactions?.edges.map((e) => e.node) ?? [];
  const credits = nodes.filter((n) => n.isApplicableCredit);
  const payable = nodes.filter((n) => n.isPayable);
  const credit = credits.find((c) => c.id === creditId);
  const targets = payable.filter((p) => ticked.includes(p.id));
  const plan = allocate(credit?.remainingCents ?? 0, targets);

  if (!data && loading) return <PageLoading />;
  if (!data) return error ? <PageLoadError /> : null;

  // The next page of the keyset connection, added under the ones shown (ticks and the credit stay).
  const loadMore = () => {
    const after = transactions?.pageInfo.endCursor;
    if (!after) return;
    setFetchingMore(true);
    void fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) => {
        const before = previous.programAccount?.transactions;
        const more = fetchMoreResult.programAccount?.transactions;
        if (!previous.programAccount || !before || !more) return previous;
        return {
          programAccount: {
            ...previous.programAccount,
            transactions: { ...more, edges: [...before.edges, ...more.edges] },
          },
        };
      },
    })
      .catch(() => undefined)
      .finally(() => setFetchingMore(false));
  };
  const morePages = transactions?.pageInfo.hasNextPage ? (
    <div className="button-group">
      <GcdsText role="status">
        {t('payments.shown', { shown: nodes.length, total: transactions.totalCount })}
      </GcdsText>
      <GcdsButton type="button" buttonRole="secondary" disabled={fetchingMore} onClick={loadMore}>
        {t('payments.more')}
      </GcdsButton>
    </div>
  ) : null;

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setDone(null);
    const local: FieldErrors = {
      creditTransactionId: credit ? undefined : t('payments.errors.credit'),
      allocations:
        targets.length === 0
          ? t('payments.errors.allocations')
          : credit && plan.allocations.some((a) => a.amountCents < 1)
            ? t('payments.errors.exhausted')
            : undefined,
    };
    await form.submit({
      // Without a credit the local check refuses already: nothing is sent.
      local,
      send: () =>
        applyCredit({
          programAccountId: accountId,
          creditTransactionId: credit?.id ?? '',
          allocations: plan.allocations,
        }),
      succeeded: (payload) => payload.userErrors.length === 0,
      onSuccess: (payload) => {
        form.clear();
        setTicked([]);
        setCreditId('');
        setDone(payload.credit?.remainingCents ?? plan.leftCents);
      },
    });
  };

  return (
    <>
      {done !== null ? (
        <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={t('payments.successTitle')}>
          <GcdsText>{t('payments.success', { amount: money(done) })}</GcdsText>
        </GcdsNotice>
      ) : null}
      {credits.length === 0 ? (
        <GcdsText>{t(morePages ? 'payments.noCreditShown' : 'payments.noCredit')}</GcdsText>
      ) : null}
      {credits.length > 0 && payable.length === 0 ? (
        <GcdsText>{t(morePages ? 'payments.noPayableShown' : 'payments.noPayable')}</GcdsText>
      ) : null}
      {credits.length === 0 || payable.length === 0 ? morePages : null}
      {credits.length > 0 && payable.length > 0 ? (
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
          {unsent ? <PageLoadError kind="submit" /> : null}
          <SelectField
            key={credits.map((c) => `${c.id}:${c.remainingCents}`).join(',')}
            name="creditTransactionId"
            label={t('payments.credit')}
            placeholder={t('payments.creditPlaceholder')}
            required
            value={creditId}
            error={errors.creditTransactionId}
            options={credits.map((c) => ({
              value: c.id,
              label: t('payments.creditOption', {
                number: c.transactionNumber,
                amount: money(c.remainingCents),
              }),
            }))}
            onChange={setCreditId}
          />
          {/* GCDS checks its old inputs when options change in place: a new list is a new group. */}
          <ChecklistField
            key={payable.map((p) => `${p.id}:${p.remainingCents}`).join(',')}
            name="allocations"
            label={t('payments.allocations')}
            hint={t('payments.allocationsHint')}
            required
            values={ticked}
            error={errors.allocations}
            options={payable.map((p) => ({
              value: p.id,
              label: t('payments.payOption', {
                number: p.transactionNumber,
                date: formatDay(p.transactionDate, language),
                amount: money(p.remainingCents),
              }),
            }))}
            onChange={setTicked}
          />
          {morePages}
          {credit ? (
            <GcdsText role="status">{t('payments.remaining', { amount: money(plan.leftCents) })}</GcdsText>
          ) : null}
          <div className="button-group">
            <GcdsButton type="submit" disabled={saving}>
              {t('payments.submit')}
            </GcdsButton>
            <GcdsButton type="link" buttonRole="secondary" href={`/${language}/finance?account=${accountId}`}>
              {t('payments.cancel')}
            </GcdsButton>
          </div>
        </form>
      ) : null}
    </>
  );
}
