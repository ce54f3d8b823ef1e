import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useLanguage } from '../../../lib/use-language';

const steps = ['credential', 'profile', 'link', 'accounts'] as const;

/** Onboarding documentation (seed 003 §1.2, "Resources"): how a trade chain partner joins the portal. */
export function OnboardingPage() {
  const language = useLanguage();
  const { t } = useTranslation('resources');
  useDocumentTitle(t('onboarding.title'));
  return (
    <>
      <GcdsHeading tag="h1">{t('onboarding.title')}</GcdsHeading>
      <GcdsText>{t('onboarding.lead')}</GcdsText>
      <GcdsHeading tag="h2">{t('onboarding.stepsHeading')}</GcdsHeading>
      <ol>
        {steps.map((step) => (
          <li key={step}>{t(`onboarding.steps.${step}`)}</li>
        ))}
      </ol>
      <GcdsHeading tag="h2">{t('onboarding.registerHeading')}</GcdsHeading>
      <GcdsText>{t('onboarding.register')}</GcdsText>
      <GcdsHeading tag="h2">{t('onboarding.brokersHeading')}</GcdsHeading>
      <GcdsText>{t('onboarding.brokers')}</GcdsText>
      <ul>
        <li>
          <GcdsLink href={`/${language}#sign-in`}>{t('onboarding.startLink')}</GcdsLink>
        </li>
        <li>
          <GcdsLink href={`/${language}/faq`}>{t('onboarding.faqLink')}</GcdsLink>
        </li>
      </ul>
    </>
  );
}
