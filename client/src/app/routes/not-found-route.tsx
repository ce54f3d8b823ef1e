import { GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/layout/use-document-title';
import { useLanguage } from '../../lib/use-language';

/** Canada.ca "page not found" in the language of the URL. */
export function NotFoundRoute() {
  const language = useLanguage();
  const { t } = useTranslation('common');
  useDocumentTitle(t('documentTitle', { page: t('notFound.title') }));
  return (
    <>
      <GcdsHeading tag="h1">{t('notFound.title')}</GcdsHeading>
      <GcdsText>{t('notFound.body')}</GcdsText>
      <GcdsText>
        <GcdsLink href={`/${language}`}>{t('notFound.homeLink')}</GcdsLink>
      </GcdsText>
    </>
  );
}
