import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SelectField, TextAreaField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type RepaymentMethod, useClaimDetailQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { useApproveClaim } from '../hooks/use-approve-claim';
import { useClaimOfficerText } from '../hooks/use-claim-officer-text';
import { useMarkRepaymentPaid } from '../hooks/use-mark-repayment-paid';
import { useTakeClaim } from '../hooks/use-take-claim';
import { type ClaimDetail, ClaimDetails } from './claim-details';
import { FailureNotice, parseCents, SuccessNotice } from './claims-parts';

/** An officer reviews one claim: take it, ask for information, approve (in full or in part) or reject. */
export function OfficerClaimPage() {
  const { t } = useTranslation('claims');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { claimId = '' } = useParams();
  const { data, loading, error, refetch } = useClaimDetailQuery({
    variables: { id: claimId },
    fetchPolicy: 'cache-and-network',
  });
  const claim = data?.claim;
  // Never a heading without its number: the queue's title while loading, "not found" when there is none.
  const title = claim
    ? t('officer.decisionTitle', { caseNumber: claim.caseNumber })
    : data
      ? t('claim.notFoundTitle')
      : t('officer.queueTitle');
  useDocumentTitle(tc('documentTitle', { page: title }));
  const [done, setDone] = useState(false);
  const onDone = () => {
    setDone(true);
    void refetch();
  };
  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {done ? <SuccessNotice title={t('officer.done')} /> : null}
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !claim ? <GcdsText>{t('claim.notFound')}</GcdsText> : null}
      {claim ? (
        <>
          <ClaimDetails claim={claim} language={language} />
          {claim.status === 'SUBMITTED' ? <TakeButton claim={claim} onDone={onDone} /> : null}
          {claim.status === 'UNDER_REVIEW' ? (
            <>
              <TextForm claim={claim} kind="request" onDone={onDone} />
              <ApproveForm claim={claim} onDone={onDone} />
              <TextForm claim={claim} kind="reject" onDone={onDone} />
            </>
          ) : null}
          {claim.repayment?.status === 'PAYABLE' ? (
            <PaidForm repaymentId={claim.repayment.id} onDone={onDone} />
          ) : null}
        </>
      ) : null}
      <GcdsLink href={`/${language}/officer/claims`}>{t('officer.backToQueue')}</GcdsLink>
    </>
  );
}

function TakeButton({ claim, onDone }: { claim: ClaimDetail; onDone: () => void }) {
  const { t } = useTranslation('claims');
  const form = useMutationForm({ fields: [], failedMessage: t('officer.failed') });
  const { takeClaim } = useTakeClaim();
  return (
    <div className="button-group">
      {form.failure ? <FailureNotice message={form.failure} /> : null}
      <GcdsButton
        type="button"
        disabled={form.pending}
        onClick={() =>
          void form.submit({
            send: () => takeClaim(claim.id),
            succeeded: (payload) => Boolean(payload.claim),
            onSuccess: onDone,
          })
        }
      >
        {t('officer.take')}
      </GcdsButton>
    </div>
  );
}

/** A text in both languages: a request for information, or a rejection's reason. */
function TextForm({
  claim,
  kind,
  onDone,
}: {
  claim: ClaimDetail;
  kind: 'request' | 'reject';
  onDone: () => void;
}) {
  const { t } = useTranslation('claims');
  const fields = [`${kind}.textEn`, `${kind}.textFr`];
  const rename = { textEn: `${kind}.textEn`, textFr: `${kind}.textFr` };
  const form = useMutationForm({ fields, rename, failedMessage: t('officer.failed') });
  const [textEn, setTextEn] = useState('');
  const [textFr, setTextFr] = useState('');
  const { sendClaimOfficerText } = useClaimOfficerText();
  const heading = kind === 'request' ? t('officer.requestInfo') : t('officer.reject');
  return (
    <section aria-labelledby={`officer-${kind}`}>
      <GcdsHeading tag="h2" id={`officer-${kind}`}>
        {heading}
      </GcdsHeading>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({
            send: () => sendClaimOfficerText(kind, { claimId: claim.id, textEn, textFr }),
            succeeded: (payload) => Boolean(payload.claim),
            onSuccess: onDone,
          });
        }}
      >
        <FormErrorSummary errors={form.errors} fields={fields} focusKey={form.focusKey} />
        {form.failure ? <FailureNotice message={form.failure} /> : null}
        <GcdsText>{kind === 'request' ? t('officer.questionLegend') : t('officer.reasonLegend')}</GcdsText>
        <TextAreaField
          name={`${kind}.textEn`}
          label={t('officer.textEn')}
          required
          maxLength={2000}
          value={textEn}
          error={form.errors[`${kind}.textEn`]}
          onChange={setTextEn}
        />
        <TextAreaField
          name={`${kind}.textFr`}
          label={t('officer.textFr')}
          required
          maxLength={2000}
          value={textFr}
          error={form.errors[`${kind}.textFr`]}
          onChange={setTextFr}
        />
        <GcdsButton
          type="submit"
          buttonRole={kind === 'reject' ? 'danger' : 'secondary'}
          disabled={form.pending}
        >
          {kind === 'request' ? t('officer.send') : t('officer.reject')}
        </GcdsButton>
      </form>
    </section>
  );
}

