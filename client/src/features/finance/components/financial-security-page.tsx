import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RadioField, SelectField, TextAreaField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { ProgramAccountPicker } from '../../../components/program-accounts/program-account-picker';
import {
  type FinancialSecurityQuery,
  type SecurityType,
  useFinancialSecurityQuery,
  useSecurityBusinessesQuery,
} from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { thrownError } from '../../../lib/graphql-errors';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/user-errors';
import { useSubmitFinancialSecurityChange } from '../hooks/use-submit-financial-security-change';
import { useLanguage } from '../../../lib/use-language';
import { formatDay, formatMoney } from './finance-parts';
import { securityBusinesses } from './security-businesses';
import { parseDollars, securityLimits, securityProblems, type SecurityValues } from './finance-rules';

const fields = [
  'type',
  'amountCents',
  'provider',
  'reference',
  'effectiveDate',
  'expiryDate',
  'reason',
] as const;
const types: SecurityType[] = ['SURETY_BOND', 'CASH_DEPOSIT'];

/** Financial security is held for importer (RM) program accounts only (NOT_AN_RM_ACCOUNT otherwise). */
const isImporterAccount = (accountNumber: string) => /RM\d{4}$/.test(accountNumber);

/** Seed 003 §3.2 "sécurité financière": the surety bond or cash deposit on file, and changes to it. */
export function FinancialSecurityPage() {
  const { t } = useTranslation('finance');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('security.title') }));
  const [params, setParams] = useSearchParams();
  const { data, loading, error } = useSecurityBusinessesQuery({ fetchPolicy: 'cache-and-network' });
  const businesses = securityBusinesses(data);
  const business = businesses.find((b) => b.id === params.get('business')) ?? businesses[0];
  const accounts = business?.accounts.filter((a) => isImporterAccount(a.accountNumber)) ?? [];
  const account = accounts.find((a) => a.id === params.get('account')) ?? accounts[0];
  const choose = (next: { business?: string; account?: string }) => {
    const entries = Object.entries({ business: business?.id, account: account?.id, ...next }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    );
    setParams(Object.fromEntries(entries));
  };

  return (
    <>
      <GcdsHeading tag="h1">{t('security.title')}</GcdsHeading>
      <GcdsText>{t('security.intro')}</GcdsText>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && businesses.length === 0 ? <GcdsText>{t('security.noAccess')}</GcdsText> : null}
      {businesses.length > 1 ? (
        <SelectField
          name="business"
          label={t('security.business')}
          placeholder=""
          value={business?.id ?? ''}
          options={businesses.map((b) => ({ value: b.id, label: b.name }))}
          onChange={(value) => choose({ business: value, account: '' })}
        />
      ) : null}
      {business && accounts.length === 0 ? <GcdsText>{t('security.noImporterAccount')}</GcdsText> : null}
      {accounts.length > 1 ? (
        <ProgramAccountPicker
          label={t('common.account')}
          accounts={accounts}
          value={account?.id ?? ''}
          onChange={(value) => choose({ account: value })}
        />
      ) : null}
      {business && account ? (
        <SecurityOfAccount key={account.id} accountId={account.id} canEdit={business.canEdit} />
      ) : null}
    </>
  );
}

type Account = NonNullable<FinancialSecurityQuery['programAccount']>;

