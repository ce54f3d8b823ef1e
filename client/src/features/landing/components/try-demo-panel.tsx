import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError } from '../../../components/layout/page-status';
import { type DemoPersona } from '../../../generated/graphql';
import { useStartSession } from '../../../lib/session';
import { useLanguage } from '../../../lib/use-language';
import { useDemoSignIn } from '../hooks/use-demo-sign-in';

/**
 * "Try the demo" (issue 14): one click signs in as a prepared person whose world is already in place. Shown
 * only when the server offers the people (the demo is on: never in production, nor with SEED_DEMO_DATA=false).
 * The welcome page and the terms of use follow, as after every sign-in.
 */
export function TryDemoPanel({ personas }: { personas: readonly DemoPersona[] }) {
  const { t } = useTranslation('landing');
  const language = useLanguage();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const { demoSignIn, loading } = useDemoSignIn();
  const form = useMutationForm({ fields: [] });
  if (personas.length === 0) return null;

  const signInAs = (persona: DemoPersona) =>
    form.submit({
      send: () => demoSignIn(persona),
      succeeded: (payload) => Boolean(payload.viewer),
      onSuccess: async () => {
        await startSession();
        await navigate(`/${language}/welcome`);
      },
    });

  return (
    <section className="try-demo">
      <GcdsNotice type="info" noticeTitleTag="h2" noticeTitle={t('demo.heading')}>
        <GcdsText>{t('demo.lead')}</GcdsText>
        {form.unsent ? <PageLoadError kind="submit" /> : null}
        <ul>
          {personas.map((persona) => (
            <li key={persona}>
              <GcdsHeading tag="h3">{t(`demo.personas.${persona}.name`)}</GcdsHeading>
              <GcdsText>{t(`demo.personas.${persona}.world`)}</GcdsText>
              <GcdsButton
                type="button"
                buttonRole="secondary"
                disabled={loading}
                onClick={() => void signInAs(persona)}
              >
                {t('demo.signInAs', { name: t(`demo.personas.${persona}.name`) })}
              </GcdsButton>
            </li>
          ))}
        </ul>
      </GcdsNotice>
    </section>
  );
}
