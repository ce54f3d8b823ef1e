import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CheckboxField,
  RadioField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type NoticeAudience, type NoticeProgramType } from '../../../generated/graphql';
import { type FieldErrors, fieldErrorsOf } from '../../../lib/user-errors';
import { usePostNotice } from '../hooks/use-post-notice';
import { OfficerNav } from './officer-nav';

/** The server's limits (notices.service.ts): the form says so before sending. */
export const noticeSubjectMax = 200;
export const noticeBodyMax = 5000;

const audiences: readonly NoticeAudience[] = ['BUSINESS', 'PROGRAM_TYPE', 'EVERYONE'];
const programTypes: readonly NoticeProgramType[] = [
  'IMPORTER',
  'EXPORTER',
  'CUSTOMS_BROKER',
  'TRADE_CONSULTANT',
  'GST_HST',
  'PAYROLL',
  'CORPORATE_INCOME_TAX',
];

// In the order the form shows them: the error summary lists problems in the same order.
const fields = [
  'audience',
  'businessNumber',
  'programType',
  'urgent',
  'subjectEn',
  'subjectFr',
  'bodyEn',
  'bodyFr',
] as const;

interface Draft {
  audience: NoticeAudience | '';
  businessNumber: string;
  programType: NoticeProgramType | '';
  urgent: boolean;
  subjectEn: string;
  subjectFr: string;
  bodyEn: string;
  bodyFr: string;
}

const empty: Draft = {
  audience: '',
  businessNumber: '',
  programType: '',
  urgent: false,
  subjectEn: '',
  subjectFr: '',
  bodyEn: '',
  bodyFr: '',
};

interface Posted {
  noticeCount: number;
  emailCount: number;
  urgent: boolean;
}

/**
 * For officers: posts a notice to one business (by BN), to every business with a program account of a type
 * (one notice per such account), or to every registered business, urgent or not, with its subject and body
 * in English and French. The answer says how many notices were written and emails queued.
 */
