import { GcdsButton, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useRespondToTermsMutation, useViewerQuery } from '../../../generated/graphql';
import { useLeaveSession } from '../../../lib/session';
import { useLanguage } from '../../../lib/use-language';

const termKeys = ['purpose', 'security', 'monitoring', 'accuracy', 'privacy'] as const;

/**
 * The portal's terms of use, asked at every sign-in (domain §1): "Accept" enters the portal (the
 * personal profile first when there is none yet), "I do not accept" ends the session.
 */
export function TermsOfUsePage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const navigate = useNavigate();
  const leaveSession = useLeaveSession();
  const { data, loading } = useViewerQuery();
  const [respond, { loading: sending }] = useRespondToTermsMutation();
  const [unsent, setUnsent] = useState(false);
  // Once the person answers here, this page decides where to go next, not the redirect below.
  const [answered, setAnswered] = useState(false);
  useDocumentTitle(tc('documentTitle', { page: t('terms.title') }));

  const me = data?.me;
  if (!me && loading) return <PageLoading />;
  // Reached again after accepting (browser back): the portal is open already.
  if (me?.termsAccepted && !answered) return <Navigate replace to={`/${language}/welcome`} />;

  const answer = async (accept: boolean) => {
    setUnsent(false);
    setAnswered(true);
    try {
      const { data: result } = await respond({ variables: { accept } });
      if (!accept) {
        await leaveSession('landing', 'termsDeclined');
        return;
      }
      const viewer = result?.respondToTerms.viewer;
      if (!viewer?.termsAccepted) {
        setUnsent(true);
        return;
      }
      // An officer works in the console and has no personal profile to create (portal issue, defect 10).
      const home = viewer.profile || viewer.role === 'OFFICER';
      await navigate(home ? `/${language}/welcome` : `/${language}/profile`, { replace: true });
    } catch {
      setUnsent(true);
    }
  };

  return (
    <>
      <GcdsHeading tag="h1">{t('terms.title')}</GcdsHeading>
      {unsent ? <PageLoadError kind="submit" /> : null}
      <GcdsText>{t('terms.lead')}</GcdsText>
      <ul>
        {termKeys.map((key) => (
          <li key={key}>{t(`terms.items.${key}`)}</li>
        ))}
      </ul>
      <GcdsText>{t('terms.question')}</GcdsText>
      <div className="button-group">
        <GcdsButton type="button" disabled={sending} onClick={() => void answer(true)}>
          {t('terms.accept')}
        </GcdsButton>
        <GcdsButton
          type="button"
          buttonRole="secondary"
          disabled={sending}
          onClick={() => void answer(false)}
        >
          {t('terms.decline')}
        </GcdsButton>
      </div>
    </>
  );
}
