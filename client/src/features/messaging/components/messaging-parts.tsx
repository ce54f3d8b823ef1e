import { GcdsButton, GcdsErrorMessage } from '@cdssnc/gcds-components-react';
import { type ApolloClient } from '@apollo/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCEPTED_EXTENSIONS,
  extensionOf,
  isAcceptedExtension,
  MAX_FILE_BYTES,
  MAX_FILES_PER_UPLOAD,
} from '@rules/upload-rules';
import { SelectField } from '../../../components/forms/fields';
import { KeysetTable, type KeysetTableProps } from '../../../components/lists/keyset-table';
import { type ThreadStatus } from '../../../generated/graphql';
import { sessionCsrfToken } from '../../../lib/apollo-client';
import { type Language } from '../../../lib/language';

// What the messaging pages share: the thread categories and statuses, and the attachment picker that
// uploads through POST /api/messaging/attachments (the document rules, checked here first as the server will).

export const threadCategories = [
  'ACCOUNT_AND_BILLING',
  'RULINGS',
  'REGISTRATION_AND_ACCESS',
  'PROGRAM_ACCOUNT_CHANGES',
  'TECHNICAL_HELP',
  'OTHER',
] as const;
export const threadStatuses = ['OPEN', 'WAITING_FOR_AGENCY', 'WAITING_FOR_CLIENT', 'CLOSED'] as const;
export const SUBJECT_MAX = 200;
export const MESSAGE_MAX = 5000;
export const CASE_REFERENCE_MAX = 20;

interface AttachmentAnswer {
  ok: boolean;
  attachments?: Array<{ id: string }>;
  errors?: Array<{ message: string }>;
}

/** Uploads the files for a business; answers the attachment ids, or the problems to show. */
export async function uploadAttachments(
  client: ApolloClient,
  language: Language,
  businessId: string,
  files: File[],
): Promise<{ ids: string[] } | { problems: string[] }> {
  if (files.length === 0) return { ids: [] };
  const form = new FormData();
  form.append('businessId', businessId);
  for (const file of files) form.append('files', file, file.name);
  const token = await sessionCsrfToken(client, false);
  const res = await fetch('/api/messaging/attachments', {
    method: 'POST',
    headers: { 'Accept-Language': language, ...(token ? { 'X-CSRF-Token': token } : {}) },
    body: form,
    credentials: 'same-origin',
  });
  const body = (await res.json()) as AttachmentAnswer;
  return body.ok
    ? { ids: (body.attachments ?? []).map((a) => a.id) }
    : { problems: (body.errors ?? []).map((e) => e.message) };
}

/** The files chosen for a message: a labelled native picker (keyboard-operable), each removable. */
export function AttachmentPicker({
  files,
  onChange,
  problems,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  problems: string[];
}) {
  const { t } = useTranslation('messaging');
  return (
    <div className="attachments">
      {problems.length ? (
        <div role="alert">
          {problems.map((message, index) => (
            <GcdsErrorMessage key={`${index}-${message}`} messageId={`attachment-error-${index}`}>
              {message}
            </GcdsErrorMessage>
          ))}
        </div>
      ) : null}
      <label htmlFor="message-files">{t('attachments.label')}</label>
      <p id="message-files-hint">{t('attachments.hint')}</p>
      <input
        id="message-files"
        type="file"
        multiple
        aria-describedby="message-files-hint"
        accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(',')}
        onChange={(event) => {
          if (event.target.files) onChange([...files, ...Array.from(event.target.files)]);
          event.target.value = '';
        }}
      />
      {files.length ? (
        <ul>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              {file.name}{' '}
              <GcdsButton
                type="button"
                buttonRole="secondary"
                size="small"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                {t('attachments.remove', { name: file.name })}
              </GcdsButton>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The document rules checked before sending (the server checks them again, with the content). */
export function useAttachmentChecks() {
  const { t } = useTranslation('messaging');
  return (files: File[]): string[] => {
    const problems = files.flatMap((file) => {
      if (!isAcceptedExtension(extensionOf(file.name))) return [t('attachments.type', { name: file.name })];
      if (file.size > MAX_FILE_BYTES) return [t('attachments.tooLarge', { name: file.name })];
      if (file.size === 0) return [t('attachments.empty', { name: file.name })];
      return [];
    });
    return files.length > MAX_FILES_PER_UPLOAD ? [t('attachments.tooMany'), ...problems] : problems;
  };
}

/** The files of a form and their problems. */
export function useAttachments() {
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  return { files, setFiles, problems, setProblems };
}

/** The thread lists' status filter; `anyLabel` names the choice of every status (the inbox: the agency's turn). */
export function StatusFilter(props: {
  value: ThreadStatus | '';
  anyLabel: string;
  onChange: (value: ThreadStatus | '') => void;
}) {
  const { t } = useTranslation('messaging');
  return (
    <SelectField
      name="status"
      label={t('list.status')}
      value={props.value}
      options={[
        { value: '', label: props.anyLabel },
        ...threadStatuses.map((value) => ({ value, label: t(`statuses.${value}`) })),
      ]}
      onChange={(value) => props.onChange(value as ThreadStatus | '')}
    />
  );
}

/** A messaging list as a keyset table, with the lists' pager labels (by default, a list of threads). */
export function MessagingTable<T extends { id: string }>(
  props: Omit<KeysetTableProps<T>, 'labels' | 'failed' | 'count' | 'className'> &
    Partial<Pick<KeysetTableProps<T>, 'count' | 'className'>> & { error: unknown },
) {
  const { t } = useTranslation('messaging');
  const { error, ...rest } = props;
  return (
    <KeysetTable
      count={(count) => t('list.count', { count })}
      className="messages-table"
      {...rest}
      failed={Boolean(error)}
      labels={{ previous: t('list.previous'), next: t('list.next') }}
    />
  );
}
