import { GcdsButton, GcdsHeading, GcdsStepper, GcdsText } from '@cdssnc/gcds-components-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../components/forms/use-form-errors';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type OnboardingRegistrationFragment,
  useOnboardingAnswerQuestionsMutation,
  useOnboardingRegistrationProgressQuery,
  useOnboardingStartRegistrationMutation,
  useOnboardingValidateBusinessMutation,
} from '../../../generated/graphql';
import { type FieldErrors, type UserError, fieldErrorsOf, hasErrors } from '../../../lib/user-errors';
import { LinkedBusinessNotice, useRefreshAfterLink } from './linked-business';
import { AttemptsNotice } from './registration/attempts-notice';
import { type Blocked, BlockedNotice, isBlocked } from './registration/blocked-notice';
import { IdentifyStep, type IdentifyValues, identifyFields } from './registration/identify-step';
import {
  QuestionsStep,
  type QuestionValues,
  fieldOfQuestion,
  questionFields,
} from './registration/questions-step';
import {
  LEGAL_NAME_MAX_LENGTH,
  amountProblem,
  businessNumberProblem,
  programAccountReferenceProblem,
} from './registration/rules';
import { ValidateStep, type ValidateValues, validateFields } from './registration/validate-step';

type Registration = OnboardingRegistrationFragment;
const steps = ['identify', 'validate', 'questions'] as const;
type Step = (typeof steps)[number];

/** The step a registration is at: the one after the last step done. */
function stepOf(registration: Registration | null): Step {
  if (registration?.step === 'IDENTIFY') return 'validate';
  if (registration?.step === 'VALIDATE_BUSINESS') return 'questions';
  return 'identify';
}

/**
 * Registration of a business (seed 003 §1.7), in three steps against the server: identify the business
 * (BN, importer account, attestation), confirm its legal name and an address on record, answer questions
 * about the account's records. The person becomes its Business Account Manager. A registration in progress
 * is resumed where it was left; failed attempts at steps 2 and 3 count towards the business's lock.
 */
export function RegisterBusinessPage() {
  const { data, loading, error } = useOnboardingRegistrationProgressQuery({ fetchPolicy: 'network-only' });
  const me = data?.me;
  if (!me) return <RegistrationLoading failed={!loading && Boolean(error)} />;
  return (
    <RegistrationWizard
      personName={me.profile ? `${me.profile.firstName} ${me.profile.lastName}` : ''}
      resumed={me.businessRegistration ?? null}
    />
  );
}

function RegistrationLoading({ failed }: { failed: boolean }) {
  const { t } = useTranslation('onboarding');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('register.title') }));
  return (
    <>
      <GcdsHeading tag="h1">{t('register.title')}</GcdsHeading>
      {failed ? <PageLoadError /> : <PageLoading />}
    </>
  );
}

interface RegistrationWizardProps {
  personName: string;
  /** The registration in progress when the page opened, if any. */
  resumed: Registration | null;
}

