import { GcdsButton, GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type ProgramAccountProfileQuery, useProgramAccountProfileQuery } from '../../../generated/graphql';
import { useLanguage } from '../../../lib/use-language';
import { codeLabel } from '../../../components/business/business-labels';
import { AddressList, ContactsTable, Facts } from '../../../components/business/business-parts';
import { useUpdateProgramAccountContacts } from '../hooks/use-update-program-account-contacts';
import { ContactsEditor, contactLimits, contactsGroupField, useContactsEditor } from './contacts-editor';

type Account = NonNullable<ProgramAccountProfileQuery['programAccount']>;

/**
 * One program account's profile: general information, addresses, contacts, owners and sub-programs.
 * The registry's part is read only; the contacts are the business's own, which a viewer who may edit
 * the account (viewerCanEdit: its BAM, or a PAM or editor with the account in scope) changes here
 * (updateProgramAccountContacts). The finance feature's links come in from
 * `app/routes/program-account-route.tsx` (features never import each other).
 */
export function ProgramAccountPage({ accountLinks }: { accountLinks?: (accountId: string) => ReactNode }) {
  const { t } = useTranslation('business');
  const { t: tc } = useTranslation('common');
  const language = useLanguage();
  const { accountId } = useParams();
  // An account the caller may not see answers null with FORBIDDEN: the page says "not found" either way.
  const { data, loading, error } = useProgramAccountProfileQuery({
    variables: { id: accountId ?? '' },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const account = data?.programAccount;
  const title = account
    ? t('programAccount.title', { accountNumber: account.accountNumber ?? '' })
    : data
      ? t('programAccount.notFoundTitle')
      : t('programAccounts.title');
  useDocumentTitle(tc('documentTitle', { page: title }));

  return (
    <>
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !account ? <GcdsText>{t('programAccount.notFound')}</GcdsText> : null}
      {account ? (
        <>
          <GcdsNotice
            type={account.viewerCanEdit ? 'info' : 'warning'}
            noticeTitleTag="h2"
            noticeTitle={t('programAccount.access')}
          >
            <GcdsText>
              {account.viewerCanEdit ? t('programAccount.canEdit') : t('programAccount.readOnly')}
            </GcdsText>
          </GcdsNotice>

          <GcdsHeading tag="h2">{t('programAccount.general')}</GcdsHeading>
          <Facts
            items={[
              [t('programAccount.accountNumber'), account.accountNumber ?? ''],
              [t('programAccount.name'), account.name ?? ''],
              [t('programAccount.programCode'), account.programCode ?? ''],
              [t('programAccount.programType'), codeLabel(t, 'programTypes', account.programType ?? '')],
              [t('programAccount.billingType'), codeLabel(t, 'billingTypes', account.billingType ?? '')],
              [t('programAccount.status'), codeLabel(t, 'accountStatuses', account.status ?? '')],
            ]}
          />

          {accountLinks?.(account.id)}

          <GcdsHeading tag="h2">{t('programAccount.addresses')}</GcdsHeading>
          <AddressList addresses={account.addresses ?? []} empty={t('programAccount.noAddress')} />

          {account.viewerCanEdit ? (
            <>
              <GcdsHeading tag="h2">{t('programAccount.editContacts')}</GcdsHeading>
              <ContactsForm key={account.id} account={account} />
            </>
          ) : (
            <>
              <GcdsHeading tag="h2">{t('programAccount.contacts')}</GcdsHeading>
              <ContactsTable contacts={account.contacts ?? []} caption={t('programAccount.contacts')} />
            </>
          )}

          <GcdsHeading tag="h2">{t('programAccount.owners')}</GcdsHeading>
          {!account.owners?.length ? (
            <GcdsText>{t('programAccount.noOwner')}</GcdsText>
          ) : (
            <table className="data-table">
              <caption>
                {t('programAccount.ownersCaption', { accountNumber: account.accountNumber ?? '' })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('programAccount.ownerName')}</th>
                  <th scope="col">{t('programAccount.ownerRole')}</th>
                </tr>
              </thead>
              <tbody>
                {account.owners.map((owner, index) => (
                  <tr key={`${owner.name}-${index}`}>
                    <th scope="row">{owner.name}</th>
                    <td>{codeLabel(t, 'ownerRoles', owner.role)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <GcdsHeading tag="h2">{t('programAccount.subPrograms')}</GcdsHeading>
          {!account.subPrograms?.length ? (
            <GcdsText>{t('programAccount.noSubProgram')}</GcdsText>
          ) : (
            <table className="data-table">
              <caption>
                {t('programAccount.subProgramsCaption', { accountNumber: account.accountNumber ?? '' })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('programAccount.subProgramCode')}</th>
                  <th scope="col">{t('programAccount.subProgramName')}</th>
                </tr>
              </thead>
              <tbody>
                {account.subPrograms.map((subProgram) => (
                  <tr key={subProgram.code}>
                    <th scope="row">{subProgram.code}</th>
                    <td>{subProgram.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      {data ? (
        <GcdsText>
          <GcdsLink href={`/${language}/business/program-accounts`}>
            {t('programAccount.backToList')}
          </GcdsLink>
        </GcdsText>
      ) : null}
    </>
  );
}

/** The account's contacts, for a viewer who may edit them: all replaced at once on save. */
function ContactsForm({ account }: { account: Account }) {
  const { t } = useTranslation('business');
  const { updateProgramAccountContacts, loading } = useUpdateProgramAccountContacts();
  const [saved, setSaved] = useState(false);
  const contacts = useContactsEditor(account.contacts ?? []);
  const accountNumber = account.accountNumber ?? '';

  // An error on the list as a whole (too many contacts) is shown above it.
  const fields = [contactsGroupField, ...contacts.fields];
  const form = useMutationForm({
    fields,
    mapErrors: (userErrors) => contacts.errorsOf(userErrors, fields, contactsGroupField),
  });
  const { errors, clear, focusKey, unsent } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    await form.submit({
      local: contacts.check(),
      send: () => updateProgramAccountContacts({ programAccountId: account.id, contacts: contacts.values() }),
      succeeded: (payload) => Boolean(payload.programAccount),
      onSuccess: () => {
        clear();
        setSaved(true);
      },
    });
  };

  return (
    <>
      <GcdsText>{t('programAccount.editContactsLead', { accountNumber })}</GcdsText>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {unsent ? <PageLoadError kind="submit" /> : null}
        <div role="status">
          {saved ? (
            <GcdsNotice type="success" noticeTitleTag="h3" noticeTitle={t('programAccount.saved.title')}>
              <GcdsText>{t('programAccount.saved.body', { accountNumber })}</GcdsText>
            </GcdsNotice>
          ) : null}
        </div>
        <ContactsEditor
          editor={contacts}
          errors={errors}
          onRemove={clear}
          groupError
          maxNotice={t('programAccount.maxContacts', { max: contactLimits.contacts })}
        />
        <div className="button-group">
          <GcdsButton type="submit" disabled={loading}>
            {t('programAccount.saveContacts')}
          </GcdsButton>
        </div>
      </form>
    </>
  );
}
