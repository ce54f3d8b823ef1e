import { GcdsButton, GcdsDetails, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import {
  emailConfirmationProblems,
  emailProblems,
  personNameProblems,
  phoneExtensionProblems,
  phoneProblems,
} from '@rules/credential-rules';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CheckboxField, RadioField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type Language as ApiLanguage,
  type PersonalProfileQuery,
  usePersonalProfileQuery,
} from '../../../generated/graphql';
import { flashState } from '../../../lib/flash';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors, type UserError } from '../../../lib/user-errors';
import { useSavePersonalProfile } from '../hooks/use-save-personal-profile';

type Profile = NonNullable<NonNullable<PersonalProfileQuery['me']>['profile']>;

const fields = [
  'firstName',
  'lastName',
  'phone',
  'phoneExtension',
  'email',
  'emailConfirmation',
  'receiveNoticeEmails',
  'acceptNoticeTerms',
  'preferredLanguage',
] as const;
type Field = (typeof fields)[number];

interface Values {
  firstName: string;
  lastName: string;
  phone: string;
  phoneExtension: string;
  email: string;
  emailConfirmation: string;
  /** 'yes' | 'no' | '' (not chosen yet). */
  receiveNoticeEmails: string;
  acceptNoticeTerms: boolean;
  /** 'EN' | 'FR' | ''. */
  preferredLanguage: string;
}

function initialValues(profile: Profile | null | undefined): Values {
  if (!profile) {
    return {
      firstName: '',
      lastName: '',
      phone: '',
      phoneExtension: '',
      email: '',
      emailConfirmation: '',
      receiveNoticeEmails: '',
      acceptNoticeTerms: false,
      preferredLanguage: '',
    };
  }
  return {
    firstName: profile.firstName,
    lastName: profile.lastName,
    phone: profile.phone,
    phoneExtension: profile.phoneExtension ?? '',
    email: profile.email,
    emailConfirmation: profile.email,
    receiveNoticeEmails: profile.receiveNoticeEmails ? 'yes' : 'no',
    // Accepted when the profile was created; saving again accepts them again.
    acceptNoticeTerms: true,
    preferredLanguage: profile.preferredLanguage,
  };
}

/**
 * The personal profile (seed §1.6, domain §2): created at the first sign-in, changed later. Checked
 * with the shared rules before sending; the server's user errors, authoritative, come back beside
 * the same fields.
 */
export function ProfilePage() {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation('common');
  const { data, loading, error } = usePersonalProfileQuery();
  const creating = !data?.me?.profile;
  const title = creating ? t('title.create') : t('title.edit');
  useDocumentTitle(tc('documentTitle', { page: title }));
  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data?.me ? <ProfileForm viewerId={data.me.id} profile={data.me.profile} creating={creating} /> : null}
    </>
  );
}

interface ProfileFormProps {
  viewerId: string;
  profile: Profile | null | undefined;
  creating: boolean;
}

