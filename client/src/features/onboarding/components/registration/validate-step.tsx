import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../../components/forms/fields';
import { FormErrorSummary } from '../../../../components/forms/form-error-summary';
import { type FieldErrors } from '../../../../lib/user-errors';
import { AttemptsNotice } from './attempts-notice';
import { StepButtons } from './step-buttons';

export const validateFields = [
  'legalName',
  'address.line1',
  'address.line2',
  'address.poBoxOrRuralRoute',
  'address.country',
] as const;

export interface ValidateValues {
  legalName: string;
  line1: string;
  line2: string;
  poBoxOrRuralRoute: string;
  /** ISO 3166-1 alpha-2, '' until chosen. */
  country: string;
}

/** The countries offered, Canada and the United States first (ISO 3166-1 alpha-2). */
export const countryCodes = ['CA', 'US', 'MX', 'GB', 'FR', 'DE', 'IT', 'CN', 'JP', 'KR', 'IN', 'BR'] as const;

interface ValidateStepProps {
  businessNumber: string;
  values: ValidateValues;
  onChange: (values: ValidateValues) => void;
  attemptsRemaining: number;
  errors: FieldErrors;
  focusKey: number;
  busy: boolean;
  onSubmit: () => void;
}

/** Step 2: the legal name and one address on record, compared exactly by the server. */
export function ValidateStep({
  businessNumber,
  values,
  onChange,
  attemptsRemaining,
  errors,
  focusKey,
  busy,
  onSubmit,
}: ValidateStepProps) {
  const { t } = useTranslation('onboarding');
  const set = (field: keyof ValidateValues) => (value: string) => onChange({ ...values, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form noValidate onSubmit={submit}>
      <FormErrorSummary errors={errors} fields={validateFields} focusKey={focusKey} />
      <AttemptsNotice remaining={attemptsRemaining} />
      <GcdsText>{t('register.validate.intro', { businessNumber })}</GcdsText>
      <TextField
        name="legalName"
        label={t('register.validate.legalName')}
        hint={t('register.validate.legalNameHint')}
        autocomplete="organization"
        required
        value={values.legalName}
        onChange={set('legalName')}
        error={errors.legalName}
      />
      <GcdsHeading tag="h3">{t('register.validate.addressHeading')}</GcdsHeading>
      <TextField
        name="address.line1"
        label={t('register.validate.line1')}
        autocomplete="address-line1"
        required
        value={values.line1}
        onChange={set('line1')}
        error={errors['address.line1']}
      />
      <TextField
        name="address.line2"
        label={t('register.validate.line2')}
        autocomplete="address-line2"
        value={values.line2}
        onChange={set('line2')}
        error={errors['address.line2']}
      />
      <TextField
        name="address.poBoxOrRuralRoute"
        label={t('register.validate.poBoxOrRuralRoute')}
        value={values.poBoxOrRuralRoute}
        onChange={set('poBoxOrRuralRoute')}
        error={errors['address.poBoxOrRuralRoute']}
      />
      <SelectField
        name="address.country"
        label={t('register.validate.country')}
        placeholder={t('register.validate.selectCountry')}
        required
        value={values.country}
        onChange={set('country')}
        options={countryCodes.map((code) => ({ value: code, label: t(`countries.${code}`) }))}
        error={errors['address.country']}
      />
      <StepButtons label={t('register.continue')} busy={busy} />
    </form>
  );
}
