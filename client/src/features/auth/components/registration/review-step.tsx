import { GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type RecoveryValues } from '../../../../components/credentials/checklists';
import { StepButtons } from './step-buttons';

interface ReviewStepProps {
  username: string;
  questionText: string;
  recovery: RecoveryValues;
  busy: boolean;
  onSubmit: () => void;
  onBack: () => void;
}

/** Step 5: what will be registered (secrets stay hidden), then Continue creates the GCKey. */
export function ReviewStep({ username, questionText, recovery, busy, onSubmit, onBack }: ReviewStepProps) {
  const { t } = useTranslation('auth');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const none = t('register.review.none');
  return (
    <form noValidate onSubmit={submit}>
      <GcdsText>{t('register.review.intro')}</GcdsText>
      <dl className="review-list">
        <dt>{t('register.review.username')}</dt>
        <dd>{username}</dd>
        <dt>{t('register.review.password')}</dt>
        <dd>{t('register.review.hidden')}</dd>
        <dt>{t('register.review.question')}</dt>
        <dd>{questionText}</dd>
        <dt>{t('register.review.answer')}</dt>
        <dd>{t('register.review.hidden')}</dd>
        <dt>{t('register.review.memorablePerson')}</dt>
        <dd>{recovery.memorablePerson}</dd>
        <dt>{t('register.review.memorablePersonHint')}</dt>
        <dd>{recovery.memorablePersonHint.trim() || none}</dd>
        <dt>{t('register.review.memorableDate')}</dt>
        <dd>{recovery.memorableDate}</dd>
        <dt>{t('register.review.memorableDateHint')}</dt>
        <dd>{recovery.memorableDateHint.trim() || none}</dd>
      </dl>
      <StepButtons busy={busy} onBack={onBack} />
    </form>
  );
}