function ProfileForm({ viewerId, profile, creating }: ProfileFormProps) {
  const { t } = useTranslation('profile');
  const language = useLanguage();
  const navigate = useNavigate();
  const { savePersonalProfile, loading } = useSavePersonalProfile(viewerId);
  const [values, setValues] = useState<Values>(() => initialValues(profile));
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [field]: value }));

  const message = (field: Field, code: string, fallback?: string): string => {
    const messages = t(`errors.${field}`, { returnObjects: true }) as Record<string, string>;
    return messages[code] ?? fallback ?? t('errors.unknown');
  };

  const check = (): FieldErrors => {
    const problems: Array<[Field, string | undefined]> = [
      ['firstName', personNameProblems(values.firstName)[0]],
      ['lastName', personNameProblems(values.lastName)[0]],
      ['phone', phoneProblems(values.phone)[0]],
      ['phoneExtension', phoneExtensionProblems(values.phoneExtension)[0]],
      ['email', emailProblems(values.email)[0]],
      ['emailConfirmation', emailConfirmationProblems(values.email, values.emailConfirmation)[0]],
      ['receiveNoticeEmails', values.receiveNoticeEmails ? undefined : 'REQUIRED'],
      ['acceptNoticeTerms', values.acceptNoticeTerms ? undefined : 'TERMS_NOT_ACCEPTED'],
      ['preferredLanguage', values.preferredLanguage ? undefined : 'REQUIRED'],
    ];
    const local: FieldErrors = {};
    for (const [field, code] of problems) if (code) local[field] = message(field, code);
    return local;
  };

  const serverErrors = (userErrors: readonly UserError[]): FieldErrors => {
    const byField: FieldErrors = {};
    for (const userError of userErrors) {
      const [first, ...rest] = userError.field;
      const path = (first === 'input' ? rest : userError.field).join('.');
      const field = (fields as readonly string[]).includes(path) ? (path as Field) : 'firstName';
      byField[field] ??= message(field, userError.code, userError.message);
    }
    return byField;
  };

  const form = useMutationForm({ fields, mapErrors: serverErrors });
  const { errors, focusKey, unsent } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.submit({
      local: check(),
      send: () =>
        savePersonalProfile({
          firstName: values.firstName.trim(),
          lastName: values.lastName.trim(),
          phone: values.phone.trim(),
          phoneExtension: values.phoneExtension.trim() || null,
          email: values.email.trim(),
          emailConfirmation: values.emailConfirmation.trim(),
          receiveNoticeEmails: values.receiveNoticeEmails === 'yes',
          acceptNoticeTerms: values.acceptNoticeTerms,
          preferredLanguage: values.preferredLanguage as ApiLanguage,
        }),
      succeeded: (payload) => Boolean(payload.profile),
      onSuccess: () => navigate(`/${language}/welcome`, { state: flashState('profileSaved') }),
    });
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
      {unsent ? <PageLoadError kind="submit" /> : null}
      <GcdsText>{creating ? t('lead.create') : t('lead.edit')}</GcdsText>

      <GcdsHeading tag="h2">{t('sections.user')}</GcdsHeading>
      <TextField
        name="firstName"
        label={t('fields.firstName')}
        autocomplete="given-name"
        required
        value={values.firstName}
        onChange={set('firstName')}
        error={errors.firstName}
      />
      <TextField
        name="lastName"
        label={t('fields.lastName')}
        autocomplete="family-name"
        required
        value={values.lastName}
        onChange={set('lastName')}
        error={errors.lastName}
      />

      <GcdsHeading tag="h2">{t('sections.contact')}</GcdsHeading>
      <TextField
        name="phone"
        type="tel"
        label={t('fields.phone')}
        hint={t('fields.phoneHint')}
        autocomplete="tel-national"
        size={14}
        required
        value={values.phone}
        onChange={set('phone')}
        error={errors.phone}
      />
      <TextField
        name="phoneExtension"
        label={t('fields.phoneExtension')}
        autocomplete="tel-extension"
        inputmode="numeric"
        size={6}
        value={values.phoneExtension}
        onChange={set('phoneExtension')}
        error={errors.phoneExtension}
      />
      <TextField
        name="email"
        type="email"
        label={t('fields.email')}
        autocomplete="email"
        required
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        name="emailConfirmation"
        type="email"
        label={t('fields.emailConfirmation')}
        autocomplete="email"
        required
        value={values.emailConfirmation}
        onChange={set('emailConfirmation')}
        error={errors.emailConfirmation}
      />

      <GcdsHeading tag="h2">{t('sections.preferences')}</GcdsHeading>
      <RadioField
        name="receiveNoticeEmails"
        label={t('fields.receiveNoticeEmails')}
        hint={t('fields.urgentNote')}
        required
        value={values.receiveNoticeEmails}
        onChange={set('receiveNoticeEmails')}
        options={[
          { value: 'yes', label: t('fields.receiveYes') },
          { value: 'no', label: t('fields.receiveNo') },
        ]}
        error={errors.receiveNoticeEmails}
      />
      <GcdsDetails detailsTitle={t('noticeTerms.title')}>
        <GcdsText>{t('noticeTerms.body')}</GcdsText>
        <GcdsText>{t('noticeTerms.urgent')}</GcdsText>
      </GcdsDetails>
      <CheckboxField
        name="acceptNoticeTerms"
        label={t('fields.noticeTermsLegend')}
        boxLabel={t('fields.acceptNoticeTerms')}
        required
        checked={values.acceptNoticeTerms}
        onChange={set('acceptNoticeTerms')}
        error={errors.acceptNoticeTerms}
      />
      <RadioField
        name="preferredLanguage"
        label={t('fields.preferredLanguage')}
        required
        value={values.preferredLanguage}
        onChange={set('preferredLanguage')}
        options={[
          { value: 'EN', label: t('fields.english') },
          { value: 'FR', label: t('fields.french') },
        ]}
        error={errors.preferredLanguage}
      />
      <GcdsText>{t('laterNote')}</GcdsText>
      <div className="button-group">
        <GcdsButton type="submit" disabled={loading}>
          {t('submit')}
        </GcdsButton>
        {creating ? null : (
          <GcdsButton type="link" buttonRole="secondary" href={`/${language}/welcome`}>
            {t('cancel')}
          </GcdsButton>
        )}
      </div>
    </form>
  );
}