function ApproveForm({ claim, onDone }: { claim: ClaimDetail; onDone: () => void }) {
  const { t } = useTranslation('claims');
  const fields = ['approvedCents', 'reasonEn', 'reasonFr'];
  const form = useMutationForm({ fields, failedMessage: t('officer.failed') });
  const [amount, setAmount] = useState('');
  const [reasonEn, setReasonEn] = useState('');
  const [reasonFr, setReasonFr] = useState('');
  const { approveClaim } = useApproveClaim();
  return (
    <section aria-labelledby="officer-approve">
      <GcdsHeading tag="h2" id="officer-approve">
        {t('officer.approveTitle')}
      </GcdsHeading>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const cents = amount.trim() ? parseCents(amount) : null;
          void form.submit({
            local: { approvedCents: amount.trim() && cents === null ? t('file.errors.amount') : undefined },
            send: () =>
              approveClaim({
                claimId: claim.id,
                approvedCents: cents,
                reasonEn: reasonEn || null,
                reasonFr: reasonFr || null,
              }),
            succeeded: (payload) => Boolean(payload.claim),
            onSuccess: onDone,
          });
        }}
      >
        <FormErrorSummary errors={form.errors} fields={fields} focusKey={form.focusKey} />
        {form.failure ? <FailureNotice message={form.failure} /> : null}
        <TextField
          name="approvedCents"
          label={t('officer.approvedAmount')}
          value={amount}
          error={form.errors.approvedCents}
          onChange={setAmount}
        />
        <TextAreaField
          name="reasonEn"
          label={`${t('officer.reasonLegend')} — ${t('officer.textEn')}`}
          maxLength={2000}
          value={reasonEn}
          error={form.errors.reasonEn}
          onChange={setReasonEn}
        />
        <TextAreaField
          name="reasonFr"
          label={`${t('officer.reasonLegend')} — ${t('officer.textFr')}`}
          maxLength={2000}
          value={reasonFr}
          error={form.errors.reasonFr}
          onChange={setReasonFr}
        />
        <GcdsButton type="submit" disabled={form.pending}>
          {t('officer.approve')}
        </GcdsButton>
      </form>
    </section>
  );
}

function PaidForm({ repaymentId, onDone }: { repaymentId: string; onDone: () => void }) {
  const { t } = useTranslation('claims');
  const fields = ['method', 'paidOn'];
  const form = useMutationForm({ fields, failedMessage: t('officer.failed') });
  const [method, setMethod] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const { markRepaymentPaid } = useMarkRepaymentPaid();
  const methods: RepaymentMethod[] = ['DIRECT_DEPOSIT', 'CHEQUE'];
  return (
    <section aria-labelledby="officer-paid">
      <GcdsHeading tag="h2" id="officer-paid">
        {t('officer.markPaid')}
      </GcdsHeading>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({
            send: () => markRepaymentPaid({ repaymentId, method: method as RepaymentMethod, paidOn }),
            succeeded: (payload) => Boolean(payload.repayment),
            onSuccess: onDone,
          });
        }}
      >
        <FormErrorSummary errors={form.errors} fields={fields} focusKey={form.focusKey} />
        {form.failure ? <FailureNotice message={form.failure} /> : null}
        <SelectField
          name="method"
          label={t('officer.method')}
          placeholder={t('officer.methodPlaceholder')}
          required
          value={method}
          error={form.errors.method}
          options={methods.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
          onChange={setMethod}
        />
        <TextField
          name="paidOn"
          label={t('officer.paidOn')}
          hint={t('officer.paidOnHint')}
          required
          value={paidOn}
          error={form.errors.paidOn}
          onChange={setPaidOn}
        />
        <GcdsButton type="submit" disabled={form.pending}>
          {t('officer.markPaid')}
        </GcdsButton>
      </form>
    </section>
  );
}
