import { GcdsButton, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';

const conditionKeys = ['use', 'confidentiality', 'revocation'] as const;

/** Step 1: the GCKey terms and conditions; "I decline" abandons the registration. */
export function TermsStep({ onAccept, onDecline }: { onAccept: () => void; onDecline: () => void }) {
  const { t } = useTranslation('auth');
  return (
    <>
      <GcdsText>{t('register.terms.lead')}</GcdsText>
      <ul>
        {conditionKeys.map((key) => (
          <li key={key}>{t(`register.terms.items.${key}`)}</li>
        ))}
      </ul>
      <div className="button-group">
        <GcdsButton type="button" onClick={onAccept}>
          {t('register.terms.accept')}
        </GcdsButton>
        <GcdsButton type="button" buttonRole="secondary" onClick={onDecline}>
          {t('register.terms.decline')}
        </GcdsButton>
      </div>
    </>
  );
}
