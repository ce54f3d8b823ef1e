import { GcdsButton, GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type FieldErrors, fieldErrorsOf } from '../../../lib/user-errors';
import { useLanguage } from '../../../lib/use-language';
import { usePostBulletin } from '../hooks/use-post-bulletin';
import { OfficerNav } from './officer-nav';

/** The server's limits (bulletins.service.ts): the form says so before sending. */
export const bulletinTitleMax = 200;
export const bulletinBodyMax = 5000;

// In the order the form shows them: the error summary lists problems in the same order.
const fields = ['titleEn', 'titleFr', 'bodyEn', 'bodyFr'] as const;
type Draft = Record<(typeof fields)[number], string>;
const empty: Draft = { titleEn: '', titleFr: '', bodyEn: '', bodyFr: '' };

/** For officers: posts a bulletin, title and body in English and French, on the public bulletins page. */
export function PostBulletinPage() {
  const { t } = useTranslation('officer');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  useDocumentTitle(tc('documentTitle', { page: t('postBulletin.title') }));
  const { postBulletin, loading } = usePostBulletin();
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) => fieldErrorsOf(userErrors, fields, 'titleEn'),
  });
  const { errors, clear, focusKey, unsent } = form;
  const [draft, setDraft] = useState<Draft>(empty);
  const [posted, setPosted] = useState<string>();
  // GCDS controls keep their own value: a new key after a post empties every field at once.
  const [formKey, setFormKey] = useState(0);
  const set = (key: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    for (const name of fields) {
      const value = draft[name].trim();
      const max = name.startsWith('title') ? bulletinTitleMax : bulletinBodyMax;
      if (!value) found[name] = t(`postBulletin.errors.${name}Required`);
      else if (value.length > max) found[name] = t(`postBulletin.errors.${name}TooLong`, { max });
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPosted(undefined);
    await form.submit({
      local: check(),
      send: () => postBulletin(draft),
      succeeded: (payload) => payload.userErrors.length === 0,
      onSuccess: (payload) => {
        clear();
        setPosted(payload.bulletin?.title ?? '');
        setDraft(empty);
        setFormKey((key) => key + 1);
      },
    });
  };

  return (
    <>
      <OfficerNav current="postBulletin" />
      <GcdsHeading tag="h1">{t('postBulletin.title')}</GcdsHeading>
      <GcdsText>{t('postBulletin.lead')}</GcdsText>
      {/* Announced politely: the form under it empties at the same time. */}
      <div role="status">
        {posted !== undefined ? (
          <GcdsNotice type="success" noticeTitleTag="h2" noticeTitle={t('postBulletin.posted.title')}>
            <GcdsText>{t('postBulletin.posted.body', { title: posted })}</GcdsText>
            <GcdsText>
              <GcdsLink href={`/${language}/bulletins`}>{t('postBulletin.posted.view')}</GcdsLink>
            </GcdsText>
          </GcdsNotice>
        ) : null}
      </div>
      <form key={formKey} noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {unsent ? <PageLoadError kind="submit" /> : null}
        {(['titleEn', 'titleFr'] as const).map((name) => (
          <TextField
            key={name}
            name={name}
            label={t(`postBulletin.${name}`)}
            hint={t('postBulletin.titleHint', { max: bulletinTitleMax })}
            required
            value={draft[name]}
            onChange={set(name)}
            error={errors[name]}
          />
        ))}
        {(['bodyEn', 'bodyFr'] as const).map((name) => (
          <TextAreaField
            key={name}
            name={name}
            label={t(`postBulletin.${name}`)}
            required
            maxLength={bulletinBodyMax}
            value={draft[name]}
            onChange={set(name)}
            error={errors[name]}
          />
        ))}
        <div className="button-group">
          <GcdsButton type="submit" disabled={loading}>
            {t('postBulletin.submit')}
          </GcdsButton>
        </div>
      </form>
    </>
  );
}
