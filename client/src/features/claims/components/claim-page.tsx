import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CheckboxField, TextAreaField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { useClaimDetailQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { useAnswerClaimInformation } from '../hooks/use-answer-claim-information';
import { useSubmitClaim } from '../hooks/use-submit-claim';
import { useWithdrawClaim } from '../hooks/use-withdraw-claim';
import { type ClaimDetail, ClaimDetails } from './claim-details';
import { FailureNotice, SuccessNotice } from './claims-parts';

const OPEN = ['IN_PROGRESS', 'SUBMITTED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED'];

/** One claim: its refund and timeline; submit a draft, answer the agency, withdraw. */
export function ClaimPage() {
  const { t } = useTranslation('claims');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { claimId = '' } = useParams();
  const { data, loading, error, refetch } = useClaimDetailQuery({
    variables: { id: claimId },
    fetchPolicy: 'cache-and-network',
  });
  const claim = data?.claim;
  // Never a heading without its number: the list's title while loading, "not found" when there is none.
  const title = claim
    ? t('claim.title', { caseNumber: claim.caseNumber })
    : data
      ? t('claim.notFoundTitle')
      : t('list.title');
  useDocumentTitle(tc('documentTitle', { page: title }));
  const [done, setDone] = useState<string>();

  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {done ? <SuccessNotice title={done} /> : null}
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !claim ? <GcdsText>{t('claim.notFound')}</GcdsText> : null}
      {claim ? (
        <>
          <ClaimDetails claim={claim} language={language} />
          {/* Supporting documents while the claimant is the one to act: a draft, or the agency asked. */}
          {claim.status === 'IN_PROGRESS' || claim.status === 'INFORMATION_REQUESTED' ? (
            <GcdsText>
              <GcdsLink href={`/${language}/documents/upload?case=${encodeURIComponent(claim.caseNumber)}`}>
                {t('claim.uploadDocuments')}
              </GcdsLink>
            </GcdsText>
          ) : null}
          {claim.status === 'IN_PROGRESS' ? (
            <SubmitForm
              claim={claim}
              onDone={() => {
                setDone(t('claim.submitted'));
                void refetch();
              }}
            />
          ) : null}
          {claim.status === 'INFORMATION_REQUESTED' ? (
            <AnswerForm
              claim={claim}
              onDone={() => {
                setDone(t('claim.answered'));
                void refetch();
              }}
            />
          ) : null}
          {OPEN.includes(claim.status) ? (
            <WithdrawButton
              claim={claim}
              onDone={() => {
                setDone(t('claim.withdrawn'));
                void refetch();
              }}
            />
          ) : null}
        </>
      ) : null}
      <GcdsLink href={`/${language}/claims`}>{t('claim.back')}</GcdsLink>
    </>
  );
}

function SubmitForm({ claim, onDone }: { claim: ClaimDetail; onDone: () => void }) {
  const { t } = useTranslation('claims');
  const fields = ['attestation'];
  const form = useMutationForm({ fields, failedMessage: t('claim.failed') });
  const [attested, setAttested] = useState(false);
  const { submitClaim } = useSubmitClaim();
  return (
    <section aria-labelledby="claim-submit">
      <GcdsHeading tag="h2" id="claim-submit">
        {t('claim.submitTitle')}
      </GcdsHeading>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({
            send: () => submitClaim({ claimId: claim.id, attestation: attested }),
            succeeded: (payload) => Boolean(payload.claim),
            onSuccess: onDone,
          });
        }}
      >
        <FormErrorSummary errors={form.errors} fields={fields} focusKey={form.focusKey} />
        {form.failure ? <FailureNotice message={form.failure} /> : null}
        <CheckboxField
          name="attestation"
          label={t('claim.attestation')}
          boxLabel={t('claim.attestationBox')}
          required
          checked={attested}
          error={form.errors.attestation}
          onChange={setAttested}
        />
        <GcdsButton type="submit" disabled={form.pending}>
          {t('claim.submit')}
        </GcdsButton>
      </form>
    </section>
  );
}

function AnswerForm({ claim, onDone }: { claim: ClaimDetail; onDone: () => void }) {
  const { t } = useTranslation('claims');
  const fields = ['answer'];
  const form = useMutationForm({ fields, failedMessage: t('claim.failed') });
  const [answer, setAnswer] = useState('');
  const { answerClaimInformation } = useAnswerClaimInformation();
  return (
    <section aria-labelledby="claim-answer">
      <GcdsHeading tag="h2" id="claim-answer">
        {t('claim.answerTitle')}
      </GcdsHeading>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({
            local: { answer: answer.trim() ? undefined : t('claim.errors.answer') },
            send: () => answerClaimInformation({ claimId: claim.id, answer }),
            succeeded: (payload) => Boolean(payload.claim),
            onSuccess: onDone,
          });
        }}
      >
        <FormErrorSummary errors={form.errors} fields={fields} focusKey={form.focusKey} />
        {form.failure ? <FailureNotice message={form.failure} /> : null}
        <TextAreaField
          name="answer"
          label={t('claim.answerLabel')}
          required
          maxLength={2000}
          value={answer}
          error={form.errors.answer}
          onChange={setAnswer}
        />
        <GcdsButton type="submit" disabled={form.pending}>
          {t('claim.sendAnswer')}
        </GcdsButton>
      </form>
    </section>
  );
}

function WithdrawButton({ claim, onDone }: { claim: ClaimDetail; onDone: () => void }) {
  const { t } = useTranslation('claims');
  const form = useMutationForm({ fields: [], failedMessage: t('claim.failed') });
  const { withdrawClaim } = useWithdrawClaim();
  return (
    <div className="button-group">
      {form.failure ? <FailureNotice message={form.failure} /> : null}
      <GcdsButton
        type="button"
        buttonRole="danger"
        disabled={form.pending}
        onClick={() =>
          void form.submit({
            send: () => withdrawClaim(claim.id),
            succeeded: (payload) => Boolean(payload.claim),
            onSuccess: onDone,
          })
        }
      >
        {t('claim.withdraw')}
      </GcdsButton>
    </div>
  );
}
