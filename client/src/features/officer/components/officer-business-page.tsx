import { GcdsButton, GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type OfficerBusinessQuery,
  type OfficerIssueActivationKeyMutation,
  useOfficerBusinessQuery,
} from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { fieldErrorsOf } from '../../../lib/user-errors';
import { OfficerNav } from './officer-nav';
import { nodes } from '../../../lib/connections';
import { useIssueActivationKey } from '../hooks/use-issue-activation-key';
import { useUnlockBusinessRegistration } from '../hooks/use-unlock-business-registration';

type View = NonNullable<OfficerBusinessQuery['officerBusiness']>;
type IssuedKey = NonNullable<OfficerIssueActivationKeyMutation['issueActivationKey']['activationKey']>;

/** Failed attempts (steps 2 and 3 together) that lock registration of a business (docs/businesses.md). */
export const registrationMaxFailedAttempts = 10;

/** The business's secure message threads, in the officer inbox (issue 15: "a business's threads from its page"). */
function BusinessThreadsLink({ businessId }: { businessId: string }) {
  const { t } = useTranslation('officer');
  const language = useLanguage();
  return (
    <GcdsText>
      <GcdsLink href={`/${language}/officer/messages?business=${encodeURIComponent(businessId)}`}>
        {t('business.threads')}
      </GcdsLink>
    </GcdsText>
  );
}

/**
 * For officers: one registry business. Its registration state (on the portal or not, locked, failed
 * attempts) with an Unlock button when locked, its activation keys and a form to issue one, and its
 * audit trail, newest first.
 */
export function OfficerBusinessPage() {
  const { t } = useTranslation('officer');
  const { t: tc } = useTranslation('common');
  const { businessNumber = '' } = useParams();
  const { data, loading, error } = useOfficerBusinessQuery({
    variables: { businessNumber },
    fetchPolicy: 'cache-and-network',
  });
  const view = data?.officerBusiness;
  const title = view
    ? view.legalName
    : data
      ? t('business.notFound.title')
      : t('business.fallbackTitle', { businessNumber });
  useDocumentTitle(tc('documentTitle', { page: title }));

  return (
    <>
      <OfficerNav />
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !view ? <NotFound businessNumber={businessNumber} /> : null}
      {view ? (
        <>
          <RegistrationState view={view} />
          {view.business ? <BusinessThreadsLink businessId={view.business.id} /> : null}
          <ActivationKeys view={view} />
          <AuditTrail view={view} />
        </>
      ) : null}
    </>
  );
}

function NotFound({ businessNumber }: { businessNumber: string }) {
  const { t } = useTranslation('officer');
  const language = useLanguage();
  return (
    <>
      <GcdsText>{t('business.notFound.body', { businessNumber })}</GcdsText>
      <GcdsText>
        <GcdsLink href={`/${language}/officer/businesses`}>{t('business.notFound.back')}</GcdsLink>
      </GcdsText>
    </>
  );
}

type UnlockOutcome = { kind: 'unlocked' | 'failed'; message?: string };

