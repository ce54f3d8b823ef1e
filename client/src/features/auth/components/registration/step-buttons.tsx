import { GcdsButton, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../../lib/use-language';

interface StepButtonsProps {
  busy?: boolean;
  onBack?: () => void;
}

/** Continue (submits the step), Back, and Cancel, which abandons the registration for the landing page. */
export function StepButtons({ busy = false, onBack }: StepButtonsProps) {
  const { t } = useTranslation('auth');
  const language = useLanguage();
  return (
    <>
      <GcdsText>{t('register.continueOrCancel')}</GcdsText>
      <div className="button-group">
        <GcdsButton type="submit" disabled={busy}>
          {t('register.continue')}
        </GcdsButton>
        {onBack ? (
          <GcdsButton type="button" buttonRole="secondary" disabled={busy} onClick={onBack}>
            {t('register.back')}
          </GcdsButton>
        ) : null}
        <GcdsButton type="link" buttonRole="secondary" href={`/${language}`}>
          {t('register.cancel')}
        </GcdsButton>
      </div>
    </>
  );
}
