import {
  GcdsButton,
  GcdsDateModified,
  GcdsGrid,
  GcdsHeading,
  GcdsLink,
  GcdsNotice,
  GcdsText,
} from '@cdssnc/gcds-components-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { FlashNotice } from '../../../components/layout/flash-notice';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { loadApollo } from '../../../lib/apollo-loader';
import { portalInfoQuery, useBootQuery } from '../../../lib/boot-query';
import { taggedText } from '../../../lib/tagged-text';
import { useLanguage } from '../../../lib/use-language';

const accessSectionId = 'sign-in';

/**
 * "Try the demo" shows only while the demo is on (never in production): its code (the panel, its
 * mutation, the form's hooks, 2 kB gzip) is a chunk of its own, fetched when the server offers people
 * to sign in as, not part of every visitor's first chunk (docs/decisions/0050).
 */
const TryDemoPanel = lazy(async () => {
  const [{ TryDemoPanel: panel }, apollo] = await Promise.all([import('./try-demo-panel'), loadApollo()]);
  return { default: apollo.withApollo(panel) };
});

/**
 * eManifest and Trusted Trader are the agency's other portals, not pages of this one (seed 003 §1.2):
 * the landing page links out to them, marked as external.
 */
const externalPortals = {
  eManifest: {
    en: 'https://www.cbsa-asfc.gc.ca/prog/manif/portal-portail/menu-eng.html',
    fr: 'https://www.cbsa-asfc.gc.ca/prog/manif/portal-portail/menu-fra.html',
  },
  trustedTrader: {
    en: 'https://www.cbsa-asfc.gc.ca/prog/tt-cf/menu-eng.html',
    fr: 'https://www.cbsa-asfc.gc.ca/prog/tt-cf/menu-fra.html',
  },
} as const;

/** `tel:` wants digits only; the number is shown as the agency writes it. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** The portal's public landing page: public resources and the two ways to sign in (seed §1.2). */
export function LandingPage() {
  const language = useLanguage();
  const { t } = useTranslation('landing');
  const { data, loading, error } = useBootQuery(portalInfoQuery);
  useDocumentTitle(t('title'));
  const page = (path: string) => `/${language}/${path}`;

  return (
    <>
      <GcdsHeading tag="h1">{t('title')}</GcdsHeading>
      <FlashNotice />
      <GcdsText>{t('lead')}</GcdsText>
      {data && data.demoPersonas.length > 0 ? (
        <Suspense fallback={null}>
          <TryDemoPanel personas={data.demoPersonas} />
        </Suspense>
      ) : null}

      <GcdsNotice type="info" noticeTitleTag="h2" noticeTitle={t('note.title')}>
        <GcdsText>{t('note.members')}</GcdsText>
        {data ? (
          <GcdsText>
            {taggedText(t('note.consultants', { phone: data.portalInfo.agencyPhone }), {
              phone: <GcdsLink href={telHref(data.portalInfo.agencyPhone)} />,
            })}
          </GcdsText>
        ) : loading ? (
          <GcdsText role="status">{t('note.loading')}</GcdsText>
        ) : null}
      </GcdsNotice>

      {error ? (
        <GcdsNotice type="danger" noticeTitleTag="h2" noticeTitle={t('error.title')} role="alert">
          <GcdsText>{t('error.body')}</GcdsText>
        </GcdsNotice>
      ) : null}

      <GcdsGrid columns="1fr" columnsDesktop="1fr 1fr" gap="400">
        <section>
          <GcdsHeading tag="h2">{t('services.heading')}</GcdsHeading>
          <ul>
            <li>
              <GcdsLink href={`#${accessSectionId}`}>{t('services.signIn')}</GcdsLink>
            </li>
            <li>
              <GcdsLink href={page('onboarding')}>{t('services.onboarding')}</GcdsLink>
            </li>
            <li>
              <GcdsLink href={page('bulletins')}>{t('services.bulletins')}</GcdsLink>
            </li>
            <li>
              <GcdsLink href={page('customs-brokers')}>{t('services.brokers')}</GcdsLink>
            </li>
            <li>
              <GcdsLink href={page('api-catalogue')}>{t('services.apiCatalogue')}</GcdsLink>
            </li>
            <li>
              <GcdsLink href={page('faq')}>{t('services.faq')}</GcdsLink>
            </li>
          </ul>
        </section>
        <section>
          <GcdsHeading tag="h2">{t('resources.heading')}</GcdsHeading>
          <ul>
            <li>
              <GcdsLink href={externalPortals.eManifest[language]} external>
                {t('resources.eManifest')}
              </GcdsLink>
            </li>
            <li>
              <GcdsLink href={externalPortals.trustedTrader[language]} external>
                {t('resources.trustedTrader')}
              </GcdsLink>
            </li>
          </ul>
        </section>
      </GcdsGrid>

      <section id={accessSectionId} aria-labelledby={`${accessSectionId}-heading`}>
        <GcdsHeading tag="h2" id={`${accessSectionId}-heading`}>
          {t('access.heading')}
        </GcdsHeading>
        <GcdsText>{t('access.intro')}</GcdsText>
        <GcdsGrid columns="1fr" columnsDesktop="1fr 1fr" gap="400">
          <section>
            <GcdsHeading tag="h3">{t('access.partner.heading')}</GcdsHeading>
            <GcdsButton type="link" href={page('sign-in/partner')}>
              {t('access.partner.action')}
            </GcdsButton>
            <ul>
              <li>{t('access.partner.sameCredentials')}</li>
              <li>{t('access.partner.jointAccount')}</li>
              <li>{t('access.partner.privacy')}</li>
              <li>{t('access.partner.leaveSite')}</li>
            </ul>
          </section>
          <section>
            <GcdsHeading tag="h3">{t('access.gckey.heading')}</GcdsHeading>
            <GcdsButton type="link" href={page('sign-in/gckey')}>
              {t('access.gckey.action')}
            </GcdsButton>
            <ul>
              <li>{t('access.gckey.signIn')}</li>
              <li>{t('access.gckey.register')}</li>
              <li>{t('access.gckey.otherDepartments')}</li>
              <li>{t('access.gckey.forgotUsername')}</li>
            </ul>
          </section>
        </GcdsGrid>
      </section>

      {data ? <GcdsDateModified type="version">{data.portalInfo.version}</GcdsDateModified> : null}
    </>
  );
}
