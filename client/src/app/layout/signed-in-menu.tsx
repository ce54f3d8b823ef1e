import { GcdsButton, GcdsContainer, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { programReference } from '../../components/business/business-labels';
import { NoticesBell } from '../../features/notices/components/notices-bell';
import { useHeaderBusinessQuery, useSignOutMutation, useViewerQuery } from '../../generated/graphql';
import { useLeaveSession } from '../../lib/session';
import { useLanguage } from '../../lib/use-language';
import { nodes } from '../../lib/connections';

// Loaded with the menu: only a signed-in person has a session to time out (docs/decisions/0050).
export { InactivityDialog } from '../../components/session/inactivity-dialog';

/**
 * Only people who belong to several businesses see the switcher: its code (and GcdsSelect's) is a chunk
 * of its own, fetched when the header's answer shows one (docs/decisions/0036).
 */
const BusinessSwitcher = lazy(async () => ({
  default: (await import('../../features/business/components/business-switcher')).BusinessSwitcher,
}));

/**
 * Under the header's signature when someone is signed in: who (linking to their welcome page once
 * the terms are accepted) and "Sign out". Sign-out is a button: it changes state on the server.
 * Once the terms are accepted, who also says for which business and program account the person acts
 * ("Jane Doe (RM0001) / Northern Lights (123456789)", domain.md §6), with a link to the business's
 * pages and, for a person who belongs to several businesses, a switcher.
 */
export function SignedInMenu() {
  const { t } = useTranslation('common');
  // The menu's own words: one small namespace, not one of each area (docs/decisions/0036).
  const { t: th } = useTranslation('header');
  const language = useLanguage();
  const { data } = useViewerQuery();
  const me = data?.me;
  // Officers act for no business; everyone else once the terms are accepted.
  const skipBusiness = !me?.termsAccepted || me.role === 'OFFICER';
  const { data: businessData, refetch } = useHeaderBusinessQuery({ skip: skipBusiness });
  // The header stays on screen from page to page while pages link the person to a business (first
  // setup), or change who belongs to it: ask again on each new page rather than show a stale business.
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    if (!skipBusiness) void refetch().catch(() => undefined);
  }, [pathname, skipBusiness, refetch]);
  const [signOut] = useSignOutMutation();
  const leaveSession = useLeaveSession();
  const [busy, setBusy] = useState(false);
  if (!me) return null;

  const name = me.profile
    ? t('header.personName', { firstName: me.profile.firstName, lastName: me.profile.lastName })
    : (me.username ?? t('header.unnamed'));
  // Only when the header query answered for this very person (never a stale answer after a switch of user).
  const business = me.termsAccepted && businessData?.me?.id === me.id ? businessData.me : undefined;
  const active = business?.activeBusiness;
  const account = nodes(active?.programAccountsConnection)[0];
  const who = active
    ? account
      ? th('identity', {
          person: name,
          account: programReference(account.accountNumber ?? '', active.businessNumber ?? ''),
          business: active.name ?? '',
          businessNumber: active.businessNumber ?? '',
        })
      : th('identityNoAccount', {
          person: name,
          business: active.name ?? '',
          businessNumber: active.businessNumber ?? '',
        })
    : name;

  const onSignOut = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
      await leaveSession('landing', 'signedOut');
    }
  };

  return (
    <div slot="menu" className="signed-in-menu">
      <GcdsContainer size="xl" centered>
        <div className="signed-in-menu__content">
          <GcdsText marginBottom="0">
            {me.termsAccepted ? (
              <GcdsLink href={`/${language}/welcome`}>{t('header.signedInAs', { name: who })}</GcdsLink>
            ) : (
              t('header.signedInAs', { name: who })
            )}
          </GcdsText>
          {active || business?.actingForConnection.edges.length ? (
            <GcdsText marginBottom="0">
              {/* The MENU of seed 003 §2.2: the six areas, each a hub page. */}
              <GcdsLink href={`/${language}/menu`}>{th('menuLink')}</GcdsLink>
            </GcdsText>
          ) : null}
          {active ? (
            <GcdsText marginBottom="0">
              <GcdsLink href={`/${language}/business`}>{th('myBusiness')}</GcdsLink>
            </GcdsText>
          ) : null}
          {active ? (
            <GcdsText marginBottom="0">
              <GcdsLink href={`/${language}/finance`}>{th('finance')}</GcdsLink>
            </GcdsText>
          ) : null}
          {active || business?.actingForConnection.edges.length ? (
            <GcdsText marginBottom="0">
              <GcdsLink href={`/${language}/claims`}>{th('claims')}</GcdsLink>
            </GcdsText>
          ) : null}
          {business?.actingForConnection.edges.length ? (
            <GcdsText marginBottom="0">
              <GcdsLink href={`/${language}/clients`}>{th('myClients')}</GcdsLink>
            </GcdsText>
          ) : null}
          {active ? (
            <GcdsText marginBottom="0">
              <GcdsLink href={`/${language}/messages`}>{th('messages')}</GcdsLink>
            </GcdsText>
          ) : null}
          {active ? (
            <GcdsText marginBottom="0">
              <GcdsLink href={`/${language}/correspondence`}>{th('correspondence')}</GcdsLink>
            </GcdsText>
          ) : null}
          {active || business?.actingForConnection.edges.length ? (
            <GcdsText marginBottom="0">
              <GcdsLink href={`/${language}/documents/upload`}>{th('upload')}</GcdsLink>
            </GcdsText>
          ) : null}
          {me.termsAccepted && me.role !== 'OFFICER' ? <NoticesBell /> : null}
          {business && active && business.membershipsConnection.edges.length > 1 ? (
            <Suspense fallback={null}>
              <BusinessSwitcher memberships={nodes(business.membershipsConnection)} activeId={active.id} />
            </Suspense>
          ) : null}
          <GcdsButton
            type="button"
            buttonRole="secondary"
            size="small"
            disabled={busy}
            onClick={() => void onSignOut()}
          >
            {t('header.signOut')}
          </GcdsButton>
        </div>
      </GcdsContainer>
    </div>
  );
}