function SecurityOfAccount({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  // A FORBIDDEN field (the access changed since the list was read) is a message, never a crash.
  const { data, loading, error } = useFinancialSecurityQuery({
    variables: { id: accountId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const [submitted, setSubmitted] = useState(false);
  const account = data?.programAccount;
  const forbidden = Boolean(thrownError(error, 'FORBIDDEN'));
  if (!data && loading) return <PageLoading />;
  if (forbidden || (data && !account)) return <GcdsText>{t('security.noAccess')}</GcdsText>;
  if (!account) return error ? <PageLoadError /> : null;
  const security = account.financialSecurity;
  const changes = account.financialSecurityChanges ?? [];

  return (
    <>
      {submitted ? (
        <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={t('security.successTitle')}>
          <GcdsText>{t('security.success')}</GcdsText>
        </GcdsNotice>
      ) : null}
      <section aria-labelledby="security-on-file">
        <GcdsHeading tag="h2" id="security-on-file">
          {t('security.onFile', { accountNumber: account.accountNumber ?? '' })}
        </GcdsHeading>
        {security ? (
          <dl className="review-list">
            <dt>{t('security.fields.type')}</dt>
            <dd>{t(`security.types.${security.type}`)}</dd>
            <dt>{t('security.fields.amount')}</dt>
            <dd>{formatMoney(security.amountCents, language)}</dd>
            <dt>{t(`security.providerLabel.${security.type}`)}</dt>
            <dd>{security.provider}</dd>
            <dt>{t('security.fields.reference')}</dt>
            <dd>{security.reference ?? t('security.none')}</dd>
            <dt>{t('security.fields.effectiveDate')}</dt>
            <dd>{formatDay(security.effectiveDate, language)}</dd>
            <dt>{t('security.fields.expiryDate')}</dt>
            <dd>{security.expiryDate ? formatDay(security.expiryDate, language) : t('security.noExpiry')}</dd>
          </dl>
        ) : (
          <GcdsText>{t('security.noSecurity')}</GcdsText>
        )}
      </section>
      <ChangesTable changes={changes} />
      {canEdit ? (
        <SecurityChangeForm
          account={account}
          onSubmitted={() => setSubmitted(true)}
          onEditing={() => setSubmitted(false)}
        />
      ) : (
        <GcdsText>{t('security.readOnly')}</GcdsText>
      )}
    </>
  );
}

function ChangesTable({ changes }: { changes: NonNullable<Account['financialSecurityChanges']> }) {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  return (
    <section aria-labelledby="security-changes">
      <GcdsHeading tag="h2" id="security-changes">
        {t('security.changes.title')}
      </GcdsHeading>
      {changes.length === 0 ? (
        <GcdsText>{t('security.changes.empty')}</GcdsText>
      ) : (
        <table className="data-table">
          <caption>{t('security.changes.caption', { count: changes.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('security.changes.submittedAt')}</th>
              <th scope="col">{t('security.fields.type')}</th>
              <th scope="col">{t('security.fields.amount')}</th>
              <th scope="col">{t('security.fields.provider')}</th>
              <th scope="col">{t('security.fields.effectiveDate')}</th>
              <th scope="col">{t('security.changes.submittedBy')}</th>
              <th scope="col">{t('security.changes.status')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.id}>
                <td>{formatDateTime(change.submittedAt, language)}</td>
                <td>{t(`security.types.${change.type}`)}</td>
                <td>{formatMoney(change.amountCents, language)}</td>
                <td>{change.provider}</td>
                <td>{formatDay(change.effectiveDate, language)}</td>
                <td>{change.submittedBy.name}</td>
                <td>{t(`security.statuses.${change.status}`, { defaultValue: change.status })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Cents as the amount field shows them: 25000.00, or 25000,00 in French (either mark is read back). */
const dollars = (cents: number, language: string) => {
  const text = (cents / 100).toFixed(2);
  return language === 'fr' ? text.replace('.', ',') : text;
};

function SecurityChangeForm({
  account,
  onSubmitted,
  onEditing,
}: {
  account: Account;
  onSubmitted: () => void;
  onEditing: () => void;
}) {
  const { t } = useTranslation('finance');
  const language = useLanguage();
  const security = account.financialSecurity;
  // The request starts from what is on file: most changes are to the amount or the dates.
  const initial: SecurityValues = {
    type: security?.type ?? '',
    amount: security ? dollars(security.amountCents, language) : '',
    provider: security?.provider ?? '',
    reference: security?.reference ?? '',
    effectiveDate: '',
    expiryDate: '',
    reason: '',
  };
  const [values, setValues] = useState<SecurityValues>(initial);
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) => fieldErrorsOf(userErrors, fields),
  });
  const { errors, focusKey, unsent: failed } = form;
  const { submitFinancialSecurityChange, loading: saving } = useSubmitFinancialSecurityChange();
  const set = (field: keyof SecurityValues) => (value: string) => {
    onEditing();
    setValues((v) => ({ ...v, [field]: value }));
  };
  const limits = { max: securityLimits.referenceMax };

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const problems = securityProblems(values);
    const local: FieldErrors = Object.fromEntries(
      Object.entries(problems).flatMap(([field, problem]) =>
        problem
          ? [
              [
                field,
                t(`security.errors.${problem}`, {
                  ...limits,
                  providerMax: securityLimits.providerMax,
                  reasonMax: securityLimits.reasonMax,
                  amountMax: formatMoney(securityLimits.amountMaxCents, language),
                }),
              ],
            ]
          : [],
      ),
    );
    await form.submit({
      local,
      send: () =>
        submitFinancialSecurityChange({
          programAccountId: account.id,
          type: values.type as SecurityType,
          amountCents: parseDollars(values.amount) ?? 0,
          provider: values.provider.trim(),
          reference: values.reference.trim() || null,
          effectiveDate: values.effectiveDate.trim(),
          expiryDate: values.expiryDate.trim() || null,
          reason: values.reason.trim(),
        }),
      succeeded: (payload) => Boolean(payload.change),
      onSuccess: () => {
        form.clear();
        setValues({ ...initial, effectiveDate: '', expiryDate: '', reason: '' });
        onSubmitted();
      },
    });
  };

  return (
    <section aria-labelledby="security-change">
      <GcdsHeading tag="h2" id="security-change">
        {t('security.form.title')}
      </GcdsHeading>
      <GcdsText>{t('security.form.intro')}</GcdsText>
      {failed ? <PageLoadError kind="submit" /> : null}
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        <RadioField
          name="type"
          label={t('security.fields.type')}
          required
          value={values.type}
          error={errors.type}
          options={types.map((type) => ({ value: type, label: t(`security.types.${type}`) }))}
          onChange={set('type')}
        />
        <TextField
          name="amountCents"
          label={t('security.form.amount')}
          hint={t('security.form.amountHint')}
          required
          inputmode="text"
          value={values.amount}
          error={errors.amountCents}
          onChange={set('amount')}
        />
        <TextField
          name="provider"
          label={t('security.form.provider')}
          hint={t('security.form.providerHint')}
          required
          value={values.provider}
          error={errors.provider}
          onChange={set('provider')}
        />
        <TextField
          name="reference"
          label={t('security.form.reference')}
          hint={t('security.form.referenceHint', limits)}
          value={values.reference}
          error={errors.reference}
          onChange={set('reference')}
        />
        <TextField
          name="effectiveDate"
          label={t('security.fields.effectiveDate')}
          hint={t('security.form.dateHint')}
          required
          value={values.effectiveDate}
          error={errors.effectiveDate}
          onChange={set('effectiveDate')}
        />
        <TextField
          name="expiryDate"
          label={t('security.fields.expiryDate')}
          hint={t('security.form.expiryHint')}
          value={values.expiryDate}
          error={errors.expiryDate}
          onChange={set('expiryDate')}
        />
        <TextAreaField
          name="reason"
          label={t('security.form.reason')}
          required
          maxLength={securityLimits.reasonMax}
          value={values.reason}
          error={errors.reason}
          onChange={set('reason')}
        />
        <div className="button-group">
          <GcdsButton type="submit" disabled={saving}>
            {t('security.form.submit')}
          </GcdsButton>
        </div>
      </form>
    </section>
  );
}
