import { useApolloClient } from '@apollo/client/react';
import { GcdsHeading, GcdsStepper } from '@cdssnc/gcds-components-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type RecoveryValues } from '../../../../components/credentials/checklists';
import { emptyRecovery } from '../../../../components/credentials/recovery-fields';
import { useCredentialErrors, useRuleMessage } from '../../../../components/credentials/rule-messages';
import {
  passwordErrors,
  recoveryErrors,
  recoveryFieldKinds,
  usernameErrors,
} from '../../../../components/credentials/validate';
import { useFormErrors } from '../../../../components/forms/use-form-errors';
import { PageLoadError, PageLoading } from '../../../../components/layout/page-status';
import { useDocumentTitle } from '../../../../components/layout/use-document-title';
import {
  UsernameAvailableDocument,
  useRegisterLocalCredentialMutation,
  useRegistrationRecoveryQuestionsQuery,
} from '../../../../generated/graphql';
import { agencyToday } from '../../../../lib/date-time';
import { useStartSession } from '../../../../lib/session';
import { thrownError } from '../../../../lib/graphql-errors';
import { useLanguage } from '../../../../lib/use-language';
import { type FieldErrors, hasErrors } from '../../../../lib/user-errors';
import { PasswordStep, passwordStepFields } from './password-step';
import { RecoveryStep, recoveryStepFields } from './recovery-step';
import { ReviewStep } from './review-step';
import { TermsStep } from './terms-step';
import { UsernameStep } from './username-step';

const steps = ['terms', 'username', 'password', 'recovery', 'review'] as const;
type Step = (typeof steps)[number];

/** Which step shows each field, to send the person back to the right one when the server refuses. */
const stepOfField: Record<string, Step> = {
  username: 'username',
  ...Object.fromEntries(passwordStepFields.map((field) => [field, 'password' as const])),
  ...Object.fromEntries(recoveryStepFields.map((field) => [field, 'recovery' as const])),
};

const fieldKinds = {
  username: 'username',
  password: 'password',
  passwordConfirmation: 'passwordConfirmation',
  ...recoveryFieldKinds('recovery.'),
} as const;

/**
 * Registration of a GCKey (seed §1.5): terms and conditions, username, password, recovery questions,
 * confirmation; then the credential is created, the person is signed in and goes on to the portal's
 * terms of use. Each step checks its fields with the shared rules before moving on; the server checks
 * everything again at the end, and a refusal sends the person back to the step of the first field in
 * error. Cancel, at any step, leaves for the landing page.
 */
