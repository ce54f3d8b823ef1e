import { GcdsButton } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PasswordFields } from '../../../components/credentials/password-fields';
import { useCredentialErrors, useRuleMessage } from '../../../components/credentials/rule-messages';
import { passwordErrors } from '../../../components/credentials/validate';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError } from '../../../components/layout/page-status';
import { flashState } from '../../../lib/flash';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors } from '../../../lib/user-errors';
import { useChangePassword } from '../hooks/use-change-password';
import { AccountPageFrame } from './account-page-frame';

const fields = ['currentPassword', 'newPassword', 'newPasswordConfirmation'] as const;
const kinds = {
  currentPassword: 'currentPassword',
  newPassword: 'password',
  newPasswordConfirmation: 'passwordConfirmation',
} as const;

/** Change password: the current one, then a new one with the password checklist. */
export function ChangePasswordPage() {
  const { t } = useTranslation('account');
  const language = useLanguage();
  const navigate = useNavigate();
  const ruleMessage = useRuleMessage();
  const credentialErrors = useCredentialErrors();
  const { changePassword, loading } = useChangePassword();
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) => credentialErrors(userErrors, kinds, 'currentPassword'),
  });
  const { errors, focusKey, unsent } = form;
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', newPasswordConfirmation: '' });
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent, username: string) => {
    event.preventDefault();
    const local: FieldErrors = {
      ...(values.currentPassword ? {} : { currentPassword: ruleMessage('currentPassword', 'REQUIRED') }),
      ...passwordErrors(
        { password: 'newPassword', confirmation: 'newPasswordConfirmation' },
        { password: values.newPassword, confirmation: values.newPasswordConfirmation, username },
        ruleMessage,
      ),
    };
    await form.submit({
      local,
      send: () => changePassword(values),
      succeeded: (payload) => Boolean(payload.viewer),
      onSuccess: () => navigate(`/${language}/welcome`, { state: flashState('passwordChanged') }),
    });
  };

  return (
    <AccountPageFrame title={t('password.title')} localOnly>
      {(me) => (
        <form noValidate onSubmit={(event) => void submit(event, me.username ?? '')}>
          <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
          {unsent ? <PageLoadError kind="submit" /> : null}
          <TextField
            name="currentPassword"
            type="password"
            autocomplete="current-password"
            label={t('password.current')}
            required
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={errors.currentPassword}
          />
          <PasswordFields
            names={{ password: 'newPassword', confirmation: 'newPasswordConfirmation' }}
            wording="new"
            username={me.username ?? ''}
            password={values.newPassword}
            confirmation={values.newPasswordConfirmation}
            onPasswordChange={set('newPassword')}
            onConfirmationChange={set('newPasswordConfirmation')}
            errors={errors}
          />
          <div className="button-group">
            <GcdsButton type="submit" disabled={loading}>
              {t('password.submit')}
            </GcdsButton>
            <GcdsButton type="link" buttonRole="secondary" href={`/${language}/welcome`}>
              {t('cancel')}
            </GcdsButton>
          </div>
        </form>
      )}
    </AccountPageFrame>
  );
}
