import { GcdsButton, GcdsErrorMessage, GcdsHeading, GcdsLink, GcdsText } from '@cdssnc/gcds-components-react';
import { useApolloClient } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  ACCEPTED_EXTENSIONS,
  DOCUMENT_CATEGORIES,
  extensionOf,
  isAcceptedExtension,
  MAX_FILE_BYTES,
  MAX_FILES_PER_UPLOAD,
  type UploadAnswer,
  type UploadedDocument,
} from '@rules/upload-rules';
import { ClaimDocumentCaseDocument, DocumentCaseDocument } from '../../../generated/graphql';
import { sessionCsrfToken } from '../../../lib/apollo-client';
import { type FieldErrors, hasErrors } from '../../../lib/user-errors';
import { useLanguage } from '../../../lib/use-language';
import './documents.css';

type Stored = Pick<UploadedDocument, 'id' | 'fileName' | 'sizeBytes'>;

/** Claim case numbers start with 7, ruling case numbers with 8 (docs/decisions/0031). */
const CLAIM_CASE_PREFIX = '7';

/** Seed 003 §2.5: step 1 (category, case number), step 2 (files), then a confirmation. */
export function DocumentUploadPage() {
  const { t } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [category, setCategory] = useState('');
  const [caseNumber, setCaseNumber] = useState(params.get('case') ?? '');
  // The case step 1 found: a ruling request, or an open claim (claim case numbers start with 7).
  const [found, setFound] = useState<{ kind: 'ruling' | 'claim'; id: string } | null>(null);
  const fromClaim = (params.get('case') ?? '').trim().startsWith(CLAIM_CASE_PREFIX);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focusKey, setFocusKey] = useState(0);
  const [files, setFiles] = useState<File[]>([]);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [stored, setStored] = useState<Stored[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const title = step === 1 ? t('step1.title') : step === 2 ? t('step2.title') : t('confirmation.title');
  useDocumentTitle(tc('documentTitle', { page: title }));

  const findCase = async (number: string): Promise<{ kind: 'ruling' | 'claim'; id: string } | null> => {
    const options = { errorPolicy: 'all', fetchPolicy: 'network-only' } as const;
    if (number.startsWith(CLAIM_CASE_PREFIX)) {
      const { data } = await client
        .query({ query: ClaimDocumentCaseDocument, variables: { caseNumber: number }, ...options })
        .catch(() => ({ data: undefined }));
      return data?.claimDocumentCase ? { kind: 'claim', id: data.claimDocumentCase.id } : null;
    }
    const { data } = await client
      .query({ query: DocumentCaseDocument, variables: { caseNumber: number }, ...options })
      .catch(() => ({ data: undefined }));
    return data?.documentCase ? { kind: 'ruling', id: data.documentCase.id } : null;
  };

  const next = async (event: React.FormEvent) => {
    event.preventDefault();
    const number = caseNumber.trim();
    const local: FieldErrors = {
      category: category ? undefined : t('step1.errors.category'),
      caseNumber: !number
        ? t('step1.errors.caseNumber')
        : number.length > 10
          ? t('step1.errors.caseNumberTooLong')
          : undefined,
    };
    if (!hasErrors(local)) {
      const target = await findCase(number);
      if (target) {
        setFound(target);
        setErrors({});
        setStep(2);
        return;
      }
      local.caseNumber = t('step1.errors.caseNotFound');
    }
    setErrors(local);
    setFocusKey((k) => k + 1);
  };

  const add = (chosen: FileList | null) => {
    if (!chosen) return;
    // Copied now: the input's FileList empties when the input is reset for the next pick.
    const picked = Array.from(chosen);
    setFiles((current) => [...current, ...picked]);
    setFileErrors([]);
  };

  const check = (list: File[]): string[] => {
    if (list.length === 0) return [t('step2.errors.none')];
    const problems = list.flatMap((file) => {
      if (!isAcceptedExtension(extensionOf(file.name))) return [t('step2.errors.type', { name: file.name })];
      if (file.size > MAX_FILE_BYTES) return [t('step2.errors.tooLarge', { name: file.name })];
      if (file.size === 0) return [t('step2.errors.empty', { name: file.name })];
      return [];
    });
    return list.length > MAX_FILES_PER_UPLOAD ? [t('step2.errors.tooMany'), ...problems] : problems;
  };

  const send = async () => {
    const problems = check(files);
    if (problems.length) {
      setFileErrors(problems);
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.append('category', category);
      form.append('caseNumber', caseNumber.trim());
      for (const file of files) form.append('files', file, file.name);
      const token = await sessionCsrfToken(client, false);
      const res = await fetch('/api/documents', {
        method: 'POST',
        headers: { 'Accept-Language': language, ...(token ? { 'X-CSRF-Token': token } : {}) },
        body: form,
        credentials: 'same-origin',
      });
      const body = (await res.json()) as UploadAnswer;
      if (body.ok) {
        setStored(body.documents);
        setStep(3);
      } else
        setFileErrors(body.errors.length ? body.errors.map((e) => e.message) : [t('step2.errors.failed')]);
    } catch {
      setFileErrors([t('step2.errors.failed')]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {step === 1 ? (
        <form noValidate onSubmit={(event) => void next(event)}>
          <GcdsText>{t('step1.intro')}</GcdsText>
          <FormErrorSummary errors={errors} fields={['category', 'caseNumber']} focusKey={focusKey} />
          <SelectField
            name="category"
            label={t('step1.category')}
            placeholder={t('step1.categoryPlaceholder')}
            required
            value={category}
            error={errors.category}
            options={DOCUMENT_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))}
            onChange={setCategory}
          />
          <TextField
            name="caseNumber"
            label={t('step1.caseNumber')}
            required
            value={caseNumber}
            error={errors.caseNumber}
            onChange={setCaseNumber}
          />
          <div className="button-group">
            <GcdsButton
              type="link"
              buttonRole="secondary"
              href={`/${language}/${fromClaim ? 'claims' : 'rulings'}`}
            >
              {t('step1.cancel')}
            </GcdsButton>
            <GcdsButton type="submit">{t('step1.next')}</GcdsButton>
          </div>
        </form>
      ) : null}
      {step === 2 ? (
        <>
          <GcdsHeading tag="h2">{t('step2.attachments', { caseNumber: caseNumber.trim() })}</GcdsHeading>
          <GcdsText>{t('step2.intro')}</GcdsText>
          <GcdsText>{t('step2.limits')}</GcdsText>
          <GcdsText>{t('step2.types')}</GcdsText>
          {fileErrors.length ? (
            <div role="alert" className="upload-errors">
              {fileErrors.map((message) => (
                <GcdsErrorMessage key={message} messageId={`upload-error-${fileErrors.indexOf(message)}`}>
                  {message}
                </GcdsErrorMessage>
              ))}
            </div>
          ) : null}
          {/* The drop zone is also the native file picker: a labelled input that takes focus and opens with the keyboard. */}
          <div
            className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              add(event.dataTransfer.files);
            }}
          >
            <label htmlFor="upload-files">{t('step2.dropZone')}</label>
            <input
              id="upload-files"
              ref={input}
              type="file"
              multiple
              accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(',')}
              onChange={(event) => {
                add(event.target.files);
                event.target.value = '';
              }}
            />
          </div>
          {files.length ? (
            <>
              <GcdsText>{t('step2.chosen', { count: files.length })}</GcdsText>
              <ul>
                {files.map((file, index) => (
                  <li key={`${file.name}-${index}`}>
                    {file.name}{' '}
                    <GcdsButton
                      type="button"
                      buttonRole="secondary"
                      size="small"
                      onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}
                    >
                      {t('step2.remove', { name: file.name })}
                    </GcdsButton>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="button-group">
            <GcdsButton type="button" buttonRole="secondary" onClick={() => setStep(1)}>
              {t('step2.back')}
            </GcdsButton>
            <GcdsButton type="button" disabled={busy} onClick={() => void send()}>
              {busy ? t('step2.uploading') : t('step2.upload')}
            </GcdsButton>
          </div>
          <GcdsText>{t('step2.note')}</GcdsText>
        </>
      ) : null}
      {step === 3 ? (
        <>
          <GcdsText>{t('confirmation.body', { caseNumber: caseNumber.trim() })}</GcdsText>
          <ul>
            {stored.map((file) => (
              <li key={file.id}>
                {file.fileName} ({t('size', { size: Math.max(1, Math.round(file.sizeBytes / 1024)) })})
              </li>
            ))}
          </ul>
          <GcdsText>
            {found?.kind === 'claim' ? (
              <GcdsLink href={`/${language}/claims/${found.id}`}>{t('confirmation.backToClaim')}</GcdsLink>
            ) : (
              <GcdsLink href={`/${language}/rulings/${found?.id ?? ''}`}>
                {t('confirmation.backToRuling')}
              </GcdsLink>
            )}
          </GcdsText>
          <GcdsText>
            <GcdsLink href={`/${language}/documents/upload`}>{t('confirmation.another')}</GcdsLink>
          </GcdsText>
        </>
      ) : null}
    </>
  );
}
