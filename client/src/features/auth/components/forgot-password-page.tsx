import { useApolloClient } from '@apollo/client/react';
import { GcdsButton, GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { memorableDateProblems, recoveryAnswerProblems } from '@rules/credential-rules';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordFields } from '../../../components/credentials/password-fields';
import {
  type CredentialFieldKind,
  useCredentialErrors,
  useRuleMessage,
} from '../../../components/credentials/rule-messages';
import { passwordErrors } from '../../../components/credentials/validate';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  PasswordRecoveryChallengeDocument,
  type PasswordRecoveryChallengeQuery,
} from '../../../generated/graphql';
import { agencyToday } from '../../../lib/date-time';
import { thrownError } from '../../../lib/graphql-errors';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors } from '../../../lib/user-errors';
import { useResetForgottenPassword } from '../hooks/use-reset-forgotten-password';

type Challenge = PasswordRecoveryChallengeQuery['passwordRecoveryChallenge'];

const usernameFields = ['username'] as const;
const resetFields = [
  'answer',
  'memorablePerson',
  'memorableDate',
  'newPassword',
  'newPasswordConfirmation',
] as const;
const resetKinds: Record<string, CredentialFieldKind> = {
  answer: 'answer',
  memorablePerson: 'memorablePerson',
  memorableDate: 'memorableDate',
  newPassword: 'password',
  newPasswordConfirmation: 'passwordConfirmation',
};

