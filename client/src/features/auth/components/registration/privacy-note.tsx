import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';

/** The seed's "Protecting your personal information" note under each step. */
export function PrivacyNote({ topic }: { topic: 'username' | 'password' | 'recovery' }) {
  const { t } = useTranslation('credentials');
  return (
    <aside aria-labelledby={`privacy-${topic}`}>
      <GcdsHeading tag="h3" id={`privacy-${topic}`}>
        {t('privacy.heading')}
      </GcdsHeading>
      <GcdsText>{t(`privacy.${topic}`)}</GcdsText>
    </aside>
  );
}
