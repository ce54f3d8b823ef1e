import { GcdsButton } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../../lib/use-language';

interface StepButtonsProps {
  label: string;
  busy: boolean;
}

/** Submits the step; Cancel leaves the registration (it can be resumed later) for the first setup page. */
export function StepButtons({ label, busy }: StepButtonsProps) {
  const { t } = useTranslation('onboarding');
  const language = useLanguage();
  return (
    <div className="button-group">
      <GcdsButton type="submit" disabled={busy}>
        {label}
      </GcdsButton>
      <GcdsButton type="link" buttonRole="secondary" href={`/${language}/setup`}>
        {t('register.cancel')}
      </GcdsButton>
    </div>
  );
}