export function RegistrationWizard() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const navigate = useNavigate();
  const client = useApolloClient();
  const startSession = useStartSession();
  const ruleMessage = useRuleMessage();
  const credentialErrors = useCredentialErrors();
  const questions = useRegistrationRecoveryQuestionsQuery();
  const [register, { loading: registering }] = useRegisterLocalCredentialMutation();

  const [step, setStep] = useState<Step>('terms');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [recovery, setRecovery] = useState<RecoveryValues>(emptyRecovery);
  const [checking, setChecking] = useState(false);
  const [unsent, setUnsent] = useState(false);
  const { errors, refuse, clear, focusKey } = useFormErrors();
  const today = agencyToday();

  const stepNumber = steps.indexOf(step) + 1;
  const stepTitle = t(`register.steps.${step}`);
  useDocumentTitle(
    tc('documentTitle', {
      page: t('register.documentTitle', { step: stepNumber, total: steps.length, title: stepTitle }),
    }),
  );

  // A new step is a new "page" for screen reader and keyboard users: start them at its heading.
  const stepTop = useRef<HTMLDivElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    stepTop.current?.focus();
  }, [step]);

  const goTo = (next: Step) => {
    clear();
    setUnsent(false);
    setStep(next);
  };
  const back = () => goTo(steps[Math.max(0, stepNumber - 2)] ?? 'terms');

  /** Shows errors on the step of the first field in error. */
  const refuseOn = (next: FieldErrors) => {
    const first = Object.keys(next).find((field) => next[field]);
    const target = (first && stepOfField[first]) || step;
    if (target !== step) setStep(target);
    refuse(next);
  };

  const submitUsername = async () => {
    setUnsent(false);
    const local = usernameErrors('username', username, ruleMessage);
    if (hasErrors(local)) return refuse(local);
    setChecking(true);
    try {
      const { data } = await client.query({
        query: UsernameAvailableDocument,
        variables: { username },
        fetchPolicy: 'network-only',
      });
      if (data?.usernameAvailable) goTo('password');
      else refuse({ username: ruleMessage('username', 'USERNAME_TAKEN') });
    } catch (error) {
      // Too many checks from this address: the server's message says so.
      const throttled = thrownError(error, 'THROTTLED');
      if (throttled) refuse({ username: throttled.message });
      else setUnsent(true);
    } finally {
      setChecking(false);
    }
  };

  const submitPassword = () => {
    const local = passwordErrors(
      { password: 'password', confirmation: 'passwordConfirmation' },
      { password, confirmation, username },
      ruleMessage,
    );
    if (hasErrors(local)) return refuse(local);
    goTo('recovery');
  };

  const submitRecovery = () => {
    const local = recoveryErrors('recovery.', recovery, today, ruleMessage);
    if (hasErrors(local)) return refuse(local);
    goTo('review');
  };

  const submitRegistration = async () => {
    setUnsent(false);
    try {
      const { data } = await register({
        variables: {
          input: {
            acceptTerms: true,
            username,
            password,
            passwordConfirmation: confirmation,
            recovery: {
              questionId: recovery.questionId,
              answer: recovery.answer,
              memorablePerson: recovery.memorablePerson,
              memorablePersonHint: recovery.memorablePersonHint.trim() || null,
              memorableDate: recovery.memorableDate,
              memorableDateHint: recovery.memorableDateHint.trim() || null,
            },
          },
        },
      });
      const payload = data?.registerLocalCredential;
      if (payload?.viewer) {
        await startSession();
        await navigate(`/${language}/welcome`);
        return;
      }
      refuseOn(credentialErrors(payload?.userErrors ?? [], fieldKinds, 'username'));
    } catch {
      setUnsent(true);
    }
  };

  const questionList = questions.data?.recoveryQuestions ?? [];
  const questionText = questionList.find((question) => question.id === recovery.questionId)?.text ?? '';

  return (
    <>
      <GcdsHeading tag="h1">{t('register.title')}</GcdsHeading>
      <div ref={stepTop} tabIndex={-1} className="step-top">
        <GcdsStepper currentStep={stepNumber} totalSteps={steps.length} tag="h2">
          {stepTitle}
        </GcdsStepper>
      </div>
      {unsent ? <PageLoadError kind="submit" /> : null}
      {step === 'terms' ? (
        <TermsStep onAccept={() => goTo('username')} onDecline={() => void navigate(`/${language}`)} />
      ) : null}
      {step === 'username' ? (
        <UsernameStep
          username={username}
          onChange={setUsername}
          errors={errors}
          focusKey={focusKey}
          busy={checking}
          onSubmit={() => void submitUsername()}
          onBack={back}
        />
      ) : null}
      {step === 'password' ? (
        <PasswordStep
          username={username}
          password={password}
          confirmation={confirmation}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
          errors={errors}
          focusKey={focusKey}
          onSubmit={submitPassword}
          onBack={back}
        />
      ) : null}
      {step === 'recovery' ? (
        questions.error && !questions.data ? (
          <PageLoadError />
        ) : !questions.data ? (
          <PageLoading />
        ) : (
          <RecoveryStep
            questions={questionList}
            values={recovery}
            onChange={(field, value) => setRecovery((current) => ({ ...current, [field]: value }))}
            errors={errors}
            focusKey={focusKey}
            today={today}
            onSubmit={submitRecovery}
            onBack={back}
          />
        )
      ) : null}
      {step === 'review' ? (
        <ReviewStep
          username={username}
          questionText={questionText}
          recovery={recovery}
          busy={registering}
          onSubmit={() => void submitRegistration()}
          onBack={back}
        />
      ) : null}
    </>
  );
}
