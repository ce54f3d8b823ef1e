import {
  GcdsButton,
  GcdsFieldset,
  GcdsHeading,
  GcdsLink,
  GcdsNotice,
  GcdsText,
} from '@cdssnc/gcds-components-react';
import { emailProblems } from '@rules/credential-rules';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useFormErrors } from '../../../components/forms/use-form-errors';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type BusinessProfileQuery,
  useBusinessProfileQuery,
  useUpdateBusinessSettingsMutation,
} from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors, type UserError, hasErrors } from '../../../lib/user-errors';
import { codeLabel } from './business-labels';
import { AddressList, ContactsTable, Facts, NoActiveBusiness } from './business-parts';
import { TextAreaField } from './form-controls';

type Business = NonNullable<NonNullable<BusinessProfileQuery['me']>['activeBusiness']>;

/**
 * The profile with the API's guarded (nullable) fields filled in. The business's own people may always see
 * its profile (docs/access-model.md), so the fallbacks only cover what the types allow.
 */
function profileOf(business: Business) {
  const profile = business.profile;
  return {
    legalName: profile?.legalName ?? '',
    operatingName: profile?.operatingName ?? null,
    businessType: profile?.businessType ?? '',
    soleProprietor: profile?.soleProprietor ?? false,
    serviceProvider: profile?.serviceProvider ?? false,
    serviceProviderKind: profile?.serviceProviderKind ?? null,
    addresses: profile?.addresses ?? [],
    businessActivity: profile?.businessActivity ?? null,
    contacts: profile?.contacts ?? [],
  };
}

/** The server's limits (docs/businesses.md, updateBusinessSettings). */
export const settingsLimits = {
  businessActivity: 500,
  contacts: 20,
  name: 175,
  title: 100,
  phone: 25,
} as const;

/**
 * Business profile (seed 003 §2.2 "Accounts and profiles"): the registry's part (general information,
 * addresses), read only for everyone, and the portal-side settings (business activity, contacts),
 * which a business account manager changes here (updateBusinessSettings is BAM only).
 */
