import { GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';

/** How many failed attempts remain before registration of the business locks (steps 2 and 3). */
export function AttemptsNotice({ remaining }: { remaining: number }) {
  const { t } = useTranslation('onboarding');
  return (
    <GcdsNotice
      type="warning"
      noticeTitleTag="h3"
      noticeTitle={t('register.attempts.title', { count: remaining })}
    >
      <GcdsText>{t('register.attempts.body')}</GcdsText>
    </GcdsNotice>
  );
}