export function PostNoticePage() {
  const { t } = useTranslation('officer');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('postNotice.title') }));
  const { postNotice, loading } = usePostNotice();
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) => fieldErrorsOf(userErrors, fields, 'audience'),
  });
  const { errors, clear, focusKey, unsent } = form;
  const [draft, setDraft] = useState<Draft>(empty);
  const [posted, setPosted] = useState<Posted>();
  // GCDS controls keep their own value: a new key after a post empties every field at once.
  const [formKey, setFormKey] = useState(0);

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!draft.audience) found.audience = t('postNotice.errors.audienceRequired');
    if (draft.audience === 'BUSINESS') {
      const bn = draft.businessNumber.trim();
      if (!bn) found.businessNumber = t('postNotice.errors.businessNumberRequired');
      else if (!/^\d{9}$/.test(bn)) found.businessNumber = t('postNotice.errors.businessNumberFormat');
    }
    if (draft.audience === 'PROGRAM_TYPE' && !draft.programType)
      found.programType = t('postNotice.errors.programTypeRequired');
    for (const name of ['subjectEn', 'subjectFr', 'bodyEn', 'bodyFr'] as const) {
      const value = draft[name].trim();
      const max = name.startsWith('subject') ? noticeSubjectMax : noticeBodyMax;
      if (!value) found[name] = t(`postNotice.errors.${name}Required`);
      else if (value.length > max) found[name] = t(`postNotice.errors.${name}TooLong`, { max });
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPosted(undefined);
    const audience = draft.audience as NoticeAudience;
    await form.submit({
      local: check(),
      send: () =>
        postNotice({
          audience,
          ...(audience === 'BUSINESS' ? { businessNumber: draft.businessNumber.trim() } : {}),
          ...(audience === 'PROGRAM_TYPE' ? { programType: draft.programType as NoticeProgramType } : {}),
          urgent: draft.urgent,
          subjectEn: draft.subjectEn,
          subjectFr: draft.subjectFr,
          bodyEn: draft.bodyEn,
          bodyFr: draft.bodyFr,
        }),
      succeeded: (payload) => payload.userErrors.length === 0,
      onSuccess: (payload) => {
        clear();
        setPosted({ noticeCount: payload.noticeCount, emailCount: payload.emailCount, urgent: draft.urgent });
        setDraft(empty);
        setFormKey((key) => key + 1);
      },
    });
  };

  return (
    <>
      <OfficerNav current="postNotice" />
      <GcdsHeading tag="h1">{t('postNotice.title')}</GcdsHeading>
      <GcdsText>{t('postNotice.lead')}</GcdsText>
      {/* Announced politely: the form under it empties at the same time. */}
      <div role="status">
        {posted ? (
          <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={t('postNotice.posted.title')}>
            <GcdsText>
              {t('postNotice.posted.body', { notices: posted.noticeCount, emails: posted.emailCount })}
            </GcdsText>
            {posted.urgent ? <GcdsText>{t('postNotice.posted.urgent')}</GcdsText> : null}
          </GcdsNotice>
        ) : null}
      </div>
      <form key={formKey} noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {unsent ? <PageLoadError kind="submit" /> : null}
        <RadioField
          name="audience"
          label={t('postNotice.audience')}
          required
          value={draft.audience}
          onChange={(value) => set('audience')(value as NoticeAudience)}
          error={errors.audience}
          options={audiences.map((value) => ({
            value,
            label: t(`postNotice.audiences.${value}.label`),
            hint: t(`postNotice.audiences.${value}.hint`),
          }))}
        />
        {draft.audience === 'BUSINESS' ? (
          <TextField
            name="businessNumber"
            label={t('postNotice.businessNumber')}
            hint={t('postNotice.businessNumberHint')}
            required
            inputmode="numeric"
            autocomplete="off"
            size={9}
            value={draft.businessNumber}
            onChange={set('businessNumber')}
            error={errors.businessNumber}
          />
        ) : null}
        {draft.audience === 'PROGRAM_TYPE' ? (
          <SelectField
            name="programType"
            label={t('postNotice.programType')}
            placeholder={t('postNotice.programTypePlaceholder')}
            required
            value={draft.programType}
            onChange={(value) => set('programType')(value as NoticeProgramType)}
            error={errors.programType}
            options={programTypes.map((value) => ({ value, label: t(`postNotice.programTypes.${value}`) }))}
          />
        ) : null}
        <CheckboxField
          name="urgent"
          label={t('postNotice.urgency')}
          boxLabel={t('postNotice.urgent')}
          hint={t('postNotice.urgentHint')}
          checked={draft.urgent}
          onChange={set('urgent')}
          error={errors.urgent}
        />
        <TextField
          name="subjectEn"
          label={t('postNotice.subjectEn')}
          hint={t('postNotice.subjectHint', { max: noticeSubjectMax })}
          required
          value={draft.subjectEn}
          onChange={set('subjectEn')}
          error={errors.subjectEn}
        />
        <TextField
          name="subjectFr"
          label={t('postNotice.subjectFr')}
          hint={t('postNotice.subjectHint', { max: noticeSubjectMax })}
          required
          value={draft.subjectFr}
          onChange={set('subjectFr')}
          error={errors.subjectFr}
        />
        <TextAreaField
          name="bodyEn"
          label={t('postNotice.bodyEn')}
          required
          maxLength={noticeBodyMax}
          value={draft.bodyEn}
          onChange={set('bodyEn')}
          error={errors.bodyEn}
        />
        <TextAreaField
          name="bodyFr"
          label={t('postNotice.bodyFr')}
          required
          maxLength={noticeBodyMax}
          value={draft.bodyFr}
          onChange={set('bodyFr')}
          error={errors.bodyFr}
        />
        <div className="button-group">
          <GcdsButton type="submit" disabled={loading}>
            {t('postNotice.submit')}
          </GcdsButton>
        </div>
      </form>
    </>
  );
}
