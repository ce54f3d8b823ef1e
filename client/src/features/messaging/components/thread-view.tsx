import { GcdsButton, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useApolloClient } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { type MessageThreadQuery } from '../../../generated/graphql';
import { nodes } from '../../../lib/connections';
import { formatDateTime } from '../../../lib/date-time';
import { type UserError } from '../../../lib/user-errors';
import { useLanguage } from '../../../lib/use-language';
import {
  AttachmentPicker,
  MESSAGE_MAX,
  uploadAttachments,
  useAttachmentChecks,
  useAttachments,
} from './messaging-parts';

export type ThreadData = NonNullable<MessageThreadQuery['messageThread']>;

/** A thread's facts and its messages in order, each signed (a person and business, or the agency's team). */
export function ThreadView({ thread }: { thread: ThreadData }) {
  const { t } = useTranslation('messaging');
  const language = useLanguage();
  const messages = nodes(thread.messages);
  return (
    <>
      <dl className="thread-facts">
        <dt>{t('thread.reference')}</dt>
        <dd>{thread.referenceNumber}</dd>
        <dt>{t('thread.status')}</dt>
        <dd>{t(`statuses.${thread.status}`)}</dd>
        <dt>{t('thread.category')}</dt>
        <dd>{t(`categories.${thread.category}`)}</dd>
        <dt>{t('thread.business')}</dt>
        <dd>{thread.business.name}</dd>
        {thread.programAccount ? (
          <>
            <dt>{t('thread.programAccount')}</dt>
            <dd>{thread.programAccount.accountNumber}</dd>
          </>
        ) : null}
        {thread.caseReference ? (
          <>
            <dt>{t('thread.caseReference')}</dt>
            <dd>{thread.caseReference}</dd>
          </>
        ) : null}
      </dl>
      <GcdsHeading tag="h2">{t('thread.messages', { count: messages.length })}</GcdsHeading>
      <ol className="thread-messages">
        {messages.map((message) => (
          <li key={message.id}>
            <article aria-labelledby={`message-${message.id}`}>
              <GcdsHeading tag="h3" id={`message-${message.id}`}>
                {message.authorName}, {message.authorOrganization}
              </GcdsHeading>
              <GcdsText size="small">{formatDateTime(message.postedAt, language)}</GcdsText>
              {message.body.split('\n').map((line, index) => (
                <GcdsText key={index}>{line}</GcdsText>
              ))}
              {message.attachments.length ? (
                <ul aria-label={t('thread.attachments')}>
                  {message.attachments.map((file) => (
                    <li key={file.id}>
                      <GcdsLink href={file.downloadUrl} download={file.fileName}>
                        {t('thread.download', { name: file.fileName })}
                      </GcdsLink>
                    </li>
                  ))}
                </ul>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}

/** The reply form (with attachments): `send` posts it as the person, or as an officer. */
export function ReplyForm({
  businessId,
  threadId,
  send,
  onSent,
}: {
  businessId: string;
  threadId: string;
  send: (input: {
    threadId: string;
    body: string;
    attachmentIds: string[];
  }) => Promise<{ thread?: { id: string } | null; userErrors: readonly UserError[] } | null | undefined>;
  onSent: () => void | Promise<void>;
}) {
  const { t } = useTranslation('messaging');
  const language = useLanguage();
  const client = useApolloClient();
  const form = useMutationForm({ fields: ['body'], failedMessage: t('reply.failed') });
  const attachments = useAttachments();
  const check = useAttachmentChecks();
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const problems = check(attachments.files);
    attachments.setProblems(problems);
    if (problems.length) return;
    await form.submit({
      local: !body.trim()
        ? { body: t('new.errors.body') }
        : body.trim().length > MESSAGE_MAX
          ? { body: t('new.errors.bodyLong', { max: MESSAGE_MAX }) }
          : {},
      send: async () => {
        const uploaded = await uploadAttachments(client, language, businessId, attachments.files);
        if ('problems' in uploaded) {
          attachments.setProblems(uploaded.problems);
          return null;
        }
        return send({ threadId, body, attachmentIds: uploaded.ids });
      },
      succeeded: (payload) => Boolean(payload.thread),
      onSuccess: async () => {
        setBody('');
        attachments.setFiles([]);
        setSent(true);
        await onSent();
      },
    });
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="reply-heading">
      <GcdsHeading tag="h2" id="reply-heading">
        {t('reply.title')}
      </GcdsHeading>
      <FormErrorSummary errors={form.errors} fields={['body']} focusKey={form.focusKey} />
      {form.failure ? <GcdsText role="alert">{form.failure}</GcdsText> : null}
      {sent ? <GcdsText role="status">{t('reply.sent')}</GcdsText> : null}
      <TextAreaField
        name="body"
        label={t('reply.body')}
        required
        value={body}
        error={form.errors.body}
        maxLength={MESSAGE_MAX}
        onChange={setBody}
      />
      <AttachmentPicker
        files={attachments.files}
        onChange={attachments.setFiles}
        problems={attachments.problems}
      />
      <GcdsButton type="submit" disabled={form.pending}>
        {form.pending ? t('new.sending') : t('reply.send')}
      </GcdsButton>
    </form>
  );
}
