import { GcdsButton, GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type BusinessProfileQuery, useBusinessProfileQuery } from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors } from '../../../lib/user-errors';
import { useUpdateBusinessSettings } from '../hooks/use-update-business-settings';
import { codeLabel } from '../../../components/business/business-labels';
import {
  AddressList,
  ContactsTable,
  Facts,
  NoActiveBusiness,
} from '../../../components/business/business-parts';
import { ContactsEditor, contactLimits, useContactsEditor } from './contacts-editor';
import { TextAreaField } from '../../../components/forms/fields';

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
  ...contactLimits,
} as const;

/**
 * Business profile (seed 003 §2.2 "Accounts and profiles"): the registry's part (general information,
 * addresses), read only for everyone, and the portal-side settings (business activity, contacts),
 * which a business account manager changes here (updateBusinessSettings is BAM only).
 */
export function BusinessProfilePage() {
  const { t } = useTranslation('business');
  const { t: tc } = useTranslation('common');
  const { t: tk } = useTranslation('api-tokens');
  const { t: tw } = useTranslation('webhooks');
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
            <li>
              <GcdsLink href={`/${language}/exports`}>{t('profile.exportsLink')}</GcdsLink>
            </li>
            {role === 'BUSINESS_ACCOUNT_MANAGER' ? (
              <li>
                <GcdsLink href={`/${language}/business/api-tokens`}>{tk('link')}</GcdsLink>
              </li>
            ) : null}
            {role === 'BUSINESS_ACCOUNT_MANAGER' ? (
              <li>
                <GcdsLink href={`/${language}/business/webhooks`}>{tw('link')}</GcdsLink>
              </li>
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

function SettingsForm({ business }: { business: Business }) {
  const { t } = useTranslation('business');
  const { updateBusinessSettings, loading } = useUpdateBusinessSettings();
  const [saved, setSaved] = useState(false);
  const [activity, setActivity] = useState(profileOf(business).businessActivity ?? '');
  const contacts = useContactsEditor(profileOf(business).contacts);

  const fields = ['businessActivity', ...contacts.fields];
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) => contacts.errorsOf(userErrors, fields, 'businessActivity'),
  });
  const { errors, clear, focusKey, unsent } = form;

  const check = (): FieldErrors => {
    const local: FieldErrors = {};
    const max = settingsLimits;
    if ([...activity.trim()].length > max.businessActivity)
      local.businessActivity = t('profile.errors.businessActivityTooLong', { max: max.businessActivity });
    return { ...local, ...contacts.check() };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const blank = (value: string) => value.trim() || null;
    await form.submit({
      local: check(),
      send: () =>
        updateBusinessSettings({
          businessId: business.id,
          businessActivity: blank(activity),
          contacts: contacts.values(),
        }),
      succeeded: (payload) => Boolean(payload.business),
      onSuccess: () => {
        clear();
        setSaved(true);
      },
    });
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
      <ContactsEditor
        editor={contacts}
        errors={errors}
        onRemove={clear}
        maxNotice={t('profile.maxContacts', { max: settingsLimits.contacts })}
      />
      <div className="button-group">
        <GcdsButton type="submit" disabled={loading}>
          {t('profile.save')}
        </GcdsButton>
      </div>
    </form>
  );
}
