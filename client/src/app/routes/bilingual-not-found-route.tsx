import { GcdsGrid, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { AppLayout } from '../../components/layout/app-layout';
import { useDocumentTitle } from '../../components/layout/use-document-title';

/**
 * "Page not found" for a path outside /en and /fr: its language is unknown, so the page speaks
 * both, English first, as Canada.ca's own error pages do. `<html lang>` is `en`; the French half
 * carries `lang="fr"`.
 */
export function BilingualNotFoundRoute() {
  const { i18n } = useTranslation();
  const en = i18n.getFixedT('en', 'common');
  const fr = i18n.getFixedT('fr', 'common');
  useDocumentTitle(`${en('notFound.title')} / ${fr('notFound.title')}`);
  return (
    <AppLayout>
      <GcdsHeading tag="h1">
        <span lang="en">{en('notFound.title')}</span> / <span lang="fr">{fr('notFound.title')}</span>
      </GcdsHeading>
      <GcdsGrid columns="1fr" columnsDesktop="1fr 1fr" gap="400">
        <section lang="en">
          <GcdsText>{en('notFound.body')}</GcdsText>
          <GcdsText>
            <GcdsLink href="/en">{en('notFound.homeLink')}</GcdsLink>
          </GcdsText>
        </section>
        <section lang="fr">
          <GcdsText>{fr('notFound.body')}</GcdsText>
          <GcdsText>
            <GcdsLink href="/fr">{fr('notFound.homeLink')}</GcdsLink>
          </GcdsText>
        </section>
      </GcdsGrid>
    </AppLayout>
  );
}
