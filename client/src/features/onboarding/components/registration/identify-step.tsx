import { GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, TextField } from '../../../../components/forms/fields';
import { FormErrorSummary } from '../../../../components/forms/form-error-summary';
import { type FieldErrors } from '../../../../lib/user-errors';
import { StepButtons } from './step-buttons';

export const identifyFields = ['businessNumber', 'programAccountReference', 'attest'] as const;

export interface IdentifyValues {
  businessNumber: string;
  programAccountReference: string;
  attest: boolean;
}

interface IdentifyStepProps {
  values: IdentifyValues;
  onChange: (values: IdentifyValues) => void;
  /** The person's name as the attestation states it. */
  personName: string;
  errors: FieldErrors;
  focusKey: number;
  busy: boolean;
  onSubmit: () => void;
}

/** Step 1: the business number, the importer program account reference and the attestation. */
export function IdentifyStep({
  values,
  onChange,
  personName,
  errors,
  focusKey,
  busy,
  onSubmit,
}: IdentifyStepProps) {
  const { t } = useTranslation('onboarding');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form noValidate onSubmit={submit}>
      <FormErrorSummary errors={errors} fields={identifyFields} focusKey={focusKey} />
      <GcdsText>{t('register.identify.intro')}</GcdsText>
      <TextField
        name="businessNumber"
        label={t('register.identify.businessNumber')}
        hint={t('register.identify.businessNumberHint')}
        inputmode="numeric"
        size={12}
        required
        value={values.businessNumber}
        onChange={(businessNumber) => onChange({ ...values, businessNumber })}
        error={errors.businessNumber}
      />
      <TextField
        name="programAccountReference"
        label={t('register.identify.programAccountReference')}
        hint={t('register.identify.programAccountReferenceHint')}
        size={8}
        required
        value={values.programAccountReference}
        onChange={(programAccountReference) => onChange({ ...values, programAccountReference })}
        error={errors.programAccountReference}
      />
      <CheckboxField
        name="attest"
        label={t('register.identify.attestLegend')}
        boxLabel={t('register.identify.attest', { name: personName })}
        required
        checked={values.attest}
        onChange={(attest) => onChange({ ...values, attest })}
        error={errors.attest}
      />
      <StepButtons label={t('register.continue')} busy={busy} />
    </form>
  );
}
