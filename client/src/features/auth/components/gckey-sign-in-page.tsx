import { GcdsButton, GcdsGrid, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { FlashNotice } from '../../../components/layout/flash-notice';
import { PageLoadError } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useStartSession } from '../../../lib/session';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors, type UserError } from '../../../lib/user-errors';
import { useSignIn } from '../hooks/use-sign-in';

const fields = ['username', 'password'] as const;

/** Wrong username or password get one message that does not say which (the server does the same). */
const ownWording = new Set(['INVALID_CREDENTIALS', 'CREDENTIAL_REVOKED']);

/** Sign in with GCKey (seed §1.4): username and password, then the terms of use. */
export function GckeySignInPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const { signIn, loading } = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  useDocumentTitle(tc('documentTitle', { page: t('signIn.title') }));

  const errorsOf = (userErrors: readonly UserError[]): FieldErrors => {
    const [first] = userErrors;
    if (!first) return { username: t('signIn.errors.INVALID_CREDENTIALS') };
    // LOCKED and THROTTLED: the server's message says when to try again.
    const message = ownWording.has(first.code)
      ? t(`signIn.errors.${first.code as 'INVALID_CREDENTIALS' | 'CREDENTIAL_REVOKED'}`)
      : first.message;
    return { username: message };
  };

  // Every refusal goes beside the username (it does not say which field was wrong).
  const form = useMutationForm({ fields, mapErrors: errorsOf });
  const { errors, focusKey } = form;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!username.trim()) local.username = t('signIn.errors.usernameRequired');
    if (!password) local.password = t('signIn.errors.passwordRequired');
    await form.submit({
      local,
      send: async () => {
        const payload = await signIn({ username: username.trim(), password });
        // The password is not kept after a refusal.
        if (!payload?.viewer) setPassword('');
        return payload;
      },
      succeeded: (payload) => Boolean(payload.viewer),
      onSuccess: async () => {
        form.clear();
        await startSession();
        await navigate(`/${language}/welcome`);
      },
    });
  };

  return (
    <>
      <GcdsHeading tag="h1">{t('signIn.title')}</GcdsHeading>
      <FlashNotice />
      <GcdsText>{t('signIn.lead')}</GcdsText>
      {form.unsent ? <PageLoadError kind="submit" /> : null}
      <GcdsGrid columns="1fr" columnsDesktop="3fr 2fr" gap="500">
        <section aria-labelledby="gckey-sign-in-heading">
          <GcdsHeading tag="h2" id="gckey-sign-in-heading">
            {t('signIn.formHeading')}
          </GcdsHeading>
          <form noValidate onSubmit={(event) => void onSubmit(event)}>
            <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
            <TextField
              name="username"
              label={t('signIn.username')}
              autocomplete="username"
              required
              value={username}
              onChange={setUsername}
              error={errors.username}
            />
            <TextField
              name="password"
              type="password"
              label={t('signIn.password')}
              autocomplete="current-password"
              required
              value={password}
              onChange={setPassword}
              error={errors.password}
            />
            <GcdsText>
              <GcdsLink href={`/${language}/forgot-password`}>{t('signIn.forgotPassword')}</GcdsLink>
            </GcdsText>
            <div className="button-group">
              <GcdsButton type="submit" disabled={loading}>
                {t('signIn.submit')}
              </GcdsButton>
            </div>
          </form>
        </section>
        <section aria-labelledby="gckey-register-heading">
          <GcdsHeading tag="h2" id="gckey-register-heading">
            {t('signIn.register.heading')}
          </GcdsHeading>
          <GcdsText>{t('signIn.register.body')}</GcdsText>
          <GcdsButton type="link" buttonRole="secondary" href={`/${language}/register`}>
            {t('signIn.register.action')}
          </GcdsButton>
          <GcdsText marginTop="300">{t('signIn.register.otherPortals')}</GcdsText>
        </section>
      </GcdsGrid>
    </>
  );
}
