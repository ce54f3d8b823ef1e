import { GcdsButton, GcdsHeading, GcdsNotice, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChecklistField, SelectField, TextAreaField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { useChangeMembership } from '../hooks/use-change-membership';
import { useDecideAccessRequest } from '../hooks/use-decide-access-request';
import { useRevokeMembership } from '../hooks/use-revoke-membership';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import {
  type BusinessRole,
  type ManageEmployeesQuery,
  useManageEmployeesQuery,
} from '../../../generated/graphql';
import { formatDateTime } from '../../../lib/date-time';
import { focusWhenReady } from '../../../lib/focus';
import { useLanguage } from '../../../lib/use-language';
import { type FieldErrors } from '../../../lib/user-errors';
import { businessRoles, codeLabel, programReference } from '../../../components/business/business-labels';
import { NoActiveBusiness } from '../../../components/business/business-parts';
import { nodes, type NodeOf } from '../../../lib/connections';

type Business = NonNullable<NonNullable<ManageEmployeesQuery['me']>['activeBusiness']>;
type Request = NodeOf<Business['pendingAccessRequestsConnection']>;
type Member = NodeOf<Business['membersConnection']>;
type Accounts = NodeOf<Business['programAccountsConnection']>[];

/** What the open panel under a table is about: one request or one member, one action. */
type Panel = { kind: 'approve' | 'reject'; request: Request } | { kind: 'change' | 'revoke'; member: Member };

interface Outcome {
  type: 'success' | 'danger';
  title: string;
  body: string;
}

export const rejectionReasonMax = 500;

/**
 * Manage my employees (seed 003 §2.2 "Configure my portal"): the pending access requests, each
 * approved with a role and the program accounts in scope or rejected with a reason; and, for a
 * business account manager, the members, whose role and scope can change or whose access can be
 * revoked. A program account manager sees the requests only (the server lists no members for them)
 * and grants within their own scope. Anyone else: no access.
 */
export function ManageEmployeesPage() {
  const { t } = useTranslation('business');
  const { t: tc } = useTranslation('common');
  // A role without access management gets those lists refused (FORBIDDEN, null): keep the rest of the
  // answer and say so below, rather than failing the page.
  const { data, loading, error, refetch } = useManageEmployeesQuery({
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  useDocumentTitle(tc('documentTitle', { page: t('employees.title') }));
  const business = data?.me?.activeBusiness;
  const role = business?.viewerMembership.role;
  const manages = role === 'BUSINESS_ACCOUNT_MANAGER' || role === 'PROGRAM_ACCOUNT_MANAGER';

  return (
    <>
      <GcdsHeading tag="h1">{t('employees.title')}</GcdsHeading>
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !business ? <NoActiveBusiness /> : null}
      {business && !manages ? <GcdsText>{t('employees.noAccess')}</GcdsText> : null}
      {business && manages ? (
        <Employees
          business={business}
          isBam={role === 'BUSINESS_ACCOUNT_MANAGER'}
          refresh={async () => {
            await refetch();
          }}
        />
      ) : null}
    </>
  );
}

interface EmployeesProps {
  business: Business;
  isBam: boolean;
  refresh: () => Promise<void>;
}

function Employees({ business, isBam, refresh }: EmployeesProps) {
  const { t } = useTranslation('business');
  const language = useLanguage();
  const [panel, setPanel] = useState<Panel>();
  const [outcome, setOutcome] = useState<Outcome>();
  const outcomeRef = useRef<HTMLDivElement>(null);

  const open = (next: Panel) => {
    setOutcome(undefined);
    setPanel(next);
  };
  const finish = async (next: Outcome) => {
    setPanel(undefined);
    setOutcome(next);
    await refresh();
  };
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const accounts = nodes(business.programAccountsConnection);
  const requests = nodes(business.pendingAccessRequestsConnection);
  const members = nodes(business.membersConnection);
  const businessNumber = business.businessNumber ?? '';
  const roleName = (role: BusinessRole) => codeLabel(t, 'roles', role);
  const scopeOf = (member: Member) =>
    member.role === 'BUSINESS_ACCOUNT_MANAGER'
      ? t('employees.allAccounts')
      : member.programAccounts.length === 0
        ? t('values.none')
        : member.programAccounts
            .map((account) => programReference(account.accountNumber, businessNumber))
            .join(', ');

  return (
    <>
      <GcdsText>{t('employees.lead', { business: business.name })}</GcdsText>
      {isBam ? null : <GcdsText>{t('employees.pamNote')}</GcdsText>}
      <div role="status" tabIndex={-1} ref={outcomeRef} className="outcome">
        {outcome ? (
          <GcdsNotice type={outcome.type} noticeTitleTag="h2" noticeTitle={outcome.title}>
            <GcdsText>{outcome.body}</GcdsText>
          </GcdsNotice>
        ) : null}
      </div>

      <GcdsHeading tag="h2">{t('employees.requests')}</GcdsHeading>
      {requests.length === 0 ? (
        <GcdsText>{t('employees.noRequests')}</GcdsText>
      ) : (
        <table className="data-table">
          <caption>{t('employees.requestsCaption', { count: requests.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('employees.columns.requester')}</th>
              <th scope="col">{t('employees.columns.email')}</th>
              <th scope="col">{t('employees.columns.reason')}</th>
              <th scope="col">{t('employees.columns.requestedAt')}</th>
              <th scope="col">{t('employees.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <th scope="row">{request.requester.name}</th>
                <td>{request.requester.email ?? ''}</td>
                <td>{request.reason}</td>
                <td>{formatDateTime(request.requestedAt, language)}</td>
                <td>
                  <div className="table-actions">
                    <GcdsButton
                      type="button"
                      size="small"
                      onClick={() => open({ kind: 'approve', request })}
                      aria-label={t('employees.approveLabel', { name: request.requester.name })}
                    >
                      {t('employees.approve')}
                    </GcdsButton>
                    <GcdsButton
                      type="button"
                      size="small"
                      buttonRole="secondary"
                      onClick={() => open({ kind: 'reject', request })}
                      aria-label={t('employees.rejectLabel', { name: request.requester.name })}
                    >
                      {t('employees.reject')}
                    </GcdsButton>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {panel?.kind === 'approve' || panel?.kind === 'reject' ? (
        <DecisionPanel
          key={`${panel.kind}-${panel.request.id}`}
          kind={panel.kind}
          request={panel.request}
          accounts={accounts}
          isBam={isBam}
          businessNumber={businessNumber}
          onCancel={() => setPanel(undefined)}
          onDone={finish}
        />
      ) : null}

      {isBam ? (
        <>
          <GcdsHeading tag="h2">{t('employees.members')}</GcdsHeading>
          {members.length === 0 ? (
            <GcdsText>{t('employees.noMembers')}</GcdsText>
          ) : (
            <table className="data-table">
              <caption>
                {t('employees.membersCaption', { business: business.name, count: members.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('employees.columns.member')}</th>
                  <th scope="col">{t('employees.columns.email')}</th>
                  <th scope="col">{t('employees.columns.role')}</th>
                  <th scope="col">{t('employees.columns.scope')}</th>
                  <th scope="col">{t('employees.columns.status')}</th>
                  <th scope="col">{t('employees.columns.grantedAt')}</th>
                  <th scope="col">{t('employees.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">{member.person.name}</th>
                    <td>{member.person.email ?? ''}</td>
                    <td>{roleName(member.role)}</td>
                    <td>{scopeOf(member)}</td>
                    <td>{t(`employees.statuses.${member.status}`)}</td>
                    <td>{formatDateTime(member.grantedAt, language)}</td>
                    <td>
                      {member.status === 'ACTIVE' ? (
                        <div className="table-actions">
                          <GcdsButton
                            type="button"
                            size="small"
                            buttonRole="secondary"
                            onClick={() => open({ kind: 'change', member })}
                            aria-label={t('employees.changeLabel', { name: member.person.name })}
                          >
                            {t('employees.change')}
                          </GcdsButton>
                          <GcdsButton
                            type="button"
                            size="small"
                            buttonRole="danger"
                            onClick={() => open({ kind: 'revoke', member })}
                            aria-label={t('employees.revokeLabel', { name: member.person.name })}
                          >
                            {t('employees.revoke')}
                          </GcdsButton>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {panel?.kind === 'change' ? (
            <ChangePanel
              key={`change-${panel.member.id}`}
              member={panel.member}
              accounts={accounts}
              businessNumber={businessNumber}
              onCancel={() => setPanel(undefined)}
              onDone={finish}
            />
          ) : null}
          {panel?.kind === 'revoke' ? (
            <RevokePanel
              key={`revoke-${panel.member.id}`}
              member={panel.member}
              businessName={business.name ?? ''}
              onCancel={() => setPanel(undefined)}
              onDone={finish}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** The panel an action opens under its table: focus moves to its heading's region when it opens. */
function PanelFrame({ title, children }: { title: string; children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => focusWhenReady(() => frame.current), []);
  return (
    <div ref={frame} tabIndex={-1} className="employees-panel">
      <GcdsHeading tag="h3">{title}</GcdsHeading>
      {children}
    </div>
  );
}

interface GrantFieldsProps {
  role: string;
  setRole: (role: string) => void;
  scope: string[];
  setScope: (scope: string[]) => void;
  errors: FieldErrors;
  accounts: Accounts;
  businessNumber: string;
  /** A PAM never grants the BAM role (the server answers NOT_ALLOWED). */
  allowBam: boolean;
}

function GrantFields({
  role,
  setRole,
  scope,
  setScope,
  errors,
  accounts,
  businessNumber,
  allowBam,
}: GrantFieldsProps) {
  const { t } = useTranslation('business');
  const roles = businessRoles.filter((candidate) => allowBam || candidate !== 'BUSINESS_ACCOUNT_MANAGER');
  return (
    <>
      <SelectField
        name="role"
        label={t('employees.role')}
        placeholder={t('employees.rolePlaceholder')}
        required
        value={role}
        onChange={setRole}
        options={roles.map((value) => ({ value, label: codeLabel(t, 'roles', value) }))}
        error={errors.role}
      />
      {role ? <GcdsText size="small">{t(`roleHints.${role as BusinessRole}`)}</GcdsText> : null}
      {role === 'BUSINESS_ACCOUNT_MANAGER' ? (
        <GcdsText>{t('employees.bamScope')}</GcdsText>
      ) : (
        <ChecklistField
          name="programAccountIds"
          label={t('employees.scope')}
          hint={t('employees.scopeHint')}
          required
          values={scope}
          onChange={setScope}
          options={accounts.map((account) => ({
            value: account.id,
            label: `${programReference(account.accountNumber ?? '', businessNumber)} - ${account.name ?? ''}`,
          }))}
          error={errors.programAccountIds}
        />
      )}
    </>
  );
}

interface DecisionPanelProps {
  kind: 'approve' | 'reject';
  request: Request;
  accounts: Accounts;
  isBam: boolean;
  businessNumber: string;
  onCancel: () => void;
  onDone: (outcome: Outcome) => Promise<void>;
}

function DecisionPanel({
  kind,
  request,
  accounts,
  isBam,
  businessNumber,
  onCancel,
  onDone,
}: DecisionPanelProps) {
  const { t } = useTranslation('business');
  const { decide, loading } = useDecideAccessRequest();
  const [role, setRole] = useState('');
  const [scope, setScope] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const name = request.requester.name;
  const fields = kind === 'approve' ? ['role', 'programAccountIds'] : ['reason'];
  const form = useMutationForm({ fields, failedMessage: t('employees.failed') });
  const { errors, focusKey, failure } = form;

  const check = (): FieldErrors => {
    const local: FieldErrors = {};
    if (kind === 'approve') {
      if (!role) local.role = t('employees.errors.roleRequired');
      if (role !== 'BUSINESS_ACCOUNT_MANAGER' && scope.length === 0)
        local.programAccountIds = t('employees.errors.scopeRequired');
    } else if (!reason.trim()) local.reason = t('employees.errors.reasonRequired');
    else if ([...reason.trim()].length > rejectionReasonMax)
      local.reason = t('employees.errors.reasonTooLong', { max: rejectionReasonMax });
    return local;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const approve = kind === 'approve';
    const grantsBam = role === 'BUSINESS_ACCOUNT_MANAGER';
    await form.submit({
      local: check(),
      send: () =>
        decide(
          approve
            ? {
                requestId: request.id,
                approve: true,
                role: role as BusinessRole,
                ...(grantsBam ? {} : { programAccountIds: scope }),
              }
            : { requestId: request.id, approve: false, reason: reason.trim() },
        ),
      succeeded: (payload) => Boolean(payload.accessRequest),
      onSuccess: () =>
        onDone(
          approve
            ? {
                type: 'success',
                title: t('employees.approved.title'),
                body: t('employees.approved.body', { name, role: codeLabel(t, 'roles', role) }),
              }
            : {
                type: 'success',
                title: t('employees.rejected.title'),
                body: t('employees.rejected.body', { name }),
              },
        ),
    });
  };

  return (
    <PanelFrame
      title={
        kind === 'approve' ? t('employees.approveTitle', { name }) : t('employees.rejectTitle', { name })
      }
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {failure ? <FailureNotice message={failure} /> : null}
        {kind === 'approve' ? (
          <GrantFields
            role={role}
            setRole={setRole}
            scope={scope}
            setScope={setScope}
            errors={errors}
            accounts={accounts}
            businessNumber={businessNumber}
            allowBam={isBam}
          />
        ) : (
          <TextAreaField
            name="reason"
            label={t('employees.rejectReason')}
            hint={t('employees.rejectReasonHint')}
            required
            maxLength={rejectionReasonMax}
            value={reason}
            onChange={setReason}
            error={errors.reason}
          />
        )}
        <div className="button-group">
          <GcdsButton type="submit" disabled={loading}>
            {kind === 'approve' ? t('employees.sendApproval') : t('employees.sendRejection')}
          </GcdsButton>
          <GcdsButton type="button" buttonRole="secondary" onClick={onCancel}>
            {t('employees.cancel')}
          </GcdsButton>
        </div>
      </form>
    </PanelFrame>
  );
}

function FailureNotice({ message }: { message: string }) {
  const { t } = useTranslation('business');
  return (
    <GcdsNotice type="danger" noticeTitleTag="h4" noticeTitle={t('employees.failed')} role="alert">
      <GcdsText>{message}</GcdsText>
    </GcdsNotice>
  );
}

interface ChangePanelProps {
  member: Member;
  accounts: Accounts;
  businessNumber: string;
  onCancel: () => void;
  onDone: (outcome: Outcome) => Promise<void>;
}

function ChangePanel({ member, accounts, businessNumber, onCancel, onDone }: ChangePanelProps) {
  const { t } = useTranslation('business');
  const { changeMembership, loading } = useChangeMembership();
  const [role, setRole] = useState<string>(member.role);
  const [scope, setScope] = useState<string[]>(member.programAccounts.map((account) => account.id));
  const name = member.person.name;
  const fields = ['role', 'programAccountIds'];
  const form = useMutationForm({ fields, failedMessage: t('employees.failed') });
  const { errors, focusKey, failure } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const grantsBam = role === 'BUSINESS_ACCOUNT_MANAGER';
    const local: FieldErrors = {};
    if (!role) local.role = t('employees.errors.roleRequired');
    if (!grantsBam && scope.length === 0) local.programAccountIds = t('employees.errors.scopeRequired');
    await form.submit({
      local,
      send: () =>
        changeMembership({
          membershipId: member.id,
          role: role as BusinessRole,
          ...(grantsBam ? {} : { programAccountIds: scope }),
        }),
      succeeded: (payload) => Boolean(payload.membership),
      onSuccess: () =>
        onDone({
          type: 'success',
          title: t('employees.changed.title'),
          body: t('employees.changed.body', { name, role: codeLabel(t, 'roles', role) }),
        }),
    });
  };

  return (
    <PanelFrame title={t('employees.changeTitle', { name })}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {failure ? <FailureNotice message={failure} /> : null}
        <GrantFields
          role={role}
          setRole={setRole}
          scope={scope}
          setScope={setScope}
          errors={errors}
          accounts={accounts}
          businessNumber={businessNumber}
          allowBam
        />
        <div className="button-group">
          <GcdsButton type="submit" disabled={loading}>
            {t('employees.saveChange')}
          </GcdsButton>
          <GcdsButton type="button" buttonRole="secondary" onClick={onCancel}>
            {t('employees.cancel')}
          </GcdsButton>
        </div>
      </form>
    </PanelFrame>
  );
}

interface RevokePanelProps {
  member: Member;
  businessName: string;
  onCancel: () => void;
  onDone: (outcome: Outcome) => Promise<void>;
}

/** The confirmation step of a revocation: nothing happens until "Yes, revoke the access". */
function RevokePanel({ member, businessName, onCancel, onDone }: RevokePanelProps) {
  const { t } = useTranslation('business');
  const { revokeMembership, loading } = useRevokeMembership();
  // No field: every refusal is the action's outcome (a refusal without a message says it failed).
  const form = useMutationForm({ fields: [], failedMessage: t('employees.failed') });
  const { failure } = form;
  const name = member.person.name;

  const confirm = () =>
    form.submit({
      send: () => revokeMembership(member.id),
      succeeded: (payload) => Boolean(payload.membership),
      onSuccess: () =>
        onDone({
          type: 'success',
          title: t('employees.revoked.title'),
          body: t('employees.revoked.body', { name }),
        }),
    });

  return (
    <PanelFrame title={t('employees.revokeTitle', { name })}>
      {failure ? <FailureNotice message={failure} /> : null}
      <GcdsText>{t('employees.revokeWarning', { name, business: businessName })}</GcdsText>
      <div className="button-group">
        <GcdsButton type="button" buttonRole="danger" disabled={loading} onClick={() => void confirm()}>
          {t('employees.confirmRevoke')}
        </GcdsButton>
        <GcdsButton type="button" buttonRole="secondary" onClick={onCancel}>
          {t('employees.cancel')}
        </GcdsButton>
      </div>
    </PanelFrame>
  );
}
