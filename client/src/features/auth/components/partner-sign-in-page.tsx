import { GcdsButton, GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useLanguage } from '../../../lib/use-language';

/** The codes /auth/partner/callback sends back here as `?error=`; anything else reads as PARTNER_FAILED. */
const partnerErrors = [
  'PARTNER_UNAVAILABLE',
  'PARTNER_EXPIRED',
  'PARTNER_CANCELLED',
  'PARTNER_FAILED',
  'PARTNER_REVOKED',
] as const;
type PartnerError = (typeof partnerErrors)[number];

function partnerError(code: string | null): PartnerError | undefined {
  if (!code) return undefined;
  return (partnerErrors as readonly string[]).includes(code) ? (code as PartnerError) : 'PARTNER_FAILED';
}

/**
 * Sign in with a Sign-In Partner (seed §1.3). The button leaves the app for the server's
 * /auth/partner/start (a full page load: the server redirects to the partner), which comes back to
 * the terms of use, or here with an error code.
 */
export function PartnerSignInPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const [search] = useSearchParams();
  const error = partnerError(search.get('error'));
  useDocumentTitle(tc('documentTitle', { page: t('partner.title') }));

  return (
    <>
      <GcdsHeading tag="h1">{t('partner.title')}</GcdsHeading>
      {error ? (
        <GcdsNotice type="danger" noticeTitleTag="h2" noticeTitle={t('partner.error.title')} role="alert">
          <GcdsText>{t(`partner.error.${error}`)}</GcdsText>
        </GcdsNotice>
      ) : null}
      <GcdsText>{t('partner.intro')}</GcdsText>
      <GcdsText>{t('partner.existingAccount')}</GcdsText>
      <GcdsText>{t('partner.redirect')}</GcdsText>
      <GcdsText>{t('partner.privacy')}</GcdsText>
      <GcdsButton type="link" href={`/auth/partner/start?lang=${language}`}>
        {t('partner.action')}
      </GcdsButton>
      <GcdsHeading tag="h2">{t('partner.other.heading')}</GcdsHeading>
      <GcdsText>
        <GcdsLink href={`/${language}/sign-in/gckey`}>{t('partner.other.gckey')}</GcdsLink>
      </GcdsText>
    </>
  );
}