function RegistrationState({ view }: { view: View }) {
  const { t } = useTranslation('officer');
  const { unlockBusinessRegistration } = useUnlockBusinessRegistration();
  const [unlocked, setUnlocked] = useState(false);
  // One button, no field: a refusal's first message (or none: the notice's own words) is the outcome.
  const form = useMutationForm({
    fields: [],
    mapErrors: (userErrors) => ({ unlock: userErrors[0]?.message ?? '' }),
  });
  const refused = form.errors.unlock;
  const outcome: UnlockOutcome | undefined = unlocked
    ? { kind: 'unlocked' }
    : form.unsent || refused !== undefined
      ? { kind: 'failed', ...(refused ? { message: refused } : {}) }
      : undefined;

  const onUnlock = async () => {
    setUnlocked(false);
    form.clear();
    await form.submit({
      send: () => unlockBusinessRegistration(view.businessNumber),
      succeeded: (payload) => Boolean(payload.view),
      onSuccess: () => setUnlocked(true),
    });
  };

  const name = view.legalName;
  return (
    <section aria-labelledby="officer-business-registration">
      <GcdsHeading tag="h2" id="officer-business-registration">
        {t('business.state.title')}
      </GcdsHeading>
      {/* Announced politely: the table under it changes at the same time. */}
      <div role="status">
        {outcome ? (
          <GcdsNotice
            type={outcome.kind === 'unlocked' ? 'success' : 'danger'}
            noticeTitleTag="h3"
            noticeTitle={t(`business.unlock.outcome.${outcome.kind}.title`, { name })}
          >
            <GcdsText>{outcome.message ?? t(`business.unlock.outcome.${outcome.kind}.body`)}</GcdsText>
          </GcdsNotice>
        ) : null}
      </div>
      <table className="data-table">
        <caption>{t('business.state.caption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('business.state.businessNumber')}</th>
            <td>{view.businessNumber}</td>
          </tr>
          <tr>
            <th scope="row">{t('business.state.legalName')}</th>
            <td>{view.legalName}</td>
          </tr>
          <tr>
            <th scope="row">{t('business.state.portal')}</th>
            <td>
              {view.business
                ? t('business.state.registeredAs', { name: view.business.name })
                : t('business.state.notRegistered')}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('business.state.locked')}</th>
            <td>{view.registrationLocked ? t('business.state.lockedYes') : t('business.state.lockedNo')}</td>
          </tr>
          <tr>
            <th scope="row">{t('business.state.failedAttempts')}</th>
            <td>
              {t('business.state.failedAttemptsValue', {
                count: view.registrationFailedAttempts,
                max: registrationMaxFailedAttempts,
              })}
            </td>
          </tr>
        </tbody>
      </table>
      {view.registrationLocked ? (
        <>
          <GcdsText>{t('business.unlock.lead')}</GcdsText>
          <div className="button-group">
            <GcdsButton type="button" disabled={form.pending} onClick={() => void onUnlock()}>
              {t('business.unlock.button')}
            </GcdsButton>
          </div>
        </>
      ) : null}
    </section>
  );
}

const issueFields = ['contactName'] as const;
const keyColumns = ['contact', 'issued', 'expires', 'used'] as const;
const auditColumns = ['type', 'occurredAt', 'actor', 'detail'] as const;

function ActivationKeys({ view }: { view: View }) {
  const { t } = useTranslation('officer');
  const language = useLanguage();
  const { issueActivationKey, loading } = useIssueActivationKey();
  const form = useMutationForm({
    fields: issueFields,
    mapErrors: (userErrors) => fieldErrorsOf(userErrors, issueFields, 'contactName'),
  });
  const { errors, focusKey } = form;
  const [contactName, setContactName] = useState('');
  // The key exists nowhere else: the server keeps only its hash, and it is never cached or stored.
  const [issued, setIssued] = useState<IssuedKey>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = contactName.trim();
    await form.submit({
      local: name ? {} : { contactName: t('business.issue.contactNameRequired') },
      send: () => issueActivationKey({ businessNumber: view.businessNumber, contactName: name }),
      succeeded: (payload) => Boolean(payload.activationKey),
      onSuccess: (payload) => {
        form.clear();
        setIssued(payload.activationKey ?? undefined);
        setContactName('');
      },
    });
  };

  const keys = nodes(view.activationKeysConnection);
  return (
    <section aria-labelledby="officer-business-keys">
      <GcdsHeading tag="h2" id="officer-business-keys">
        {t('business.keys.title')}
      </GcdsHeading>
      <DataTable
        caption={t('business.keys.caption', { total: keys.length })}
        none={t('business.keys.none')}
        columns={keyColumns.map((column) => t(`business.keys.columns.${column}`))}
        rows={keys.map((key) => ({
          key: key.id,
          cells: [
            key.contactName,
            formatDateTime(key.issuedAt, language),
            formatDateTime(key.expiresAt, language),
            key.usedAt ? formatDateTime(key.usedAt, language) : t('business.keys.notUsed'),
          ],
        }))}
      />

      <GcdsHeading tag="h3">{t('business.issue.title')}</GcdsHeading>
      <div role="status">
        {issued ? (
          <GcdsNotice
            type="warning"
            noticeTitleTag="h4"
            noticeTitle={t('business.issue.issued.title', { contact: issued.contactName })}
          >
            <GcdsText>
              {t('business.issue.issued.keyLabel')}
              <span className="activation-key">{issued.key}</span>
            </GcdsText>
            <GcdsText>
              {t('business.issue.issued.expires', { date: formatDateTime(issued.expiresAt, language) })}
            </GcdsText>
            <GcdsText>{t('business.issue.issued.once', { contact: issued.contactName })}</GcdsText>
          </GcdsNotice>
        ) : null}
      </div>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={issueFields} focusKey={focusKey} />
        {form.unsent ? <PageLoadError kind="submit" /> : null}
        <GcdsText>{t('business.issue.lead')}</GcdsText>
        <TextField
          name="contactName"
          label={t('business.issue.contactName')}
          hint={t('business.issue.contactNameHint')}
          autocomplete="off"
          required
          value={contactName}
          onChange={setContactName}
          error={errors.contactName}
        />
        <div className="button-group">
          <GcdsButton type="submit" disabled={loading}>
            {t('business.issue.submit')}
          </GcdsButton>
        </div>
      </form>
    </section>
  );
}

