import { GcdsButton, GcdsGrid, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { FlashNotice } from '../../../components/layout/flash-notice';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  useSignOutEverywhereMutation,
  useSignOutMutation,
  useWelcomeQuery,
} from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLeaveSession } from '../../../lib/session';
import { useLanguage } from '../../../lib/use-language';

interface WelcomePageProps {
  /** More "Most requested" links (list items), from features the app composes in (finance). */
  moreLinks?: ReactNode;
  /** Shown under the links for a person acting for a business (the finance feature's recent transactions). */
  recentActivity?: ReactNode;
}

/**
 * The first page after sign-in (domain §1): the previous sign-in, what the person can do with their
 * credential and profile, and the recent security events of their account. Other features' parts come
 * in as props from `app/routes/welcome-route.tsx`: features never import each other.
 */
export function WelcomePage({ moreLinks, recentActivity }: WelcomePageProps) {
  const { t } = useTranslation('account');
  const { t: tc } = useTranslation('common');
  const { t: to } = useTranslation('onboarding');
  const { t: tr } = useTranslation('rulings');
  const { t: tf } = useTranslation('finance');
  const language = useLanguage();
  // Every visit shows the latest events, not the ones cached at the last visit.
  const { data, loading, error } = useWelcomeQuery({ fetchPolicy: 'cache-and-network' });
  const [signOut] = useSignOutMutation();
  const [signOutEverywhere] = useSignOutEverywhereMutation();
  const leaveSession = useLeaveSession();
  const [busy, setBusy] = useState(false);
  useDocumentTitle(tc('documentTitle', { page: t('welcome.documentTitle') }));

  const me = data?.me;
  if (!me && loading) return <PageLoading />;
  if (!me && error) return <PageLoadError />;
  if (!me) return <Navigate replace to={`/${language}/sign-in/gckey`} />;
  // After the portal's terms, a person without a profile creates it first (domain §2).
  if (me.termsAccepted && !me.profile) return <Navigate replace to={`/${language}/profile`} />;

  const leave = async (everywhere: boolean) => {
    setBusy(true);
    try {
      await (everywhere ? signOutEverywhere() : signOut());
    } finally {
      await leaveSession('landing', everywhere ? 'signedOutEverywhere' : 'signedOut');
    }
  };
  const page = (path: string) => `/${language}/${path}`;
  const local = me.credentialKind === 'LOCAL';
  // First setup comes after the personal profile (seed 003 §1.7): a person linked to no business yet.
  const needsSetup =
    me.role === 'PERSON' &&
    me.termsAccepted &&
    Boolean(me.profile) &&
    me.membershipsConnection.edges.length === 0;

  return (
    <>
      <GcdsHeading tag="h1">
        {me.profile ? t('welcome.title', { firstName: me.profile.firstName }) : t('welcome.titleNoName')}
      </GcdsHeading>
      <FlashNotice />
      <GcdsText>
        {me.previousSignInAt
          ? t('welcome.previousSignIn', { dateTime: formatDateTime(me.previousSignInAt, language) })
          : t('welcome.firstSignIn')}
      </GcdsText>

      {me.termsAccepted ? null : (
        <div className="button-group">
          <GcdsButton type="link" href={page('terms')}>
            {t('welcome.continue')}
          </GcdsButton>
        </div>
      )}

      {needsSetup ? (
        <section aria-labelledby="welcome-setup">
          <GcdsHeading tag="h2" id="welcome-setup">
            {to('welcome.heading')}
          </GcdsHeading>
          <GcdsText>{to('welcome.body')}</GcdsText>
          <div className="button-group">
            <GcdsButton type="link" href={page('setup')}>
              {to('welcome.link')}
            </GcdsButton>
          </div>
        </section>
      ) : null}

      <GcdsGrid columns="1fr" columnsDesktop="1fr 1fr" gap="400">
        <section aria-labelledby="welcome-credential">
          <GcdsHeading tag="h2" id="welcome-credential">
            {t('welcome.credential.heading')}
          </GcdsHeading>
          <ul>
            {local ? (
              <>
                <li>
                  <GcdsLink href={page('account/password')}>
                    {t('welcome.credential.changePassword')}
                  </GcdsLink>
                </li>
                <li>
                  <GcdsLink href={page('account/recovery')}>
                    {t('welcome.credential.changeRecovery')}
                  </GcdsLink>
                </li>
              </>
            ) : (
              <li>{t('welcome.credential.partnerManaged')}</li>
            )}
            <li>
              <GcdsLink href={page('account/revoke')}>{t('welcome.credential.revoke')}</GcdsLink>
            </li>
          </ul>
        </section>
        {me.role !== 'OFFICER' && me.termsAccepted ? (
          <section aria-labelledby="welcome-rulings">
            <GcdsHeading tag="h2" id="welcome-rulings">
              {tf('home.mostRequested')}
            </GcdsHeading>
            <ul>
              <li>
                <GcdsLink href={page('finance')}>{tf('home.financialInformation')}</GcdsLink>
              </li>
              <li>
                <GcdsLink href={page('finance/payments')}>{tf('home.payments')}</GcdsLink>
              </li>
              {moreLinks}
              <li>
                <GcdsLink href={page('rulings')}>{tr('home.rulings')}</GcdsLink>
              </li>
              <li>
                <GcdsLink href={page('documents/upload')}>{tr('home.upload')}</GcdsLink>
              </li>
              <li>
                <GcdsLink href={page('calculator')}>{tr('home.calculator')}</GcdsLink>
              </li>
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="welcome-profile">
          <GcdsHeading tag="h2" id="welcome-profile">
            {t('welcome.profile.heading')}
          </GcdsHeading>
          <ul>
            <li>
              <GcdsLink href={page('profile')}>{t('welcome.profile.edit')}</GcdsLink>
            </li>
          </ul>
        </section>
      </GcdsGrid>

      {me.role !== 'OFFICER' && me.termsAccepted ? recentActivity : null}

      {me.role === 'OFFICER' ? (
        <section aria-labelledby="welcome-officer">
          <GcdsHeading tag="h2" id="welcome-officer">
            {t('welcome.officer.heading')}
          </GcdsHeading>
          <ul>
            <li>
              <GcdsLink href={page('officer')}>{t('welcome.officer.lockedCredentials')}</GcdsLink>
            </li>
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="welcome-sign-out">
        <GcdsHeading tag="h2" id="welcome-sign-out">
          {t('welcome.signOut.heading')}
        </GcdsHeading>
        <GcdsText>{t('welcome.signOut.body')}</GcdsText>
        <div className="button-group">
          <GcdsButton type="button" buttonRole="secondary" disabled={busy} onClick={() => void leave(false)}>
            {t('welcome.signOut.here')}
          </GcdsButton>
          <GcdsButton type="button" buttonRole="secondary" disabled={busy} onClick={() => void leave(true)}>
            {t('welcome.signOut.everywhere')}
          </GcdsButton>
        </div>
      </section>

      <section aria-labelledby="welcome-events">
        <GcdsHeading tag="h2" id="welcome-events">
          {t('welcome.events.heading')}
        </GcdsHeading>
        {me.recentSecurityEvents.length === 0 ? (
          <GcdsText>{t('welcome.events.none')}</GcdsText>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{t('welcome.events.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('welcome.events.type')}</th>
                <th scope="col">{t('welcome.events.when')}</th>
                <th scope="col">{t('welcome.events.address')}</th>
              </tr>
            </thead>
            <tbody>
              {me.recentSecurityEvents.map((event) => (
                <tr key={event.id}>
                  <td>{t(`events.${event.type}`)}</td>
                  <td>{formatDateTime(event.occurredAt, language)}</td>
                  <td>{event.ipAddress ?? t('welcome.events.unknownAddress')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
