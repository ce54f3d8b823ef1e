import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CheckboxField, SelectField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { ProgramAccountPicker } from '../../../components/program-accounts/program-account-picker';
import {
  type PadAgreementFieldsFragment,
  useCancelPadAgreementMutation,
  useFinanceBusinessesQuery,
  usePadAgreementsQuery,
} from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { thrownError } from '../../../lib/graphql-errors';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/user-errors';
import { useCreatePadAgreement } from '../hooks/use-create-pad-agreement';
import { useLanguage } from '../../../lib/use-language';
import { financeAccounts } from './finance-parts';
import { padLimits, padProblems, type PadValues } from './finance-rules';
import { nodes } from '../../../lib/connections';

const fields = [
  'accountHolder',
  'institutionNumber',
  'transitNumber',
  'accountNumber',
  'debitDay',
  'acceptTerms',
] as const;

const emptyValues: PadValues = {
  accountHolder: '',
  institutionNumber: '',
  transitNumber: '',
  accountNumber: '',
  debitDay: '',
  acceptTerms: false,
};

type Outcome = { kind: 'created'; ending: string } | { kind: 'cancelled' };

/**
 * Seed 003 §2.2 "Paiements", pre-authorized debit: the monthly agreement of an account of the viewer's own
 * business. Only the active business is listed: PAD is never available to a service provider (§3.2),
 * whatever the relationship, so a client's accounts never appear here.
 */
export function PadAgreementsPage() {
  const { t } = useTranslation('finance');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('pad.title') }));
  const [params, setParams] = useSearchParams();
  const { data, loading, error } = useFinanceBusinessesQuery({ fetchPolicy: 'cache-and-network' });
  const accounts = financeAccounts(data, 'view', 'PAD').filter((a) => /RM\d{4}$/.test(a.accountNumber));
  const canEdit = financeAccounts(data, 'edit', 'PAD');
  const account = accounts.find((a) => a.id === params.get('account')) ?? accounts[0];

  return (
    <>
      <GcdsHeading tag="h1">{t('pad.title')}</GcdsHeading>
      <GcdsText>{t('pad.intro')}</GcdsText>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && accounts.length === 0 ? <GcdsText>{t('pad.noAccess')}</GcdsText> : null}
      {accounts.length > 1 ? (
        <ProgramAccountPicker
          label={t('common.account')}
          accounts={accounts}
          value={account?.id ?? ''}
          onChange={(value) => setParams(value ? { account: value } : {})}
        />
      ) : null}
      {account ? (
        <PadOfAccount
          key={account.id}
          accountId={account.id}
          canEdit={canEdit.some((a) => a.id === account.id)}
        />
      ) : null}
    </>
  );
}

