import { GcdsButton, GcdsHeading, GcdsLink, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useFormErrors } from '../../../components/forms/use-form-errors';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type OfficerBusinessQuery,
  type OfficerIssueActivationKeyMutation,
  useOfficerBusinessQuery,
  useOfficerIssueActivationKeyMutation,
  useOfficerUnlockBusinessRegistrationMutation,
} from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { useLanguage } from '../../../lib/use-language';
import { fieldErrorsOf } from '../../../lib/user-errors';
import { OfficerNav } from './officer-nav';
import { nodes } from '../../../lib/connections';

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
  const { data, loading, error, refetch } = useOfficerBusinessQuery({
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

  const reload = async () => {
    await refetch();
  };

  return (
    <>
      <OfficerNav />
      <GcdsHeading tag="h1">{title}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !view ? <NotFound businessNumber={businessNumber} /> : null}
      {view ? (
        <>
          <RegistrationState view={view} onChanged={reload} />
          {view.business ? <BusinessThreadsLink businessId={view.business.id} /> : null}
          <ActivationKeys view={view} onIssued={reload} />
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

function RegistrationState({ view, onChanged }: { view: View; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('officer');
  const [unlock] = useOfficerUnlockBusinessRegistrationMutation();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<UnlockOutcome>();

  const onUnlock = async () => {
    setPending(true);
    setOutcome(undefined);
    try {
      const { data } = await unlock({ variables: { businessNumber: view.businessNumber } });
      const payload = data?.unlockBusinessRegistration;
      if (payload?.view) {
        setOutcome({ kind: 'unlocked' });
        await onChanged();
      } else {
        const message = payload?.userErrors[0]?.message;
        setOutcome({ kind: 'failed', ...(message ? { message } : {}) });
      }
    } catch {
      setOutcome({ kind: 'failed' });
    } finally {
      setPending(false);
    }
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
            <GcdsButton type="button" disabled={pending} onClick={() => void onUnlock()}>
              {t('business.unlock.button')}
            </GcdsButton>
          </div>
        </>
      ) : null}
    </section>
  );
}

const issueFields = ['contactName'] as const;

function ActivationKeys({ view, onIssued }: { view: View; onIssued: () => Promise<void> }) {
  const { t } = useTranslation('officer');
  const language = useLanguage();
  const [issue, { loading }] = useOfficerIssueActivationKeyMutation();
  const { errors, refuse, clear, focusKey } = useFormErrors();
  const [contactName, setContactName] = useState('');
  const [unsent, setUnsent] = useState(false);
  // The key exists nowhere else: the server keeps only its hash, and it is never cached or stored.
  const [issued, setIssued] = useState<IssuedKey>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setUnsent(false);
    const name = contactName.trim();
    if (!name) return refuse({ contactName: t('business.issue.contactNameRequired') });
    try {
      const { data } = await issue({
        variables: { input: { businessNumber: view.businessNumber, contactName: name } },
        // The key must not stay in Apollo's cache either.
        fetchPolicy: 'no-cache',
      });
      const payload = data?.issueActivationKey;
      if (payload?.activationKey) {
        clear();
        setIssued(payload.activationKey);
        setContactName('');
        await onIssued();
        return;
      }
      refuse(fieldErrorsOf(payload?.userErrors ?? [], issueFields, 'contactName'));
    } catch {
      setUnsent(true);
    }
  };

  const keys = nodes(view.activationKeysConnection);
  return (
    <section aria-labelledby="officer-business-keys">
      <GcdsHeading tag="h2" id="officer-business-keys">
        {t('business.keys.title')}
      </GcdsHeading>
      {keys.length === 0 ? <GcdsText>{t('business.keys.none')}</GcdsText> : null}
      {keys.length > 0 ? (
        <table className="data-table">
          <caption>{t('business.keys.caption', { total: keys.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('business.keys.columns.contact')}</th>
              <th scope="col">{t('business.keys.columns.issued')}</th>
              <th scope="col">{t('business.keys.columns.expires')}</th>
              <th scope="col">{t('business.keys.columns.used')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.contactName}</th>
                <td>{formatDateTime(key.issuedAt, language)}</td>
                <td>{formatDateTime(key.expiresAt, language)}</td>
                <td>{key.usedAt ? formatDateTime(key.usedAt, language) : t('business.keys.notUsed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

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
        {unsent ? <PageLoadError kind="submit" /> : null}
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
      {events.length === 0 ? <GcdsText>{t('business.audit.none')}</GcdsText> : null}
      {events.length > 0 ? (
        <table className="data-table">
          <caption>{t('business.audit.caption', { total: events.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('business.audit.columns.type')}</th>
              <th scope="col">{t('business.audit.columns.occurredAt')}</th>
              <th scope="col">{t('business.audit.columns.actor')}</th>
              <th scope="col">{t('business.audit.columns.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <th scope="row">{labels[event.type] ?? event.type}</th>
                <td>{formatDateTime(event.occurredAt, language)}</td>
                <td>
                  {event.actor ? event.actor.name || t('business.audit.unnamed') : t('business.audit.system')}
                </td>
                <td>
                  <AuditDetails details={event.details} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
