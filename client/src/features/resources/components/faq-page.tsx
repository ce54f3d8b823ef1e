import { GcdsDetails, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../components/layout/use-document-title';

const questions = ['who', 'credential', 'forgot', 'link', 'broker', 'money'] as const;

/** The agency's answers to the questions clients ask most (seed 003, "Resources"). */
export function FaqPage() {
  const { t } = useTranslation('resources');
  useDocumentTitle(t('faq.title'));
  return (
    <>
      <GcdsHeading tag="h1">{t('faq.title')}</GcdsHeading>
      <GcdsText>{t('faq.lead')}</GcdsText>
      {questions.map((key) => (
        <GcdsDetails key={key} detailsTitle={t(`faq.items.${key}.q`)}>
          <GcdsText>{t(`faq.items.${key}.a`)}</GcdsText>
        </GcdsDetails>
      ))}
    </>
  );
}
