import { GcdsButton, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SelectField, TextAreaField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { ProgramAccountPicker } from '../../../components/program-accounts/program-account-picker';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type RulingType, useRulingsBusinessesQuery } from '../../../generated/graphql';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/user-errors';
import { useLanguage } from '../../../lib/use-language';
import { useRequestRuling } from '../hooks/use-request-ruling';
import { useRulingBusinesses } from './rulings-parts';

const fields = ['programAccountId', 'type', 'goodsDescription', 'tariffClassification', 'questions'] as const;
const types: RulingType[] = ['TARIFF_CLASSIFICATION', 'ORIGIN', 'VALUATION'];

/** Seed 003 §2.2: request a new ruling (type, goods description, tariff classification, questions). */
export function RequestRulingPage() {
  const { t } = useTranslation('rulings');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const navigate = useNavigate();
  useDocumentTitle(tc('documentTitle', { page: t('request.title') }));
  const [params] = useSearchParams();
  const { data, loading, error } = useRulingsBusinessesQuery({ fetchPolicy: 'cache-and-network' });
  const businesses = useRulingBusinesses(data, 'edit');
  const business = businesses.find((b) => b.id === params.get('business')) ?? businesses[0];
  const [values, setValues] = useState<Record<(typeof fields)[number], string>>({
    programAccountId: '',
    type: '',
    goodsDescription: '',
    tariffClassification: '',
    questions: '',
  });
  // Every refusal has a field: one the server names, else the program account.
  const form = useMutationForm({ fields, mapErrors: (userErrors) => fieldErrorsOf(userErrors, fields) });
  const { errors, focusKey, unsent } = form;
  const { requestRuling, loading: saving } = useRequestRuling();
  const set = (field: (typeof fields)[number]) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {
      programAccountId: values.programAccountId ? undefined : t('request.errors.account'),
      type: values.type ? undefined : t('request.errors.type'),
      goodsDescription: values.goodsDescription.trim() ? undefined : t('request.errors.goodsDescription'),
      questions: values.questions.trim() ? undefined : t('request.errors.questions'),
    };
    await form.submit({
      local,
      send: () =>
        requestRuling({
          programAccountId: values.programAccountId,
          type: values.type as RulingType,
          goodsDescription: values.goodsDescription,
          tariffClassification: values.tariffClassification.trim() || null,
          questions: values.questions,
        }),
      succeeded: (payload) => Boolean(payload.ruling),
      onSuccess: (payload) => navigate(`/${language}/rulings/${payload.ruling!.id}`),
    });
  };

  return (
    <>
      <GcdsHeading tag="h1">{t('request.title')}</GcdsHeading>
      <GcdsText>{t('request.intro')}</GcdsText>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && (!business || business.programAccountIds.length === 0) ? (
        <GcdsText>{t('request.noAccount')}</GcdsText>
      ) : null}
      {business && business.programAccountIds.length > 0 ? (
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
          {unsent ? <PageLoadError kind="submit" /> : null}
          <ProgramAccountPicker
            label={t('request.account')}
            placeholder={t('request.accountPlaceholder')}
            required
            accounts={business.programAccounts}
            value={values.programAccountId}
            error={errors.programAccountId}
            onChange={set('programAccountId')}
          />
          <SelectField
            name="type"
            label={t('request.type')}
            placeholder={t('request.typePlaceholder')}
            required
            value={values.type}
            error={errors.type}
            options={types.map((type) => ({ value: type, label: t(`types.${type}`) }))}
            onChange={set('type')}
          />
          <TextAreaField
            name="goodsDescription"
            label={t('request.goodsDescription')}
            required
            maxLength={2000}
            value={values.goodsDescription}
            error={errors.goodsDescription}
            onChange={set('goodsDescription')}
          />
          <TextField
            name="tariffClassification"
            label={t('request.tariffClassification')}
            hint={t('request.tariffClassificationHint')}
            value={values.tariffClassification}
            error={errors.tariffClassification}
            onChange={set('tariffClassification')}
          />
          <TextAreaField
            name="questions"
            label={t('request.questions')}
            required
            maxLength={2000}
            value={values.questions}
            error={errors.questions}
            onChange={set('questions')}
          />
          <div className="button-group">
            <GcdsButton type="submit" disabled={saving}>
              {t('request.submit')}
            </GcdsButton>
            <GcdsButton type="link" buttonRole="secondary" href={`/${language}/rulings`}>
              {t('request.cancel')}
            </GcdsButton>
          </div>
        </form>
      ) : null}
    </>
  );
}
