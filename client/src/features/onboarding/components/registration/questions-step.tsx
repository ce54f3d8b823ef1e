import { GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../../components/forms/fields';
import { FormErrorSummary } from '../../../../components/forms/form-error-summary';
import { type OnboardingRegistrationFragment } from '../../../../generated/graphql';
import { type FieldErrors } from '../../../../lib/user-errors';
import { AttemptsNotice } from './attempts-notice';
import { StepButtons } from './step-buttons';

export const questionFields = ['transactionTotal', 'latestPayment', 'statementBalance'] as const;
export type QuestionField = (typeof questionFields)[number];
export type QuestionValues = Record<QuestionField, string>;

/** The answer field of each question the server asks. */
export const fieldOfQuestion = {
  TRANSACTION_TOTAL: 'transactionTotal',
  LATEST_PAYMENT: 'latestPayment',
  STATEMENT_BALANCE: 'statementBalance',
} as const satisfies Record<string, QuestionField>;

interface QuestionsStepProps {
  registration: OnboardingRegistrationFragment;
  values: QuestionValues;
  onChange: (values: QuestionValues) => void;
  errors: FieldErrors;
  focusKey: number;
  busy: boolean;
  onSubmit: () => void;
}

/**
 * Step 3: 2 or 3 amounts from the account's records. Question 1 names its transaction; question 3 (the
 * statement balance) is there only for accounts billed by monthly statement.
 */
export function QuestionsStep({
  registration,
  values,
  onChange,
  errors,
  focusKey,
  busy,
  onSubmit,
}: QuestionsStepProps) {
  const { t } = useTranslation('onboarding');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const account = `${registration.businessNumber}${registration.programAccountReference}`;
  return (
    <form noValidate onSubmit={submit}>
      <FormErrorSummary errors={errors} fields={questionFields} focusKey={focusKey} />
      <AttemptsNotice remaining={registration.attemptsRemaining} />
      <GcdsText>{t('register.questions.intro', { account })}</GcdsText>
      {registration.questions.map((question) => {
        const field = fieldOfQuestion[question.kind];
        const label =
          question.kind === 'TRANSACTION_TOTAL'
            ? t('register.questions.transactionTotal', {
                transactionNumber: question.transactionNumber ?? '',
              })
            : t(`register.questions.${field}`);
        return (
          <TextField
            key={question.kind}
            name={field}
            label={label}
            hint={
              field === 'statementBalance'
                ? t('register.questions.balanceHint')
                : field === 'transactionTotal'
                  ? t('register.questions.transactionTotalHint')
                  : t('register.questions.amountHint')
            }
            size={14}
            required
            value={values[field]}
            onChange={(value) => onChange({ ...values, [field]: value })}
            error={errors[field]}
          />
        );
      })}
      <StepButtons label={t('register.submit')} busy={busy} />
    </form>
  );
}
