import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/layout/use-document-title';
import { useLanguage } from '../../lib/use-language';

/** Canada.ca "access denied" for a signed-in person without the role a page needs. */
export function ForbiddenRoute() {
  const language = useLanguage();
  const { t } = useTranslation('common');
  useDocumentTitle(t('documentTitle', { page: t('forbidden.title') }));
  return (
    <>
      <GcdsHeading tag="h1">{t('forbidden.title')}</GcdsHeading>
      <GcdsText>{t('forbidden.body')}</GcdsText>
      <GcdsText>
        <GcdsLink href={`/${language}/welcome`}>{t('forbidden.welcomeLink')}</GcdsLink>
      </GcdsText>
    </>
  );
}