/**
 * Facts that are ids (of a request, a relationship, a membership…) mean nothing to a person: the entry's
 * other facts, its date and its author say what happened. Names ending in `Id` are ids too.
 */
const opaqueDetails = new Set([
  'relationship',
  'request',
  'membership',
  'key',
  'upload',
  'group',
  'user',
  'token',
  'endpoint',
  'message',
  'letter',
  'repayment',
]);

type AuditDetail = { name: string; value: string };

/**
 * An entry's facts as "Label: value" in the page's language (issue 14, defect 6): codes read as words
 * (business.audit.values), amounts as money; a fact the page does not know yet shows as the server names it.
 */
function AuditDetails({ details }: { details: readonly AuditDetail[] }) {
  const { t } = useTranslation('officer');
  const language = useLanguage();
  const labels = t('business.audit.details', { returnObjects: true }) as Record<string, string>;
  const values = t('business.audit.values', { returnObjects: true }) as Record<string, string>;
  const shown = details.filter((d) => !opaqueDetails.has(d.name) && !d.name.endsWith('Id'));
  const value = ({ name, value }: AuditDetail) =>
    (name === 'cents' || name.endsWith('Cents')) && /^-?\d+$/.test(value)
      ? new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
          style: 'currency',
          currency: 'CAD',
        }).format(Number(value) / 100)
      : (values[value] ?? value);
  return (
    <>
      {shown
        .map(
          (detail) =>
            `${labels[detail.name] ?? detail.name}${language === 'fr' ? ' : ' : ': '}${value(detail)}`,
        )
        .join(t('business.audit.detailSeparator'))}
    </>
  );
}

function AuditTrail({ view }: { view: View }) {
  const { t } = useTranslation('officer');
  const language = useLanguage();
  // Known types read as words; a type added later shows as the server names it. An actor without a
  // personal profile (an officer, for one) has an empty name: say so rather than leave the cell blank.
  const labels = t('business.audit.types', { returnObjects: true }) as Record<string, string>;
  const events = nodes(view.auditTrailConnection);
  return (
    <section aria-labelledby="officer-business-audit">
      <GcdsHeading tag="h2" id="officer-business-audit">
        {t('business.audit.title')}
      </GcdsHeading>
      <DataTable
        caption={t('business.audit.caption', { total: events.length })}
        none={t('business.audit.none')}
        columns={auditColumns.map((column) => t(`business.audit.columns.${column}`))}
        rows={events.map((event) => ({
          key: event.id,
          cells: [
            labels[event.type] ?? event.type,
            formatDateTime(event.occurredAt, language),
            event.actor ? event.actor.name || t('business.audit.unnamed') : t('business.audit.system'),
            <AuditDetails key="details" details={event.details} />,
          ],
        }))}
      />
    </section>
  );
}

interface DataTableProps {
  caption: string;
  /** Said instead of the table when it has no row. */
  none: string;
  columns: readonly string[];
  rows: ReadonlyArray<{ key: string; cells: readonly ReactNode[] }>;
}

/** A table whose rows are headed by their first cell, or a sentence when it has none. */
function DataTable({ caption, none, columns, rows }: DataTableProps) {
  if (rows.length === 0) return <GcdsText>{none}</GcdsText>;
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, cells: [head, ...rest] }) => (
          <tr key={key}>
            <th scope="row">{head}</th>
            {rest.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
