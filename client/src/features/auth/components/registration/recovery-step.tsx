import { type FormEvent } from 'react';
import { type RecoveryValues } from '../../../../components/credentials/checklists';
import { RecoveryFields } from '../../../../components/credentials/recovery-fields';
import { recoveryFieldNames } from '../../../../components/credentials/validate';
import { FormErrorSummary } from '../../../../components/forms/form-error-summary';
import { type FieldErrors } from '../../../../lib/user-errors';
import { PrivacyNote } from './privacy-note';
import { StepButtons } from './step-buttons';

interface RecoveryStepProps {
  questions: ReadonlyArray<{ id: string; text: string }>;
  values: RecoveryValues;
  onChange: (field: keyof RecoveryValues, value: string) => void;
  errors: FieldErrors;
  focusKey: number;
  today: string;
  onSubmit: () => void;
  onBack: () => void;
}

export const recoveryStepFields = Object.values(recoveryFieldNames('recovery.'));

/** Step 4: recovery question, answer, memorable person and date, with hints (seed §1.6). */
export function RecoveryStep(props: RecoveryStepProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form noValidate onSubmit={submit}>
      <FormErrorSummary errors={props.errors} fields={recoveryStepFields} focusKey={props.focusKey} />
      <RecoveryFields
        prefix="recovery."
        questions={props.questions}
        values={props.values}
        onChange={props.onChange}
        errors={props.errors}
        today={props.today}
        checklistLevel="h3"
      />
      <StepButtons onBack={props.onBack} />
      <PrivacyNote topic="recovery" />
    </form>
  );
}