/**
 * Forgotten password (domain §1): the username, then the recovery question with the person's hints,
 * the answers and a new password. The agency cannot recover a password; correct answers set a new
 * one, and wrong answers count toward the lockout. The server answers the same way for unknown
 * usernames, so this page never says whether a username exists.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const client = useApolloClient();
  const ruleMessage = useRuleMessage();
  const credentialErrors = useCredentialErrors();
  const { resetForgottenPassword, loading: resetting } = useResetForgottenPassword();
  const form = useMutationForm({
    fields: resetFields,
    mapErrors: (userErrors) => credentialErrors(userErrors, resetKinds, 'answer'),
  });
  const { errors, refuse, focusKey } = form;
  // The challenge look-up is a query, not the form's mutation: its own failure flag.
  const [unfound, setUnfound] = useState(false);
  const unsent = unfound || form.unsent;
  const [username, setUsername] = useState('');
  const [challenge, setChallenge] = useState<Challenge>();
  const [fetching, setFetching] = useState(false);
  const [values, setValues] = useState({
    answer: '',
    memorablePerson: '',
    memorableDate: '',
    newPassword: '',
    newPasswordConfirmation: '',
  });
  const [done, setDone] = useState(false);
  useDocumentTitle(tc('documentTitle', { page: t('forgot.title') }));
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const askChallenge = async (event: FormEvent) => {
    event.preventDefault();
    setUnfound(false);
    if (!username.trim()) return refuse({ username: ruleMessage('username', 'REQUIRED') });
    setFetching(true);
    try {
      const { data } = await client.query({
        query: PasswordRecoveryChallengeDocument,
        variables: { username: username.trim() },
        fetchPolicy: 'network-only',
      });
      if (data) setChallenge(data.passwordRecoveryChallenge);
    } catch (error) {
      // Too many lookups from this address: the server's message says when to try again.
      const throttled = thrownError(error, 'THROTTLED');
      if (throttled) refuse({ username: throttled.message });
      else setUnfound(true);
    } finally {
      setFetching(false);
    }
  };

  const submitReset = async (event: FormEvent) => {
    event.preventDefault();
    setUnfound(false);
    const local: FieldErrors = {
      ...passwordErrors(
        { password: 'newPassword', confirmation: 'newPasswordConfirmation' },
        { password: values.newPassword, confirmation: values.newPasswordConfirmation, username },
        ruleMessage,
      ),
    };
    // Only whether something was typed: checking the format of an answer would hint at what it is not.
    if (recoveryAnswerProblems(values.answer)[0] === 'REQUIRED')
      local.answer = ruleMessage('answer', 'REQUIRED');
    if (recoveryAnswerProblems(values.memorablePerson)[0] === 'REQUIRED')
      local.memorablePerson = ruleMessage('memorablePerson', 'REQUIRED');
    const dateProblem = memorableDateProblems(values.memorableDate, agencyToday())[0];
    if (dateProblem === 'REQUIRED' || dateProblem === 'INVALID_DATE')
      local.memorableDate = ruleMessage('memorableDate', dateProblem);
    await form.submit({
      local,
      send: () => resetForgottenPassword({ username: username.trim(), ...values }),
      succeeded: (payload) => payload.userErrors.length === 0,
      onSuccess: () => setDone(true),
    });
  };

  if (done) {
    return (
      <>
        <GcdsHeading tag="h1">{t('forgot.title')}</GcdsHeading>
        <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={t('forgot.done.title')} role="status">
          <GcdsText>{t('forgot.done.body')}</GcdsText>
        </GcdsNotice>
        <GcdsText>
          <GcdsLink href={`/${language}/sign-in/gckey`}>{t('forgot.done.signIn')}</GcdsLink>
        </GcdsText>
      </>
    );
  }

  return (
    <>
      <GcdsHeading tag="h1">{t('forgot.title')}</GcdsHeading>
      {unsent ? <PageLoadError kind="submit" /> : null}
      {!challenge ? (
        <form noValidate onSubmit={(event) => void askChallenge(event)}>
          <FormErrorSummary errors={errors} fields={usernameFields} focusKey={focusKey} />
          <GcdsText>{t('forgot.lead')}</GcdsText>
          <TextField
            name="username"
            label={t('forgot.username')}
            autocomplete="username"
            required
            value={username}
            onChange={setUsername}
            error={errors.username}
          />
          <div className="button-group">
            <GcdsButton type="submit" disabled={fetching}>
              {t('forgot.continue')}
            </GcdsButton>
            <GcdsButton type="link" buttonRole="secondary" href={`/${language}/sign-in/gckey`}>
              {t('forgot.cancel')}
            </GcdsButton>
          </div>
          <GcdsText>{t('forgot.forgotUsername')}</GcdsText>
        </form>
      ) : (
        <form noValidate onSubmit={(event) => void submitReset(event)}>
          <FormErrorSummary errors={errors} fields={resetFields} focusKey={focusKey} />
          <GcdsText>{t('forgot.answerLead', { username: username.trim() })}</GcdsText>
          <GcdsHeading tag="h2">{t('forgot.questionHeading')}</GcdsHeading>
          <GcdsText>{challenge.question.text}</GcdsText>
          <TextField
            name="answer"
            label={t('forgot.answer')}
            autocomplete="off"
            required
            value={values.answer}
            onChange={set('answer')}
            error={errors.answer}
          />
          <TextField
            name="memorablePerson"
            label={t('forgot.memorablePerson')}
            hint={
              challenge.memorablePersonHint
                ? t('forgot.yourHint', { hint: challenge.memorablePersonHint })
                : undefined
            }
            autocomplete="off"
            required
            value={values.memorablePerson}
            onChange={set('memorablePerson')}
            error={errors.memorablePerson}
          />
          <TextField
            name="memorableDate"
            label={t('forgot.memorableDate')}
            hint={
              challenge.memorableDateHint
                ? t('forgot.yourDateHint', { hint: challenge.memorableDateHint })
                : t('forgot.dateFormat')
            }
            autocomplete="off"
            inputmode="numeric"
            size={10}
            required
            value={values.memorableDate}
            onChange={set('memorableDate')}
            error={errors.memorableDate}
          />
          <GcdsHeading tag="h2">{t('forgot.newPasswordHeading')}</GcdsHeading>
          <PasswordFields
            names={{ password: 'newPassword', confirmation: 'newPasswordConfirmation' }}
            wording="new"
            checklistLevel="h3"
            username={username.trim()}
            password={values.newPassword}
            confirmation={values.newPasswordConfirmation}
            onPasswordChange={set('newPassword')}
            onConfirmationChange={set('newPasswordConfirmation')}
            errors={errors}
          />
          <div className="button-group">
            <GcdsButton type="submit" disabled={resetting}>
              {t('forgot.submit')}
            </GcdsButton>
            <GcdsButton type="link" buttonRole="secondary" href={`/${language}/sign-in/gckey`}>
              {t('forgot.cancel')}
            </GcdsButton>
          </div>
        </form>
      )}
    </>
  );
}
