import { useApolloClient } from '@apollo/client/react';
import { GcdsButton, GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TextAreaField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type OnboardingAccessRequestFragment,
  OnboardingEmployerPreviewDocument,
  type OnboardingEmployerPreviewQuery,
} from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { thrownError } from '../../../lib/graphql-errors';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors, fieldErrorsOf } from '../../../lib/user-errors';
import { useRequestEmployerAccess } from '../hooks/use-request-employer-access';
import { REASON_MAX_LENGTH, businessNumberProblem } from './registration/rules';

const fields = ['businessNumber', 'reason'] as const;
type Preview = NonNullable<OnboardingEmployerPreviewQuery['employerPreview']>;

/**
 * An employee asks for access to their employer's business (seed 003 §1.7): the business number first,
 * which shows the business's name (only for businesses registered on the portal), then the reason; the
 * business's Business Account Manager decides. `?businessNumber=` fills in the number (from the
 * registration's "already registered" message).
 */
export function RequestAccessPage() {
  const { t } = useTranslation('onboarding');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const client = useApolloClient();
  const [params] = useSearchParams();
  useDocumentTitle(tc('documentTitle', { page: t('requestAccess.title') }));

  const [businessNumber, setBusinessNumber] = useState(params.get('businessNumber') ?? '');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reason, setReason] = useState('');
  const [finding, setFinding] = useState(false);
  // The look-up of the business is a query, not the form's mutation: its own failure flag.
  const [unfound, setUnfound] = useState(false);
  const [sent, setSent] = useState<OnboardingAccessRequestFragment | null>(null);
  const { requestEmployerAccess, loading: sending } = useRequestEmployerAccess();
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) => fieldErrorsOf(userErrors, fields, 'reason'),
  });
  const { errors, refuse, clear, focusKey } = form;
  const unsent = unfound || form.unsent;

  // Once the business is found, the next thing to read is its name, then the reason to give.
  const found = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (preview) found.current?.focus();
  }, [preview]);
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sent) done.current?.focus();
  }, [sent]);

  const changeBusinessNumber = (value: string) => {
    setBusinessNumber(value);
    // Another number is another business: find it again before asking for the reason.
    if (preview && value.trim() !== preview.businessNumber) setPreview(null);
  };

  const find = async () => {
    setUnfound(false);
    const problem = businessNumberProblem(businessNumber);
    if (problem) return refuse({ businessNumber: t(`errors.businessNumber.${problem}`) });
    setFinding(true);
    try {
      const { data } = await client.query({
        query: OnboardingEmployerPreviewDocument,
        variables: { businessNumber: businessNumber.trim() },
        fetchPolicy: 'network-only',
      });
      if (data?.employerPreview) {
        clear();
        setPreview(data.employerPreview);
      } else {
        refuse({ businessNumber: t('errors.notRegistered') });
      }
    } catch (error) {
      // Too many look-ups: the server's message says when to try again.
      const throttled = thrownError(error, 'THROTTLED');
      if (throttled) refuse({ businessNumber: throttled.message });
      else setUnfound(true);
    } finally {
      setFinding(false);
    }
  };

  const send = async () => {
    if (!preview) return;
    setUnfound(false);
    const local: FieldErrors = {};
    const text = reason.trim();
    if (!text) local.reason = t('errors.reason.REQUIRED');
    else if ([...text].length > REASON_MAX_LENGTH)
      local.reason = t('errors.reason.TOO_LONG', { max: REASON_MAX_LENGTH });
    await form.submit({
      local,
      send: () => requestEmployerAccess({ businessNumber: preview.businessNumber, reason: text }),
      succeeded: (payload) => Boolean(payload.accessRequest),
      onSuccess: (payload) => {
        clear();
        setSent(payload.accessRequest ?? null);
      },
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void (preview ? send() : find());
  };

  if (sent) {
    const business = t('businessName', {
      name: sent.business.name,
      businessNumber: sent.business.businessNumber,
    });
    return (
      <>
        <GcdsHeading tag="h1">{t('requestAccess.title')}</GcdsHeading>
        <div ref={done} tabIndex={-1} className="step-top">
          <GcdsNotice
            type="success"
            noticeTitleTag="h2"
            noticeTitle={t('requestAccess.sent.title')}
            role="status"
          >
            <GcdsText>{t('requestAccess.sent.body', { business })}</GcdsText>
            <GcdsText>
              {t('requestAccess.sent.details', {
                status: t(`requestStatus.${sent.status}`),
                date: formatDateTime(sent.requestedAt, language),
              })}
            </GcdsText>
          </GcdsNotice>
        </div>
        <GcdsText>
          <GcdsLink href={`/${language}/setup`}>{t('linked.setupLink')}</GcdsLink>
        </GcdsText>
      </>
    );
  }

  return (
    <>
      <GcdsHeading tag="h1">{t('requestAccess.title')}</GcdsHeading>
      <form noValidate onSubmit={submit}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {unsent ? <PageLoadError kind="submit" /> : null}
        <GcdsText>{t('requestAccess.intro')}</GcdsText>
        <TextField
          name="businessNumber"
          label={t('requestAccess.businessNumber')}
          hint={t('requestAccess.businessNumberHint')}
          inputmode="numeric"
          size={12}
          required
          value={businessNumber}
          onChange={changeBusinessNumber}
          error={errors.businessNumber}
        />
        {preview ? (
          <>
            <div ref={found} tabIndex={-1} className="step-top" role="status">
              <GcdsText>
                <strong>
                  {t('requestAccess.found', {
                    business: t('businessName', {
                      name: preview.name,
                      businessNumber: preview.businessNumber,
                    }),
                  })}
                </strong>
              </GcdsText>
              <GcdsText>{t('requestAccess.foundHint')}</GcdsText>
            </div>
            <TextAreaField
              name="reason"
              label={t('requestAccess.reason')}
              hint={t('requestAccess.reasonHint', { max: REASON_MAX_LENGTH })}
              required
              maxLength={REASON_MAX_LENGTH}
              value={reason}
              onChange={setReason}
              error={errors.reason}
            />
          </>
        ) : null}
        <div className="button-group">
          <GcdsButton type="submit" disabled={finding || sending}>
            {preview ? t('requestAccess.submit') : t('requestAccess.find')}
          </GcdsButton>
          <GcdsButton type="link" buttonRole="secondary" href={`/${language}/setup`}>
            {t('requestAccess.cancel')}
          </GcdsButton>
        </div>
      </form>
    </>
  );
}