export function BusinessProfilePage() {
  const { t } = useTranslation('business');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { data, loading, error } = useBusinessProfileQuery({ fetchPolicy: 'cache-and-network' });
  useDocumentTitle(tc('documentTitle', { page: t('profile.title') }));
  const business = data?.me?.activeBusiness;
  const role = business?.viewerMembership.role;

  return (
    <>
      <GcdsHeading tag="h1">{t('profile.title')}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !business ? <NoActiveBusiness /> : null}
      {business ? (
        <>
          <GcdsText>{t('profile.lead', { business: business.name ?? '' })}</GcdsText>
          <GeneralInformation business={business} />

          <GcdsHeading tag="h2">{t('profile.addresses')}</GcdsHeading>
          <GcdsText>{t('profile.addressesNote')}</GcdsText>
          <AddressList addresses={profileOf(business).addresses} empty={t('programAccount.noAddress')} />

          <GcdsHeading tag="h2">{t('profile.settings')}</GcdsHeading>
          {role === 'BUSINESS_ACCOUNT_MANAGER' ? (
            <SettingsForm business={business} />
          ) : (
            <ReadOnlySettings business={business} />
          )}

          <GcdsHeading tag="h2">{t('profile.links')}</GcdsHeading>
          <ul className="business-links">
            <li>
              <GcdsLink href={`/${language}/business/program-accounts`}>
                {t('profile.programAccountsLink')}
              </GcdsLink>
            </li>
            {role === 'BUSINESS_ACCOUNT_MANAGER' || role === 'PROGRAM_ACCOUNT_MANAGER' ? (
              <>
                <li>
                  <GcdsLink href={`/${language}/business/employees`}>{t('profile.employeesLink')}</GcdsLink>
                </li>
                <li>
                  <GcdsLink href={`/${language}/business/relationships`}>
                    {t('profile.relationshipsLink')}
                  </GcdsLink>
                </li>
              </>
            ) : null}
            {role === 'BUSINESS_ACCOUNT_MANAGER' && profileOf(business).serviceProvider ? (
              <li>
                <GcdsLink href={`/${language}/business/client-groups`}>
                  {t('profile.clientGroupsLink')}
                </GcdsLink>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </>
  );
}

function GeneralInformation({ business }: { business: Business }) {
  const { t } = useTranslation('business');
  const language = useLanguage();
  const profile = profileOf(business);
  const yesNo = (value: boolean) => (value ? t('values.yes') : t('values.no'));
  return (
    <>
      <GcdsHeading tag="h2">{t('profile.general')}</GcdsHeading>
      <Facts
        items={[
          [t('profile.legalName'), profile.legalName],
          [t('profile.operatingName'), profile.operatingName ?? t('values.none')],
          [t('profile.businessNumber'), business.businessNumber ?? ''],
          [t('profile.businessType'), codeLabel(t, 'businessTypes', profile.businessType)],
          [t('profile.soleProprietor'), yesNo(profile.soleProprietor)],
          [
            t('profile.serviceProvider'),
            profile.serviceProvider && profile.serviceProviderKind
              ? `${t('values.yes')} (${codeLabel(t, 'serviceProviderKinds', profile.serviceProviderKind)})`
              : yesNo(profile.serviceProvider),
          ],
          [
            t('profile.registeredAt'),
            business.registeredAt ? formatDateTime(business.registeredAt, language) : '',
          ],
        ]}
      />
    </>
  );
}

function ReadOnlySettings({ business }: { business: Business }) {
  const { t } = useTranslation('business');
  return (
    <>
      <GcdsText>{t('profile.readOnly')}</GcdsText>
      <Facts
        items={[[t('profile.businessActivity'), profileOf(business).businessActivity ?? t('values.none')]]}
      />
      <ContactsTable contacts={profileOf(business).contacts} caption={t('contacts.caption')} />
    </>
  );
}

interface ContactDraft {
  /** Stable React key: contacts can be removed from the middle of the list. */
  key: number;
  name: string;
  title: string;
  phone: string;
  email: string;
}

type ContactField = 'name' | 'title' | 'phone' | 'email';
const contactFields: readonly ContactField[] = ['name', 'title', 'phone', 'email'];

function SettingsForm({ business }: { business: Business }) {
  const { t } = useTranslation('business');
  const [save, { loading }] = useUpdateBusinessSettingsMutation();
  const { errors, refuse, clear, focusKey } = useFormErrors();
  const [unsent, setUnsent] = useState(false);
  const [saved, setSaved] = useState(false);
  const [activity, setActivity] = useState(profileOf(business).businessActivity ?? '');
  const [nextKey, setNextKey] = useState(profileOf(business).contacts.length);
  const [contacts, setContacts] = useState<ContactDraft[]>(() =>
    profileOf(business).contacts.map((contact, key) => ({
      key,
      name: contact.name,
      title: contact.title ?? '',
      phone: contact.phone ?? '',
      email: contact.email ?? '',
    })),
  );

  const fields = [
    'businessActivity',
    ...contacts.flatMap((_, index) => contactFields.map((field) => `contacts.${index}.${field}`)),
  ];

  const setContact = (index: number, field: ContactField) => (value: string) =>
    setContacts((current) =>
      current.map((contact, i) => (i === index ? { ...contact, [field]: value } : contact)),
    );
  const addContact = () => {
    setContacts((current) => [...current, { key: nextKey, name: '', title: '', phone: '', email: '' }]);
    setNextKey((key) => key + 1);
  };
  const removeContact = (index: number) => {
    clear();
    setContacts((current) => current.filter((_, i) => i !== index));
  };

  const check = (): FieldErrors => {
    const local: FieldErrors = {};
    const max = settingsLimits;
    if ([...activity.trim()].length > max.businessActivity)
      local.businessActivity = t('profile.errors.businessActivityTooLong', { max: max.businessActivity });
    contacts.forEach((contact, index) => {
      const number = index + 1;
      const at = (field: ContactField) => `contacts.${index}.${field}`;
      const length = (value: string) => [...value.trim()].length;
      if (!contact.name.trim()) local[at('name')] = t('profile.errors.contactNameRequired', { number });
      else if (length(contact.name) > max.name)
        local[at('name')] = t('profile.errors.contactNameTooLong', { number, max: max.name });
      if (length(contact.title) > max.title)
        local[at('title')] = t('profile.errors.contactTitleTooLong', { number, max: max.title });
      if (length(contact.phone) > max.phone)
        local[at('phone')] = t('profile.errors.contactPhoneTooLong', { number, max: max.phone });
      if (contact.email.trim() && emailProblems(contact.email.trim()).length > 0)
        local[at('email')] = t('profile.errors.contactEmailInvalid', { number });
    });
    return local;
  };

  /** `["input", "contacts", "0"]` is about the first contact as a whole: shown beside its name. */
  const serverErrors = (userErrors: readonly UserError[]): FieldErrors => {
    const byField: FieldErrors = {};
    for (const userError of userErrors) {
      const [first, ...rest] = userError.field;
      const path = (first === 'input' ? rest : userError.field).join('.');
      const contact = /^contacts\.(\d+)/.exec(path);
      const field = fields.includes(path)
        ? path
        : contact && Number(contact[1]) < contacts.length
          ? `contacts.${contact[1]}.name`
          : 'businessActivity';
      byField[field] ??= userError.message;
    }
    return byField;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setUnsent(false);
    setSaved(false);
    const local = check();
    if (hasErrors(local)) return refuse(local);
    const blank = (value: string) => value.trim() || null;
    try {
      const { data } = await save({
        variables: {
          input: {
            businessId: business.id,
            businessActivity: blank(activity),
            contacts: contacts.map((contact) => ({
              name: contact.name.trim(),
              title: blank(contact.title),
              phone: blank(contact.phone),
              email: blank(contact.email),
            })),
          },
        },
      });
      const payload = data?.updateBusinessSettings;
      if (payload?.business) {
        clear();
        setSaved(true);
        return;
      }
      refuse(serverErrors(payload?.userErrors ?? []));
    } catch {
      setUnsent(true);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
      {unsent ? <PageLoadError kind="submit" /> : null}
      <div role="status">
        {saved ? (
          <GcdsNotice type="success" noticeTitleTag="h3" noticeTitle={t('profile.saved.title')}>
            <GcdsText>{t('profile.saved.body')}</GcdsText>
          </GcdsNotice>
        ) : null}
      </div>
      <TextAreaField
        name="businessActivity"
        label={t('profile.businessActivity')}
        hint={t('profile.businessActivityHint')}
        maxLength={settingsLimits.businessActivity}
        value={activity}
        onChange={setActivity}
        error={errors.businessActivity}
      />
      {contacts.map((contact, index) => {
        const number = index + 1;
        const name = (field: ContactField) => `contacts.${index}.${field}`;
        return (
          <GcdsFieldset key={contact.key} legend={t('profile.contactLegend', { number })} legendSize="h3">
            <TextField
              name={name('name')}
              label={t('profile.contactName', { number })}
              autocomplete="off"
              required
              value={contact.name}
              onChange={setContact(index, 'name')}
              error={errors[name('name')]}
            />
            <TextField
              name={name('title')}
              label={t('profile.contactTitle', { number })}
              autocomplete="off"
              value={contact.title}
              onChange={setContact(index, 'title')}
              error={errors[name('title')]}
            />
            <TextField
              name={name('phone')}
              type="tel"
              label={t('profile.contactPhone', { number })}
              autocomplete="off"
              size={14}
              value={contact.phone}
              onChange={setContact(index, 'phone')}
              error={errors[name('phone')]}
            />
            <TextField
              name={name('email')}
              type="email"
              label={t('profile.contactEmail', { number })}
              autocomplete="off"
              value={contact.email}
              onChange={setContact(index, 'email')}
              error={errors[name('email')]}
            />
            <GcdsButton
              type="button"
              buttonRole="secondary"
              size="small"
              onClick={() => removeContact(index)}
            >
              {t('profile.removeContact', { number })}
            </GcdsButton>
          </GcdsFieldset>
        );
      })}
      {contacts.length < settingsLimits.contacts ? (
        <GcdsButton type="button" buttonRole="secondary" onClick={addContact}>
          {t('profile.addContact')}
        </GcdsButton>
      ) : (
        <GcdsText>{t('profile.maxContacts', { max: settingsLimits.contacts })}</GcdsText>
      )}
      <div className="button-group">
        <GcdsButton type="submit" disabled={loading}>
          {t('profile.save')}
        </GcdsButton>
      </div>
    </form>
  );
}