function PadOfAccount({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const { t } = useTranslation('finance');
  const { data, loading, error } = usePadAgreementsQuery({
    variables: { id: accountId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const [outcome, setOutcome] = useState<Outcome>();
  const [confirming, setConfirming] = useState(false);
  const account = data?.programAccount;
  if (!data && loading) return <PageLoading />;
  if (thrownError(error, 'FORBIDDEN') || (data && !account)) return <GcdsText>{t('pad.noAccess')}</GcdsText>;
  if (!account) return error ? <PageLoadError /> : null;
  const agreements = nodes(account.padAgreementsConnection);
  const active = agreements.find((a) => a.status === 'ACTIVE');
  const past = agreements.filter((a) => a.status !== 'ACTIVE');

  return (
    <>
      {outcome ? (
        <GcdsNotice
          type="success"
          noticeTitleTag="h2"
          noticeTitle={t(`pad.${outcome.kind}.title`)}
          role="status"
        >
          <GcdsText>
            {outcome.kind === 'created'
              ? t('pad.created.body', { ending: outcome.ending })
              : t('pad.cancelled.body')}
          </GcdsText>
        </GcdsNotice>
      ) : null}
      <section aria-labelledby="pad-active">
        <GcdsHeading tag="h2" id="pad-active">
          {t('pad.active.title', { accountNumber: account.accountNumber ?? '' })}
        </GcdsHeading>
        {active ? (
          <>
            <AgreementFacts agreement={active} />
            {canEdit && !confirming ? (
              <div className="button-group">
                <GcdsButton
                  type="button"
                  buttonRole="danger"
                  onClick={() => {
                    setOutcome(undefined);
                    setConfirming(true);
                  }}
                >
                  {t('pad.cancel.button')}
                </GcdsButton>
              </div>
            ) : null}
            {canEdit && confirming ? (
              <CancelPanel
                agreement={active}
                onBack={() => setConfirming(false)}
                onDone={() => {
                  setConfirming(false);
                  setOutcome({ kind: 'cancelled' });
                }}
              />
            ) : null}
          </>
        ) : (
          <GcdsText>{t('pad.active.none')}</GcdsText>
        )}
      </section>
      {!active && canEdit ? (
        <CreatePadForm
          accountId={account.id}
          onEditing={() => setOutcome(undefined)}
          onCreated={(ending) => setOutcome({ kind: 'created', ending })}
        />
      ) : null}
      {!canEdit ? <GcdsText>{t('pad.readOnly')}</GcdsText> : null}
      {past.length > 0 ? <PastAgreements agreements={past} /> : null}
    </>
  );
}

function AgreementFacts({ agreement }: { agreement: PadAgreementFieldsFragment }) {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  return (
    <dl className="review-list">
      <dt>{t('pad.fields.accountHolder')}</dt>
      <dd>{agreement.accountHolder}</dd>
      <dt>{t('pad.fields.institutionNumber')}</dt>
      <dd>{agreement.institutionNumber}</dd>
      <dt>{t('pad.fields.transitNumber')}</dt>
      <dd>{agreement.maskedTransitNumber}</dd>
      <dt>{t('pad.fields.accountNumber')}</dt>
      <dd>
        {/* The dots mean nothing read aloud: say which digits they hide. */}
        <span aria-hidden="true">{agreement.maskedAccountNumber}</span>
        <span className="visually-hidden">
          {t('pad.endingIn', { ending: agreement.accountNumberEnding })}
        </span>
      </dd>
      <dt>{t('pad.fields.debitDay')}</dt>
      <dd>{t('pad.monthly', { day: agreement.debitDay })}</dd>
      <dt>{t('pad.fields.createdAt')}</dt>
      <dd>{formatDateTime(agreement.createdAt, language)}</dd>
    </dl>
  );
}

function PastAgreements({ agreements }: { agreements: readonly PadAgreementFieldsFragment[] }) {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  return (
    <section aria-labelledby="pad-past">
      <GcdsHeading tag="h2" id="pad-past">
        {t('pad.past.title')}
      </GcdsHeading>
      <table className="data-table">
        <caption>{t('pad.past.caption', { count: agreements.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pad.fields.accountNumber')}</th>
            <th scope="col">{t('pad.fields.debitDay')}</th>
            <th scope="col">{t('pad.fields.createdAt')}</th>
            <th scope="col">{t('pad.past.cancelledAt')}</th>
          </tr>
        </thead>
        <tbody>
          {agreements.map((agreement) => (
            <tr key={agreement.id}>
              <td>{t('pad.endingIn', { ending: agreement.accountNumberEnding })}</td>
              <td>{t('pad.monthly', { day: agreement.debitDay })}</td>
              <td>{formatDateTime(agreement.createdAt, language)}</td>
              <td>{agreement.cancelledAt ? formatDateTime(agreement.cancelledAt, language) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Cancelling stops the monthly debits: a confirmation step first. */
function CancelPanel({
  agreement,
  onBack,
  onDone,
}: {
  agreement: PadAgreementFieldsFragment;
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('finance');
  const [failure, setFailure] = useState<string>();
  const [cancel, { loading }] = useCancelPadAgreementMutation({
    refetchQueries: ['PadAgreements'],
    awaitRefetchQueries: true,
  });
  const confirm = async () => {
    setFailure(undefined);
    try {
      const payload = (await cancel({ variables: { padAgreementId: agreement.id } })).data
        ?.cancelPadAgreement;
      if (payload?.agreement) {
        onDone();
        return;
      }
      setFailure(payload?.userErrors.map((e) => e.message).join(' ') || t('pad.cancel.failed'));
    } catch {
      setFailure(t('pad.cancel.failed'));
    }
  };
  return (
    <section aria-labelledby="pad-cancel">
      <GcdsHeading tag="h3" id="pad-cancel">
        {t('pad.cancel.title')}
      </GcdsHeading>
      {failure ? (
        <GcdsNotice type="danger" noticeTitleTag="h4" noticeTitle={t('pad.cancel.failedTitle')} role="alert">
          <GcdsText>{failure}</GcdsText>
        </GcdsNotice>
      ) : null}
      <GcdsText>{t('pad.cancel.warning', { ending: agreement.accountNumberEnding })}</GcdsText>
      <div className="button-group">
        <GcdsButton type="button" buttonRole="danger" disabled={loading} onClick={() => void confirm()}>
          {t('pad.cancel.confirm')}
        </GcdsButton>
        <GcdsButton type="button" buttonRole="secondary" onClick={onBack}>
          {t('pad.cancel.back')}
        </GcdsButton>
      </div>
    </section>
  );
}

function CreatePadForm({
  accountId,
  onCreated,
  onEditing,
}: {
  accountId: string;
  onCreated: (ending: string) => void;
  onEditing: () => void;
}) {
  const { t } = useTranslation('finance');
  const [values, setValues] = useState<PadValues>(emptyValues);
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) => fieldErrorsOf(userErrors, fields, 'accountNumber'),
  });
  const { errors, focusKey, unsent: failed } = form;
  const { createPadAgreement, loading: saving } = useCreatePadAgreement();
  const set = (field: Exclude<keyof PadValues, 'acceptTerms'>) => (value: string) => {
    onEditing();
    setValues((v) => ({ ...v, [field]: value }));
  };
  const days = Array.from({ length: padLimits.debitDayMax - padLimits.debitDayMin + 1 }, (_, i) =>
    String(i + padLimits.debitDayMin),
  );
  const params = {
    min: padLimits.bankAccountMinDigits,
    max: padLimits.bankAccountMaxDigits,
    holderMax: padLimits.accountHolderMax,
    dayMin: padLimits.debitDayMin,
    dayMax: padLimits.debitDayMax,
  };

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const problems = padProblems(values);
    const local: FieldErrors = Object.fromEntries(
      Object.entries(problems).flatMap(([field, problem]) =>
        problem ? [[field, t(`pad.errors.${problem}`, params)]] : [],
      ),
    );
    await form.submit({
      local,
      send: () =>
        createPadAgreement({
          programAccountId: accountId,
          accountHolder: values.accountHolder.trim(),
          institutionNumber: values.institutionNumber.trim(),
          transitNumber: values.transitNumber.trim(),
          accountNumber: values.accountNumber.trim(),
          debitDay: Number(values.debitDay),
          acceptTerms: values.acceptTerms,
        }),
      succeeded: (payload) => Boolean(payload.agreement),
      onSuccess: (payload) => {
        // The full bank account number leaves the page's memory: only the server's masked copy is shown.
        setValues(emptyValues);
        form.clear();
        onCreated(payload.agreement!.accountNumberEnding);
      },
    });
  };

  return (
    <section aria-labelledby="pad-create">
      <GcdsHeading tag="h2" id="pad-create">
        {t('pad.form.title')}
      </GcdsHeading>
      <GcdsText>{t('pad.form.intro')}</GcdsText>
      {failed ? <PageLoadError kind="submit" /> : null}
      <form noValidate autoComplete="off" onSubmit={(event) => void onSubmit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        <TextField
          name="accountHolder"
          label={t('pad.fields.accountHolder')}
          required
          value={values.accountHolder}
          error={errors.accountHolder}
          onChange={set('accountHolder')}
        />
        <TextField
          name="institutionNumber"
          label={t('pad.fields.institutionNumber')}
          hint={t('pad.form.institutionHint')}
          required
          inputmode="numeric"
          size={3}
          value={values.institutionNumber}
          error={errors.institutionNumber}
          onChange={set('institutionNumber')}
        />
        <TextField
          name="transitNumber"
          label={t('pad.fields.transitNumber')}
          hint={t('pad.form.transitHint')}
          required
          inputmode="numeric"
          size={5}
          value={values.transitNumber}
          error={errors.transitNumber}
          onChange={set('transitNumber')}
        />
        <TextField
          name="accountNumber"
          label={t('pad.fields.accountNumber')}
          hint={t('pad.form.accountHint', params)}
          required
          inputmode="numeric"
          autocomplete="off"
          size={12}
          value={values.accountNumber}
          error={errors.accountNumber}
          onChange={set('accountNumber')}
        />
        <SelectField
          name="debitDay"
          label={t('pad.fields.debitDay')}
          hint={t('pad.form.debitDayHint')}
          placeholder={t('pad.form.debitDayPlaceholder')}
          required
          value={values.debitDay}
          error={errors.debitDay}
          options={days.map((day) => ({ value: day, label: t('pad.monthly', { day }) }))}
          onChange={set('debitDay')}
        />
        <CheckboxField
          name="acceptTerms"
          label={t('pad.form.terms')}
          hint={t('pad.form.termsText')}
          boxLabel={t('pad.form.acceptTerms')}
          required
          checked={values.acceptTerms}
          error={errors.acceptTerms}
          onChange={(checked) => {
            onEditing();
            setValues((v) => ({ ...v, acceptTerms: checked }));
          }}
        />
        <div className="button-group">
          <GcdsButton type="submit" disabled={saving}>
            {t('pad.form.submit')}
          </GcdsButton>
        </div>
      </form>
    </section>
  );
}
