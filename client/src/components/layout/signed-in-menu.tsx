import { GcdsButton, GcdsContainer, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignOutMutation, useViewerQuery } from '../../generated/graphql';
import { useLeaveSession } from '../../lib/session';
import { useLanguage } from '../../lib/use-language';

/**
 * Under the header's signature when someone is signed in: who (linking to their welcome page once
 * the terms are accepted) and "Sign out". Sign-out is a button: it changes state on the server.
 */
export function SignedInMenu() {
  const { t } = useTranslation('common');
  const language = useLanguage();
  const { data } = useViewerQuery();
  const [signOut] = useSignOutMutation();
  const leaveSession = useLeaveSession();
  const [busy, setBusy] = useState(false);
  const me = data?.me;
  if (!me) return null;

  const name = me.profile
    ? t('header.personName', { firstName: me.profile.firstName, lastName: me.profile.lastName })
    : (me.username ?? t('header.unnamed'));

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
              <GcdsLink href={`/${language}/welcome`}>{t('header.signedInAs', { name })}</GcdsLink>
            ) : (
              t('header.signedInAs', { name })
            )}
          </GcdsText>
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
