import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { PageLoadError } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useBulletinsQuery } from '../../../generated/graphql';

/** The agency's first bulletins, before officers posted any; their words are in the resources catalogs. */
const launchBulletins = ['maintenance', 'relationships', 'launch'] as const;

/** The agency day (YYYY-MM-DD, Eastern time) of an instant: the date a bulletin shows. */
function agencyDay(instant: string): string {
  return new Date(instant).toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });
}

function Bulletin({ title, body, date }: { title: string; body: string; date: string }) {
  const { t } = useTranslation('resources');
  return (
    <article>
      <GcdsHeading tag="h2">{title}</GcdsHeading>
      <GcdsText size="small">
        <time dateTime={date}>{t('bulletins.posted', { date })}</time>
      </GcdsText>
      <GcdsText>{body}</GcdsText>
    </article>
  );
}

/**
 * The agency's bulletins about the portal, newest first, with the date each was posted (seed 003 §1.2):
 * those officers posted (in the page's language), then the launch bulletins.
 */
export function BulletinsPage() {
  const { t } = useTranslation('resources');
  useDocumentTitle(t('bulletins.title'));
  const { data, error } = useBulletinsQuery();
  return (
    <>
      <GcdsHeading tag="h1">{t('bulletins.title')}</GcdsHeading>
      <GcdsText>{t('bulletins.lead')}</GcdsText>
      {error ? <PageLoadError /> : null}
      {data?.bulletins.map((b) => (
        <Bulletin key={b.id} title={b.title} body={b.body} date={agencyDay(b.postedAt)} />
      ))}
      {launchBulletins.map((key) => (
        <Bulletin
          key={key}
          title={t(`bulletins.items.${key}.title`)}
          body={t(`bulletins.items.${key}.body`)}
          date={t(`bulletins.items.${key}.date`)}
        />
      ))}
    </>
  );
}