function RegistrationWizard({ personName, resumed }: RegistrationWizardProps) {
  const { t } = useTranslation('onboarding');
  const { t: tc } = useTranslation('common');
  const refresh = useRefreshAfterLink();
  const [start, { loading: starting }] = useOnboardingStartRegistrationMutation();
  const [validate, { loading: validating }] = useOnboardingValidateBusinessMutation();
  const [answer, { loading: answering }] = useOnboardingAnswerQuestionsMutation();
  const { errors, refuse, clear, focusKey } = useFormErrors();

  const [registration, setRegistration] = useState<Registration | null>(resumed);
  const [resuming, setResuming] = useState(resumed !== null);
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  const [unsent, setUnsent] = useState(false);
  const [identify, setIdentify] = useState<IdentifyValues>({
    businessNumber: '',
    programAccountReference: '',
    attest: false,
  });
  const [details, setDetails] = useState<ValidateValues>({
    legalName: '',
    line1: '',
    line2: '',
    poBoxOrRuralRoute: '',
    country: '',
  });
  const [answers, setAnswers] = useState<QuestionValues>({
    transactionTotal: '',
    latestPayment: '',
    statementBalance: '',
  });

  const completed = registration?.step === 'COMPLETED' ? registration.business : null;
  const step = stepOf(registration);
  const stepNumber = steps.indexOf(step) + 1;
  const stepTitle = t(`register.steps.${step}`);
  useDocumentTitle(
    tc('documentTitle', {
      page:
        completed || blocked
          ? t('register.title')
          : t('register.documentTitle', { step: stepNumber, total: steps.length, title: stepTitle }),
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
    // Null while a notice replaces the steps (the notice takes focus itself).
    stepTop.current?.focus();
  }, [step, blocked]);

  /** The payload of a step: the next registration state, or what stops it. */
  const settle = (
    payload: { registration?: Registration | null; userErrors: readonly UserError[] } | undefined,
    fields: readonly string[],
    advanced: (next: Registration) => boolean,
  ): void => {
    if (payload?.registration) setRegistration(payload.registration);
    const stop = payload?.userErrors.find((userError) => isBlocked(userError.code));
    if (stop && isBlocked(stop.code)) {
      clear();
      setBlocked(stop.code);
      return;
    }
    if (payload?.registration && advanced(payload.registration) && !payload.userErrors.length) {
      clear();
      return;
    }
    refuse(fieldErrorsOf(payload?.userErrors ?? [], fields));
  };

  const send = async (action: () => Promise<void>) => {
    setUnsent(false);
    try {
      await action();
    } catch {
      setUnsent(true);
    }
  };

  const submitIdentify = () => {
    const local: FieldErrors = {};
    const bn = businessNumberProblem(identify.businessNumber);
    if (bn) local.businessNumber = t(`errors.businessNumber.${bn}`);
    const reference = programAccountReferenceProblem(identify.programAccountReference);
    if (reference) local.programAccountReference = t(`errors.programAccountReference.${reference}`);
    if (!identify.attest) local.attest = t('errors.attest.REQUIRED');
    if (hasErrors(local)) return refuse(local);
    void send(async () => {
      const { data } = await start({
        variables: {
          input: {
            businessNumber: identify.businessNumber.trim(),
            programAccountReference: identify.programAccountReference.trim().toUpperCase(),
            attest: identify.attest,
          },
        },
      });
      settle(data?.startBusinessRegistration, identifyFields, (next) => next.step === 'IDENTIFY');
    });
  };

  const submitValidate = () => {
    if (!registration) return;
    const local: FieldErrors = {};
    const legalName = details.legalName.trim();
    if (!legalName) local.legalName = t('errors.legalName.REQUIRED');
    else if ([...legalName].length > LEGAL_NAME_MAX_LENGTH)
      local.legalName = t('errors.legalName.TOO_LONG', { max: LEGAL_NAME_MAX_LENGTH });
    if (!details.line1.trim()) local['address.line1'] = t('errors.line1.REQUIRED');
    if (!details.country) local['address.country'] = t('errors.country.REQUIRED');
    if (hasErrors(local)) return refuse(local);
    void send(async () => {
      const { data } = await validate({
        variables: {
          input: {
            registrationId: registration.id,
            // Sent as typed: the server trims surrounding whitespace only, and compares the rest exactly.
            legalName: details.legalName,
            address: {
              line1: details.line1,
              line2: details.line2.trim() ? details.line2 : null,
              poBoxOrRuralRoute: details.poBoxOrRuralRoute.trim() ? details.poBoxOrRuralRoute : null,
              country: details.country,
            },
          },
        },
      });
      settle(data?.validateBusiness, validateFields, (next) => next.step === 'VALIDATE_BUSINESS');
    });
  };

  const submitQuestions = () => {
    if (!registration) return;
    const asked = registration.questions.map((question) => fieldOfQuestion[question.kind]);
    const local: FieldErrors = {};
    for (const field of asked) {
      const problem = amountProblem(answers[field], field === 'statementBalance');
      if (problem) local[field] = t(`errors.amount.${problem}`);
    }
    if (hasErrors(local)) return refuse(local);
    void send(async () => {
      const { data } = await answer({
        variables: {
          input: {
            registrationId: registration.id,
            transactionTotal: answers.transactionTotal.trim(),
            latestPayment: answers.latestPayment.trim(),
            statementBalance: asked.includes('statementBalance') ? answers.statementBalance.trim() : null,
          },
        },
      });
      const payload = data?.answerRegistrationQuestions;
      settle(payload, questionFields, (next) => next.step === 'COMPLETED');
      if (payload?.registration?.step === 'COMPLETED') await refresh();
    });
  };

  const startOver = () => {
    clear();
    setUnsent(false);
    setBlocked(null);
    setResuming(false);
    setRegistration(null);
  };

  return (
    <>
      <GcdsHeading tag="h1">{t('register.title')}</GcdsHeading>
      {completed ? (
        <LinkedBusinessNotice
          title={t('register.done.title')}
          business={completed}
          legalName={details.legalName.trim() || undefined}
        />
      ) : blocked ? (
        <>
          <BlockedNotice
            reason={blocked}
            businessNumber={registration?.businessNumber ?? identify.businessNumber.trim()}
          />
          {blocked === 'REGISTRATION_LOCKED' && registration ? (
            <AttemptsNotice remaining={registration.attemptsRemaining} />
          ) : null}
          <div className="button-group">
            <GcdsButton type="button" buttonRole="secondary" onClick={startOver}>
              {t('register.startOver')}
            </GcdsButton>
          </div>
        </>
      ) : (
        <>
          <div ref={stepTop} tabIndex={-1} className="step-top">
            <GcdsStepper currentStep={stepNumber} totalSteps={steps.length} tag="h2">
              {stepTitle}
            </GcdsStepper>
          </div>
          {unsent ? <PageLoadError kind="submit" /> : null}
          {resuming && registration ? (
            <div className="button-group">
              <GcdsText>{t('register.resume', { businessNumber: registration.businessNumber })}</GcdsText>
              <GcdsButton type="button" buttonRole="secondary" size="small" onClick={startOver}>
                {t('register.startOver')}
              </GcdsButton>
            </div>
          ) : null}
          {step === 'identify' ? (
            <IdentifyStep
              values={identify}
              onChange={setIdentify}
              personName={personName}
              errors={errors}
              focusKey={focusKey}
              busy={starting}
              onSubmit={submitIdentify}
            />
          ) : null}
          {step === 'validate' && registration ? (
            <ValidateStep
              businessNumber={registration.businessNumber}
              values={details}
              onChange={setDetails}
              attemptsRemaining={registration.attemptsRemaining}
              errors={errors}
              focusKey={focusKey}
              busy={validating}
              onSubmit={submitValidate}
            />
          ) : null}
          {step === 'questions' && registration ? (
            <QuestionsStep
              registration={registration}
              values={answers}
              onChange={setAnswers}
              errors={errors}
              focusKey={focusKey}
              busy={answering}
              onSubmit={submitQuestions}
            />
          ) : null}
        </>
      )}
    </>
  );
}
