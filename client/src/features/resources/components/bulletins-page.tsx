import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../components/layout/use-document-title';

/** Newest first; each bulletin's date and words are in the resources catalogs of both languages. */
const bulletins = ['maintenance', 'relationships', 'launch'] as const;

/** The agency's bulletins about the portal, with the date each was posted (seed 003 §1.2). */
export function BulletinsPage() {
  const { t } = useTranslation('resources');
  useDocumentTitle(t('bulletins.title'));
  return (
    <>
      <GcdsHeading tag="h1">{t('bulletins.title')}</GcdsHeading>
      <GcdsText>{t('bulletins.lead')}</GcdsText>
      {bulletins.map((key) => {
        const date = t(`bulletins.items.${key}.date`);
        return (
          <article key={key}>
            <GcdsHeading tag="h2">{t(`bulletins.items.${key}.title`)}</GcdsHeading>
            <GcdsText size="small">
              <time dateTime={date}>{t('bulletins.posted', { date })}</time>
            </GcdsText>
            <GcdsText>{t(`bulletins.items.${key}.body`)}</GcdsText>
          </article>
        );
      })}
    </>
  );
}
