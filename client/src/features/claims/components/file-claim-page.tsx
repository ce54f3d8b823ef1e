import { GcdsButton, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SelectField, TextAreaField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type ClaimType, type CorrectionKind } from '../../../generated/graphql';
import { type FieldErrors } from '../../../lib/user-errors';
import { useLanguage } from '../../../lib/use-language';
import { useFileClaim } from '../hooks/use-file-claim';
import { FailureNotice, parseCents } from './claims-parts';

const types: ClaimType[] = ['ADJUSTMENT', 'DRAWBACK'];
const corrections: CorrectionKind[] = ['CLASSIFICATION', 'VALUE', 'ORIGIN', 'TARIFF_TREATMENT'];

interface LineValues {
  lineNumber: string;
  original: string;
  corrected: string;
}

/** Issue 16: file a claim on a transaction, saved as a draft whose refund the claim page shows. */
export function FileClaimPage() {
  const { t } = useTranslation('claims');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const navigate = useNavigate();
  useDocumentTitle(tc('documentTitle', { page: t('file.title') }));
  const [params] = useSearchParams();
  const [values, setValues] = useState({
    transactionId: params.get('transaction') ?? '',
    type: '',
    correctionKind: '',
    exportDate: '',
    exportDestination: '',
    reason: '',
  });
  const [lines, setLines] = useState<LineValues[]>([{ lineNumber: '1', original: '', corrected: '' }]);
  const lineFields = lines.flatMap((_, i) => [
    `lines.${i}.lineNumber`,
    `lines.${i}.originalCents`,
    `lines.${i}.correctedCents`,
  ]);
  const fields = [
    'transactionId',
    'type',
    'correctionKind',
    'exportDate',
    'exportDestination',
    'reason',
    'lines',
    ...lineFields,
  ];
  const form = useMutationForm({ fields, failedMessage: t('file.failed') });
  const { fileClaim } = useFileClaim();
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const setLine = (index: number, field: keyof LineValues) => (value: string) =>
    setLines((all) => all.map((line, i) => (i === index ? { ...line, [field]: value } : line)));
  const adjustment = values.type === 'ADJUSTMENT';
  const drawback = values.type === 'DRAWBACK';

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {
      transactionId: values.transactionId.trim() ? undefined : t('file.errors.transactionId'),
      type: values.type ? undefined : t('file.errors.type'),
      reason: values.reason.trim() ? undefined : t('file.errors.reason'),
    };
    lines.forEach((line, i) => {
      if (parseCents(line.original) === null) local[`lines.${i}.originalCents`] = t('file.errors.amount');
      if (adjustment && parseCents(line.corrected) === null)
        local[`lines.${i}.correctedCents`] = t('file.errors.amount');
    });
    void form.submit({
      local,
      send: () =>
        fileClaim({
          transactionId: values.transactionId.trim(),
          type: values.type as ClaimType,
          correctionKind:
            adjustment && values.correctionKind ? (values.correctionKind as CorrectionKind) : null,
          exportDate: drawback ? values.exportDate : null,
          exportDestination: drawback ? values.exportDestination : null,
          reason: values.reason,
          lines: lines.map((line) => ({
            lineNumber: Number(line.lineNumber) || 0,
            originalCents: parseCents(line.original) ?? 0,
            correctedCents: adjustment ? parseCents(line.corrected) : null,
          })),
        }),
      succeeded: (payload) => Boolean(payload.claim),
      onSuccess: (payload) => navigate(`/${language}/claims/${payload.claim!.id}`),
    });
  };

  return (
    <>
      <GcdsHeading tag="h1">{t('file.title')}</GcdsHeading>
      <GcdsText>{t('file.intro')}</GcdsText>
      <form noValidate onSubmit={onSubmit}>
        <FormErrorSummary errors={form.errors} fields={fields} focusKey={form.focusKey} />
        {form.failure ? <FailureNotice message={form.failure} /> : null}
        <TextField
          name="transactionId"
          label={t('file.transactionId')}
          hint={t('file.transactionHint')}
          required
          value={values.transactionId}
          error={form.errors.transactionId}
          onChange={set('transactionId')}
        />
        <SelectField
          name="type"
          label={t('file.type')}
          placeholder={t('file.typePlaceholder')}
          required
          value={values.type}
          error={form.errors.type}
          options={types.map((type) => ({ value: type, label: t(`types.${type}`) }))}
          onChange={set('type')}
        />
        {adjustment ? (
          <SelectField
            name="correctionKind"
            label={t('file.correctionKind')}
            placeholder={t('file.correctionPlaceholder')}
            required
            value={values.correctionKind}
            error={form.errors.correctionKind}
            options={corrections.map((kind) => ({ value: kind, label: t(`corrections.${kind}`) }))}
            onChange={set('correctionKind')}
          />
        ) : null}
        {drawback ? (
          <>
            <TextField
              name="exportDate"
              label={t('file.exportDate')}
              hint={t('file.exportDateHint')}
              required
              value={values.exportDate}
              error={form.errors.exportDate}
              onChange={set('exportDate')}
            />
            <TextField
              name="exportDestination"
              label={t('file.exportDestination')}
              hint={t('file.exportDestinationHint')}
              required
              value={values.exportDestination}
              error={form.errors.exportDestination}
              onChange={set('exportDestination')}
            />
          </>
        ) : null}
        <TextAreaField
          name="reason"
          label={t('file.reason')}
          required
          maxLength={2000}
          value={values.reason}
          error={form.errors.reason}
          onChange={set('reason')}
        />
        <fieldset id="lines" tabIndex={-1}>
          <legend>{t('file.lines')}</legend>
          {form.errors.lines ? <GcdsText role="alert">{form.errors.lines}</GcdsText> : null}
          {lines.map((line, i) => (
            <div key={i} className="claim-line">
              <TextField
                name={`lines.${i}.lineNumber`}
                label={t('file.lineNumber', { index: i + 1 })}
                required
                value={line.lineNumber}
                error={form.errors[`lines.${i}.lineNumber`]}
                onChange={setLine(i, 'lineNumber')}
              />
              <TextField
                name={`lines.${i}.originalCents`}
                label={t('file.originalAmount', { index: i + 1 })}
                required
                value={line.original}
                error={form.errors[`lines.${i}.originalCents`]}
                onChange={setLine(i, 'original')}
              />
              {adjustment ? (
                <TextField
                  name={`lines.${i}.correctedCents`}
                  label={t('file.correctedAmount', { index: i + 1 })}
                  required
                  value={line.corrected}
                  error={form.errors[`lines.${i}.correctedCents`]}
                  onChange={setLine(i, 'corrected')}
                />
              ) : null}
              {lines.length > 1 ? (
                <GcdsButton
                  type="button"
                  buttonRole="secondary"
                  onClick={() => setLines((all) => all.filter((_, j) => j !== i))}
                >
                  {t('file.removeLine', { index: i + 1 })}
                </GcdsButton>
              ) : null}
            </div>
          ))}
          <GcdsButton
            type="button"
            buttonRole="secondary"
            onClick={() =>
              setLines((all) => [...all, { lineNumber: String(all.length + 1), original: '', corrected: '' }])
            }
          >
            {t('file.addLine')}
          </GcdsButton>
        </fieldset>
        <div className="button-group">
          <GcdsButton type="submit" disabled={form.pending}>
            {t('file.save')}
          </GcdsButton>
          <GcdsButton type="link" buttonRole="secondary" href={`/${language}/claims`}>
            {t('file.cancel')}
          </GcdsButton>
        </div>
      </form>
    </>
  );
}
