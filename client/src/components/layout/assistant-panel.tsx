import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/use-language';

/** The guided assistant's help panel on the public and setup pages: what it answers, and a link to it. */
export function AssistantPanel() {
  const { t } = useTranslation('common');
  const language = useLanguage();
  return (
    <aside aria-labelledby="assistant-panel-heading" className="assistant-panel">
      <GcdsHeading tag="h2" id="assistant-panel-heading">
        {t('assistantPanel.heading')}
      </GcdsHeading>
      <GcdsText>{t('assistantPanel.body')}</GcdsText>
      <GcdsLink href={`/${language}/assistant`}>{t('assistantPanel.link')}</GcdsLink>
    </aside>
  );
}

/** The public and setup pages (a path under `/:lang/`), where the help panel shows. */
const helpedPages =
  /^(|onboarding|bulletins|customs-brokers|api-catalogue|faq|register|forgot-password|sign-in(\/.*)?|setup(\/.*)?)$/;

/** Whether the page at this pathname (`/en/setup/register`) shows the assistant's help panel. */
export function showsAssistantPanel(pathname: string): boolean {
  return helpedPages.test(pathname.replace(/^\/(en|fr)\/?/, '').replace(/\/$/, ''));
}
