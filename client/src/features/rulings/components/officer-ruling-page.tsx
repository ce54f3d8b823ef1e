import { GcdsButton, GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SelectField, TextAreaField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type RulingStatus, useOfficerRulingQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { useDecideRuling } from '../hooks/use-decide-ruling';
import { formatDate } from './rulings-parts';

/** Where an officer may move a request from each status (the server's table, decision 0046). */
type Target = Exclude<RulingStatus, 'SUBMITTED'>;
type TextTarget = Exclude<Target, 'UNDER_REVIEW'>;

export const rulingTransitions: Readonly<Record<RulingStatus, readonly Target[]>> = {
  SUBMITTED: ['UNDER_REVIEW', 'CLOSED'],
  UNDER_REVIEW: ['INFORMATION_REQUESTED', 'ISSUED', 'CLOSED'],
  INFORMATION_REQUESTED: ['UNDER_REVIEW', 'ISSUED', 'CLOSED'],
  ISSUED: [],
  CLOSED: [],
};

/** An officer reads one ruling request and decides it: review, a question, the ruling, or closing it. */
export function OfficerRulingPage() {
  const { t } = useTranslation('rulings');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { rulingId = '' } = useParams();
  const { data, loading, error, refetch } = useOfficerRulingQuery({
    variables: { id: rulingId },
    fetchPolicy: 'cache-and-network',
  });
  const ruling = data?.officerRuling;
  const title = t('officer.decisionTitle', { caseNumber: ruling?.caseNumber ?? '' });
  useDocumentTitle(tc('documentTitle', { page: title }));
  const [done, setDone] = useState(false);
  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {done ? (
        <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={t('officer.done')} role="status">
          <GcdsText>{t('officer.done')}</GcdsText>
        </GcdsNotice>
      ) : null}
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !ruling ? <GcdsText>{t('detail.notFound')}</GcdsText> : null}
      {ruling ? (
        <>
          <dl className="facts">
            <dt>{t('detail.status')}</dt>
            <dd>{t(`statuses.${ruling.status}`)}</dd>
            <dt>{t('detail.type')}</dt>
            <dd>{t(`types.${ruling.type}`)}</dd>
            <dt>{t('detail.account')}</dt>
            <dd>
              {ruling.programAccount.accountNumber} {ruling.programAccount.name}
            </dd>
            <dt>{t('detail.requestedAt')}</dt>
            <dd>{formatDate(ruling.requestedAt, language)}</dd>
            <dt>{t('detail.goodsDescription')}</dt>
            <dd>{ruling.goodsDescription}</dd>
            <dt>{t('detail.tariffClassification')}</dt>
            <dd>{ruling.tariffClassification ?? t('detail.none')}</dd>
            <dt>{t('detail.questions')}</dt>
            <dd>{ruling.questions}</dd>
            {ruling.agencyNote ? (
              <>
                <dt>{t('detail.agencyNote')}</dt>
                <dd>{ruling.agencyNote}</dd>
              </>
            ) : null}
          </dl>
          {rulingTransitions[ruling.status].length ? (
            <DecideRulingForm
              rulingId={ruling.id}
              status={ruling.status}
              onDone={() => {
                setDone(true);
                void refetch();
              }}
            />
          ) : (
            <GcdsText>{t('officer.final')}</GcdsText>
          )}
        </>
      ) : null}
      <GcdsLink href={`/${language}/officer/rulings`}>{t('officer.backToQueue')}</GcdsLink>
    </>
  );
}

/** The decision: the status to move to, and the officer's text in both languages (not for a review). */
export function DecideRulingForm({
  rulingId,
  status,
  onDone,
}: {
  rulingId: string;
  status: RulingStatus;
  onDone: () => void;
}) {
  const { t } = useTranslation('rulings');
  const fields = ['status', 'textEn', 'textFr'];
  const form = useMutationForm({ fields, failedMessage: t('officer.failed') });
  const [target, setTarget] = useState('');
  const [textEn, setTextEn] = useState('');
  const [textFr, setTextFr] = useState('');
  const { decideRuling } = useDecideRuling();
  const textTarget = target !== '' && target !== 'UNDER_REVIEW' ? (target as TextTarget) : null;
  const needsText = textTarget !== null;
  return (
    <section aria-labelledby="officer-decide">
      <GcdsHeading tag="h2" id="officer-decide">
        {t('officer.decide')}
      </GcdsHeading>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({
            local: { status: target ? undefined : t('officer.errors.status') },
            send: () =>
              decideRuling({
                rulingId,
                status: target as RulingStatus,
                textEn: needsText ? textEn : null,
                textFr: needsText ? textFr : null,
              }),
            succeeded: (payload) => Boolean(payload.ruling),
            onSuccess: () => {
              setTarget('');
              setTextEn('');
              setTextFr('');
              onDone();
            },
          });
        }}
      >
        <FormErrorSummary errors={form.errors} fields={fields} focusKey={form.focusKey} />
        {form.failure ? (
          <GcdsNotice type="danger" noticeTitleTag="h2" noticeTitle={form.failure} role="alert">
            <GcdsText>{form.failure}</GcdsText>
          </GcdsNotice>
        ) : null}
        <SelectField
          name="status"
          label={t('officer.target')}
          placeholder={t('officer.targetPlaceholder')}
          required
          value={target}
          error={form.errors.status}
          options={rulingTransitions[status].map((s) => ({ value: s, label: t(`officer.targets.${s}`) }))}
          onChange={setTarget}
        />
        {textTarget ? (
          <>
            <GcdsText>{t(`officer.textLegend.${textTarget}`)}</GcdsText>
            <TextAreaField
              name="textEn"
              label={t('officer.textEn')}
              required
              maxLength={2000}
              value={textEn}
              error={form.errors.textEn}
              onChange={setTextEn}
            />
            <TextAreaField
              name="textFr"
              label={t('officer.textFr')}
              required
              maxLength={2000}
              value={textFr}
              error={form.errors.textFr}
              onChange={setTextFr}
            />
          </>
        ) : null}
        <GcdsButton type="submit" disabled={form.pending}>
          {t('officer.submit')}
        </GcdsButton>
      </form>
    </section>
  );
}
