import { GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordFields } from '../../../../components/credentials/password-fields';
import { ruleValues } from '../../../../components/credentials/rule-messages';
import { FormErrorSummary } from '../../../../components/forms/form-error-summary';
import { type FieldErrors } from '../../../../lib/user-errors';
import { PrivacyNote } from './privacy-note';
import { StepButtons } from './step-buttons';

interface PasswordStepProps {
  username: string;
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  errors: FieldErrors;
  focusKey: number;
  onSubmit: () => void;
  onBack: () => void;
}

export const passwordStepFields = ['password', 'passwordConfirmation'] as const;

/** Step 3: the password and its confirmation, with the seed's password checklist. */
export function PasswordStep(props: PasswordStepProps) {
  const { t } = useTranslation('auth');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form noValidate onSubmit={submit}>
      <FormErrorSummary errors={props.errors} fields={passwordStepFields} focusKey={props.focusKey} />
      <GcdsText>{t('register.password.intro', ruleValues)}</GcdsText>
      <PasswordFields
        names={{ password: 'password', confirmation: 'passwordConfirmation' }}
        wording="create"
        checklistLevel="h3"
        username={props.username}
        password={props.password}
        confirmation={props.confirmation}
        onPasswordChange={props.onPasswordChange}
        onConfirmationChange={props.onConfirmationChange}
        errors={props.errors}
      />
      <StepButtons onBack={props.onBack} />
      <PrivacyNote topic="password" />
    </form>
  );
}
