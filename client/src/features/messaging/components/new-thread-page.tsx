import { GcdsButton, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useApolloClient } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SelectField, TextAreaField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type ThreadCategory, useMessagingBusinessQuery } from '../../../generated/graphql';
import { type FieldErrors } from '../../../lib/user-errors';
import { useLanguage } from '../../../lib/use-language';
import { useOpenMessageThread } from '../hooks/use-open-message-thread';
import {
  AttachmentPicker,
  CASE_REFERENCE_MAX,
  MESSAGE_MAX,
  SUBJECT_MAX,
  threadCategories,
  uploadAttachments,
  useAttachmentChecks,
  useAttachments,
} from './messaging-parts';

const fields = ['subject', 'category', 'programAccountId', 'caseReference', 'body'] as const;

/** A new message to the agency: subject, category, optionally a program account and case, text, files. */
export function NewThreadPage() {
  const { t } = useTranslation('messaging');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('new.title') }));
  const business = useMessagingBusinessQuery();
  const active = business.data?.me?.activeBusiness;
  return (
    <>
      <GcdsHeading tag="h1">{t('new.title')}</GcdsHeading>
      <GcdsText>{t('new.intro')}</GcdsText>
      {business.loading ? <PageLoading /> : null}
      {business.error ? <PageLoadError /> : null}
      {active ? (
        <NewThreadForm businessId={active.id} accounts={active.viewerAccess.programAccounts} />
      ) : null}
    </>
  );
}

function NewThreadForm({
  businessId,
  accounts,
}: {
  businessId: string;
  accounts: ReadonlyArray<{ id: string; accountNumber: string; name: string }>;
}) {
  const { t } = useTranslation('messaging');
  const language = useLanguage();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { openMessageThread } = useOpenMessageThread();
  const form = useMutationForm({ fields, failedMessage: t('new.failed') });
  const attachments = useAttachments();
  const check = useAttachmentChecks();
  const [draft, setDraft] = useState({
    subject: '',
    category: '',
    programAccountId: '',
    caseReference: '',
    body: '',
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!draft.subject.trim()) local.subject = t('new.errors.subject');
    else if (draft.subject.trim().length > SUBJECT_MAX)
      local.subject = t('new.errors.subjectLong', { max: SUBJECT_MAX });
    if (!draft.category) local.category = t('new.errors.category');
    if (draft.caseReference.trim().length > CASE_REFERENCE_MAX)
      local.caseReference = t('new.errors.caseReferenceLong', { max: CASE_REFERENCE_MAX });
    if (!draft.body.trim()) local.body = t('new.errors.body');
    else if (draft.body.trim().length > MESSAGE_MAX)
      local.body = t('new.errors.bodyLong', { max: MESSAGE_MAX });
    const fileProblems = check(attachments.files);
    attachments.setProblems(fileProblems);
    if (fileProblems.length) return;
    await form.submit({
      local,
      send: async () => {
        const uploaded = await uploadAttachments(client, language, businessId, attachments.files);
        if ('problems' in uploaded) {
          attachments.setProblems(uploaded.problems);
          return null;
        }
        return openMessageThread({
          businessId,
          subject: draft.subject,
          category: draft.category as ThreadCategory,
          programAccountId: draft.programAccountId || null,
          caseReference: draft.caseReference || null,
          body: draft.body,
          attachmentIds: uploaded.ids,
        });
      },
      succeeded: (payload) => Boolean(payload.thread),
      onSuccess: async (payload) => {
        await navigate(`/${language}/messages/${payload.thread!.id}`);
      },
    });
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} aria-label={t('new.title')}>
      <FormErrorSummary errors={form.errors} fields={fields} focusKey={form.focusKey} />
      {form.failure ? <GcdsText role="alert">{form.failure}</GcdsText> : null}
      <TextField
        name="subject"
        label={t('new.subject')}
        required
        value={draft.subject}
        error={form.errors.subject}
        onChange={(value) => setDraft((d) => ({ ...d, subject: value }))}
      />
      <SelectField
        name="category"
        label={t('new.category')}
        placeholder={t('new.categoryPlaceholder')}
        required
        value={draft.category}
        error={form.errors.category}
        options={threadCategories.map((value) => ({ value, label: t(`categories.${value}`) }))}
        onChange={(value) => setDraft((d) => ({ ...d, category: value }))}
      />
      <SelectField
        name="programAccountId"
        label={t('new.programAccount')}
        hint={t('new.programAccountHint')}
        value={draft.programAccountId}
        error={form.errors.programAccountId}
        options={[
          { value: '', label: t('new.wholeBusiness') },
          ...accounts.map((a) => ({ value: a.id, label: `${a.accountNumber} — ${a.name}` })),
        ]}
        onChange={(value) => setDraft((d) => ({ ...d, programAccountId: value }))}
      />
      <TextField
        name="caseReference"
        label={t('new.caseReference')}
        hint={t('new.caseReferenceHint')}
        value={draft.caseReference}
        error={form.errors.caseReference}
        onChange={(value) => setDraft((d) => ({ ...d, caseReference: value }))}
      />
      <TextAreaField
        name="body"
        label={t('new.body')}
        required
        value={draft.body}
        error={form.errors.body}
        maxLength={MESSAGE_MAX}
        onChange={(value) => setDraft((d) => ({ ...d, body: value }))}
      />
      <AttachmentPicker
        files={attachments.files}
        onChange={attachments.setFiles}
        problems={attachments.problems}
      />
      <div className="button-group">
        <GcdsButton type="link" buttonRole="secondary" href={`/${language}/messages`}>
          {t('new.cancel')}
        </GcdsButton>
        <GcdsButton type="submit" disabled={form.pending}>
          {form.pending ? t('new.sending') : t('new.send')}
        </GcdsButton>
      </div>
    </form>
  );
}
