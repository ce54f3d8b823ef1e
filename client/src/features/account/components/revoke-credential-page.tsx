import { GcdsButton, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuleMessage } from '../../../components/credentials/rule-messages';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError } from '../../../components/layout/page-status';
import { focusWhenReady, shadowControl } from '../../../lib/focus';
import { useLeaveSession } from '../../../lib/session';
import { useLanguage } from '../../../lib/use-language';
import { useRevokeCredential } from '../hooks/use-revoke-credential';
import { AccountPageFrame } from './account-page-frame';

const fields = ['currentPassword'] as const;

/**
 * Revoke the credential: what it means, then a confirmation (with the password for a GCKey). It ends
 * every session and the username can never sign in again, so it takes two deliberate steps.
 */
export function RevokeCredentialPage() {
  const { t } = useTranslation('account');
  const language = useLanguage();
  const ruleMessage = useRuleMessage();
  const leaveSession = useLeaveSession();
  const { revokeCredential, loading } = useRevokeCredential();
  // One message, beside the password: the first refusal, or a plain "not revoked".
  const form = useMutationForm({
    fields,
    mapErrors: ([first]) => ({
      currentPassword: first ? ruleMessage('currentPassword', first.code, first.message) : t('revoke.failed'),
    }),
  });
  const { errors, focusKey, unsent } = form;
  const [confirming, setConfirming] = useState(false);
  const [currentPassword, setCurrentPassword] = useState('');
  // The button that was pressed is gone: start keyboard and screen reader users on the confirmation.
  const confirmation = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!confirming) return;
    return focusWhenReady(() => {
      const form = confirmation.current;
      return (
        shadowControl(form?.querySelector('gcds-input'), 'input') ??
        shadowControl(form?.querySelector('gcds-button'))
      );
    });
  }, [confirming]);

  const submit = async (event: FormEvent, local: boolean) => {
    event.preventDefault();
    await form.submit({
      local: local && !currentPassword ? { currentPassword: ruleMessage('currentPassword', 'REQUIRED') } : {},
      send: () => revokeCredential({ currentPassword: local ? currentPassword : null }),
      succeeded: (payload) => Boolean(payload.signedOut),
      onSuccess: () => leaveSession('landing', 'credentialRevoked'),
    });
  };

  return (
    <AccountPageFrame title={t('revoke.title')}>
      {(me) => {
        const local = me.credentialKind === 'LOCAL';
        return (
          <>
            <GcdsNotice type="warning" noticeTitleTag="h2" noticeTitle={t('revoke.warning.title')}>
              <GcdsText>{t('revoke.warning.body')}</GcdsText>
            </GcdsNotice>
            {!confirming ? (
              <div className="button-group">
                <GcdsButton type="button" buttonRole="danger" onClick={() => setConfirming(true)}>
                  {t('revoke.start')}
                </GcdsButton>
                <GcdsButton type="link" buttonRole="secondary" href={`/${language}/welcome`}>
                  {t('cancel')}
                </GcdsButton>
              </div>
            ) : (
              <form ref={confirmation} noValidate onSubmit={(event) => void submit(event, local)}>
                <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
                {unsent ? <PageLoadError kind="submit" /> : null}
                <GcdsText>{local ? t('revoke.confirmLocal') : t('revoke.confirmPartner')}</GcdsText>
                {local ? (
                  <TextField
                    name="currentPassword"
                    type="password"
                    autocomplete="current-password"
                    label={t('revoke.password')}
                    required
                    value={currentPassword}
                    onChange={setCurrentPassword}
                    error={errors.currentPassword}
                  />
                ) : null}
                <div className="button-group">
                  <GcdsButton type="submit" buttonRole="danger" disabled={loading}>
                    {t('revoke.confirm')}
                  </GcdsButton>
                  <GcdsButton type="link" buttonRole="secondary" href={`/${language}/welcome`}>
                    {t('revoke.keep')}
                  </GcdsButton>
                </div>
              </form>
            )}
          </>
        );
      }}
    </AccountPageFrame>
  );
}
