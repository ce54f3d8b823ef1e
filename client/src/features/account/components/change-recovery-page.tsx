import { GcdsButton } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type RecoveryValues } from '../../../components/credentials/checklists';
import { emptyRecovery, RecoveryFields } from '../../../components/credentials/recovery-fields';
import { useCredentialErrors, useRuleMessage } from '../../../components/credentials/rule-messages';
import {
  recoveryErrors,
  recoveryFieldKinds,
  recoveryFieldNames,
} from '../../../components/credentials/validate';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useAccountRecoveryQuestionsQuery } from '../../../generated/graphql';
import { agencyToday } from '../../../lib/date-time';
import { flashState } from '../../../lib/flash';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors } from '../../../lib/user-errors';
import { useChangeRecovery } from '../hooks/use-change-recovery';
import { AccountPageFrame } from './account-page-frame';

const fields = ['currentPassword', ...Object.values(recoveryFieldNames('recovery.'))];
const kinds = { currentPassword: 'currentPassword', ...recoveryFieldKinds('recovery.') } as const;

/** Change recovery questions: the current password, then new recovery answers and hints. */
export function ChangeRecoveryPage() {
  const { t } = useTranslation('account');
  const language = useLanguage();
  const navigate = useNavigate();
  const ruleMessage = useRuleMessage();
  const credentialErrors = useCredentialErrors();
  const questions = useAccountRecoveryQuestionsQuery();
  const { changeRecovery, loading } = useChangeRecovery();
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) => credentialErrors(userErrors, kinds, 'currentPassword'),
  });
  const { errors, focusKey, unsent } = form;
  const [currentPassword, setCurrentPassword] = useState('');
  const [recovery, setRecovery] = useState<RecoveryValues>(emptyRecovery);
  const today = agencyToday();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {
      ...(currentPassword ? {} : { currentPassword: ruleMessage('currentPassword', 'REQUIRED') }),
      ...recoveryErrors('recovery.', recovery, today, ruleMessage),
    };
    await form.submit({
      local,
      send: () =>
        changeRecovery({
          currentPassword,
          recovery: {
            ...recovery,
            memorablePersonHint: recovery.memorablePersonHint.trim() || null,
            memorableDateHint: recovery.memorableDateHint.trim() || null,
          },
        }),
      succeeded: (payload) => Boolean(payload.viewer),
      onSuccess: () => navigate(`/${language}/welcome`, { state: flashState('recoveryChanged') }),
    });
  };

  return (
    <AccountPageFrame title={t('recovery.title')} localOnly>
      {() =>
        !questions.data ? (
          questions.error ? (
            <PageLoadError />
          ) : (
            <PageLoading />
          )
        ) : (
          <form noValidate onSubmit={(event) => void submit(event)}>
            <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
            {unsent ? <PageLoadError kind="submit" /> : null}
            <TextField
              name="currentPassword"
              type="password"
              autocomplete="current-password"
              label={t('recovery.currentPassword')}
              required
              value={currentPassword}
              onChange={setCurrentPassword}
              error={errors.currentPassword}
            />
            <RecoveryFields
              prefix="recovery."
              questions={questions.data.recoveryQuestions}
              values={recovery}
              onChange={(field, value) => setRecovery((current) => ({ ...current, [field]: value }))}
              errors={errors}
              today={today}
            />
            <div className="button-group">
              <GcdsButton type="submit" disabled={loading}>
                {t('recovery.submit')}
              </GcdsButton>
              <GcdsButton type="link" buttonRole="secondary" href={`/${language}/welcome`}>
                {t('cancel')}
              </GcdsButton>
            </div>
          </form>
        )
      }
    </AccountPageFrame>
  );
}
