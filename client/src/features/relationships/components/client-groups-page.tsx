import { GcdsButton, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChecklistField, SelectField, TextField } from '../../../components/forms/fields';
import { FormErrorSummary } from '../../../components/forms/form-error-summary';
import { useMutationForm } from '../../../components/forms/use-mutation-form';
import { PageLoadError, PageLoading } from '../../../components/layout/page-status';
import { ShowMoreButton } from '../../../components/layout/show-more';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type ClientGroupsDataQuery, useClientGroupsDataQuery } from '../../../generated/graphql';
import { type FieldErrors } from '../../../lib/user-errors';
import { Facts, NoActiveBusiness } from '../../../components/business/business-parts';
import {
  ConfirmPanel,
  FailureNotice,
  type Outcome,
  OutcomeRegion,
  PanelFrame,
  RelationshipsNav,
  businessLabel,
  useDateTime,
  useOutcomeFocus,
  useRelationshipsViewer,
} from './relationship-parts';
import { nodes, type NodeOf } from '../../../lib/connections';
import { useAssignEmployeeToClient } from '../hooks/use-assign-employee-to-client';
import { useClientGroupActions } from '../hooks/use-client-group-actions';
import { useClientGroupClients } from '../hooks/use-client-group-clients';
import { useCreateClientGroup } from '../hooks/use-create-client-group';
import { useUnassignEmployee } from '../hooks/use-unassign-employee';

type Data = NonNullable<ClientGroupsDataQuery['business']>;
type GroupNode = NodeOf<Data['clientGroupsConnection']>;
/** A group with its clients and assignees as lists (the query reads them as connection pages). */
type Group = Omit<GroupNode, 'clientsConnection' | 'assigneesConnection'> & {
  clients: NodeOf<GroupNode['clientsConnection']>[];
  /** How many clients the group has, past the first page too. */
  clientsTotal: number;
  /** Where the clients read so far end (the first page, or the last one "Show more clients" read). */
  clientsPageInfo: GroupNode['clientsConnection']['pageInfo'];
  assignees: NodeOf<GroupNode['assigneesConnection']>[];
};
type Client = { id: string; businessNumber: string; name: string };
type Employee = { id: string; name: string };

/** Longest group name the API accepts. */
const nameMax = 100;

type Unassigning = { where: string; name: string; target: string; run: () => Promise<void> };
type Panel = { kind: 'rename' | 'delete' | 'add' | 'remove' | 'assign'; group: Group } | undefined;

/**
 * The provider side (seed 003 §3.2), for its business account manager: client groups (create,
 * rename, delete, add and remove clients) and the employees assigned to a group or to one client.
 * An employee acts for the clients of their groups and of their own assignments.
 */
export function ClientGroupsPage() {
  const { t } = useTranslation('relationships');
  const { t: tc } = useTranslation('common');
  useDocumentTitle(tc('documentTitle', { page: t('groups.title') }));
  const viewer = useRelationshipsViewer();
  const { data, loading, error, business } = viewer;

  return (
    <>
      <GcdsHeading tag="h1">{t('groups.title')}</GcdsHeading>
      <RelationshipsNav current="clientGroups" />
      {!data && loading ? <PageLoading /> : null}
      {!data && error ? <PageLoadError /> : null}
      {data && !business ? <NoActiveBusiness /> : null}
      {business && !viewer.organizes ? <GcdsText>{t('groups.noAccess')}</GcdsText> : null}
      {business && viewer.organizes ? <ClientGroups businessId={business.id} /> : null}
    </>
  );
}

function ClientGroups({ businessId }: { businessId: string }) {
  const { t } = useTranslation('relationships');
  const dateTime = useDateTime();
  const { data, loading, error, fetchMore } = useClientGroupsDataQuery({
    variables: { businessId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const [fetchingMore, setFetchingMore] = useState<'groups' | 'assignments'>();
  const [panel, setPanel] = useState<Panel>();
  const [outcome, setOutcome] = useState<Outcome>();
  const outcomeRef = useOutcomeFocus(outcome);
  const { unassignFromGroup, unassignFromClient } = useUnassignEmployee();
  const moreClients = useClientGroupClients(businessId);
  // An unassignment waits for a confirmation, shown under the table its button is in.
  const [unassigning, setUnassigning] = useState<Unassigning>();
  const [unassignBusy, setUnassignBusy] = useState(false);
  const business = data?.business;

  if (!data && loading) return <PageLoading />;
  if (!business?.clientGroupsConnection) return <PageLoadError />;
  if (error && !business.clientGroupsConnection) return <PageLoadError />;

  const groups: Group[] = nodes(business.clientGroupsConnection).map(
    ({ clientsConnection, assigneesConnection, ...group }) => {
      // The pages after the first, read by "Show more clients", follow it.
      const more = moreClients.more[group.id];
      return {
        ...group,
        clients: [...nodes(clientsConnection), ...(more?.clients ?? [])],
        clientsTotal: more?.totalCount ?? clientsConnection.totalCount,
        clientsPageInfo: more?.pageInfo ?? clientsConnection.pageInfo,
        assignees: nodes(assigneesConnection),
      };
    },
  );
  const clients: Client[] = (business.activeRelationships?.edges ?? [])
    .map((edge) => edge.node)
    .filter((relationship) => relationship.provider.id === businessId)
    .map((relationship) => relationship.client);
  const employees: Employee[] = nodes(business.membersConnection)
    .filter((member) => member.status === 'ACTIVE' && member.role !== 'BUSINESS_ACCOUNT_MANAGER')
    .map((member) => member.person);
  const direct = nodes(business.employeeAssignmentsConnection).filter((assignment) => assignment.client);
  const groupsPage = business.clientGroupsConnection;
  const assignmentsPage = business.employeeAssignmentsConnection;

  // The next page of groups or of assignments, appended to those shown (the other lists stay as they are).
  const showMore = (list: 'groups' | 'assignments') => {
    const after = list === 'groups' ? groupsPage.pageInfo.endCursor : assignmentsPage?.pageInfo.endCursor;
    if (!after) return;
    setFetchingMore(list);
    void fetchMore({
      variables: list === 'groups' ? { groupsAfter: after } : { assignmentsAfter: after },
      updateQuery: (previous, { fetchMoreResult }) => {
        const before = previous.business;
        const next = fetchMoreResult.business;
        if (!before?.clientGroupsConnection || !next?.clientGroupsConnection) return previous;
        if (list === 'groups')
          return {
            business: {
              ...before,
              clientGroupsConnection: {
                ...next.clientGroupsConnection,
                edges: [...before.clientGroupsConnection.edges, ...next.clientGroupsConnection.edges],
              },
            },
          };
        if (!before.employeeAssignmentsConnection || !next.employeeAssignmentsConnection) return previous;
        return {
          business: {
            ...before,
            employeeAssignmentsConnection: {
              ...next.employeeAssignmentsConnection,
              edges: [
                ...before.employeeAssignmentsConnection.edges,
                ...next.employeeAssignmentsConnection.edges,
              ],
            },
          },
        };
      },
    })
      .catch(() => failed([]))
      .finally(() => setFetchingMore(undefined));
  };
  const moreButton = (list: 'groups' | 'assignments') => (
    <GcdsButton
      type="button"
      buttonRole="secondary"
      disabled={fetchingMore !== undefined}
      onClick={() => showMore(list)}
    >
      {t(list === 'groups' ? 'groups.moreGroups' : 'groups.moreAssignments')}
    </GcdsButton>
  );

  const open = (next: Panel) => {
    setOutcome(undefined);
    setPanel(next);
  };
  const finish = (next: Outcome) => {
    // The groups were asked again: their first pages stand for them until "Show more clients" again.
    moreClients.reset();
    setPanel(undefined);
    setOutcome(next);
    return Promise.resolve();
  };
  const failed = (messages: readonly string[]) =>
    setOutcome({
      type: 'danger',
      title: t('common.failed'),
      body: messages.join(' ') || t('common.failedBody'),
    });

  const confirmUnassign = async () => {
    if (!unassigning) return;
    setUnassignBusy(true);
    try {
      await unassigning.run();
    } finally {
      setUnassignBusy(false);
      setUnassigning(undefined);
    }
  };
  const unassignPanel = (where: string) =>
    unassigning?.where === where ? (
      <ConfirmPanel
        title={t('groups.unassignTitle', { name: unassigning.name, target: unassigning.target })}
        warning={t('groups.unassignWarning', { name: unassigning.name, target: unassigning.target })}
        confirmLabel={t('groups.confirmUnassign')}
        busy={unassignBusy}
        failure={undefined}
        onConfirm={() => void confirmUnassign()}
        onCancel={() => setUnassigning(undefined)}
      />
    ) : null;

  const removeAssignee = async (group: Group, person: Employee) => {
    setOutcome(undefined);
    try {
      const payload = await unassignFromGroup({ groupId: group.id, userId: person.id });
      if (payload?.assignment)
        setOutcome({
          type: 'success',
          title: t('groups.unassigned.title'),
          body: t('groups.unassigned.body', { name: person.name, target: group.name }),
        });
      else failed(payload?.userErrors.map((userError) => userError.message) ?? []);
    } catch {
      failed([]);
    }
  };

  const removeDirect = async (person: Employee, client: Client) => {
    setOutcome(undefined);
    try {
      const payload = await unassignFromClient({
        providerBusinessId: businessId,
        userId: person.id,
        clientBusinessId: client.id,
      });
      if (payload?.assignment)
        setOutcome({
          type: 'success',
          title: t('groups.unassigned.title'),
          body: t('groups.unassigned.body', { name: person.name, target: client.name }),
        });
      else failed(payload?.userErrors.map((userError) => userError.message) ?? []);
    } catch {
      failed([]);
    }
  };

  return (
    <>
      <GcdsText>{t('groups.lead')}</GcdsText>
      <OutcomeRegion ref={outcomeRef} outcome={outcome} />
      <CreateGroupForm businessId={businessId} onDone={finish} />

      <GcdsHeading tag="h2">{t('groups.listTitle', { count: groupsPage.totalCount })}</GcdsHeading>
      {groups.length === 0 ? <GcdsText>{t('groups.none')}</GcdsText> : null}
      {groups.map((group) => (
        <section key={group.id} className="client-group" aria-labelledby={`group-${group.id}`}>
          <GcdsHeading tag="h3" id={`group-${group.id}`}>
            {group.name}
          </GcdsHeading>
          <Facts
            items={[
              [
                t('groups.clients'),
                group.clients.length
                  ? group.clients.map((client) => businessLabel(client)).join(', ')
                  : t('values.none'),
              ],
              [t('groups.createdAt'), dateTime(group.createdAt)],
            ]}
          />
          {group.clientsTotal > group.clients.length ? (
            <GcdsText>
              {t('groups.clientsShown', { shown: group.clients.length, count: group.clientsTotal })}
            </GcdsText>
          ) : null}
          {group.clientsPageInfo.hasNextPage && group.clientsPageInfo.endCursor ? (
            <ShowMoreButton
              label={t('groups.moreClients', { group: group.name })}
              more={() =>
                moreClients.showMore(group.id, group.clientsPageInfo.endCursor!).catch(() => failed([]))
              }
            />
          ) : null}
          {group.assignees.length === 0 ? (
            <GcdsText>{t('groups.noAssignee')}</GcdsText>
          ) : (
            <table className="data-table">
              <caption>{t('groups.assigneesCaption', { group: group.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.employee')}</th>
                  <th scope="col">{t('columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {group.assignees.map((person) => (
                  <tr key={person.id}>
                    <th scope="row">{person.name}</th>
                    <td>
                      <GcdsButton
                        type="button"
                        size="small"
                        buttonRole="secondary"
                        aria-label={t('groups.unassignLabel', { name: person.name, target: group.name })}
                        onClick={() => {
                          setOutcome(undefined);
                          setUnassigning({
                            where: group.id,
                            name: person.name,
                            target: group.name,
                            run: () => removeAssignee(group, person),
                          });
                        }}
                      >
                        {t('groups.unassign')}
                      </GcdsButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {unassignPanel(group.id)}
          <div className="relationship-actions">
            {(['add', 'remove', 'assign', 'rename', 'delete'] as const)
              .filter((kind) => kind !== 'remove' || group.clients.length > 0)
              .map((kind) => (
                <GcdsButton
                  key={kind}
                  type="button"
                  size="small"
                  buttonRole={kind === 'delete' ? 'danger' : 'secondary'}
                  aria-label={t(`groups.actions.${kind}Label`, { group: group.name })}
                  onClick={() => open({ kind, group })}
                >
                  {t(`groups.actions.${kind}`)}
                </GcdsButton>
              ))}
          </div>
          {panel?.group.id === group.id ? (
            <GroupPanel
              key={`${panel.kind}-${group.id}`}
              kind={panel.kind}
              group={group}
              clients={clients}
              employees={employees}
              onCancel={() => setPanel(undefined)}
              onDone={finish}
            />
          ) : null}
        </section>
      ))}
      {groupsPage.pageInfo.hasNextPage ? moreButton('groups') : null}

      <GcdsHeading tag="h2">{t('groups.directTitle')}</GcdsHeading>
      <GcdsText>{t('groups.directLead')}</GcdsText>
      {direct.length === 0 ? (
        <GcdsText>{t('groups.noDirect')}</GcdsText>
      ) : (
        <table className="data-table">
          <caption>{t('groups.directCaption', { count: direct.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.employee')}</th>
              <th scope="col">{t('columns.client')}</th>
              <th scope="col">{t('columns.since')}</th>
              <th scope="col">{t('columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {direct.map((assignment) =>
              assignment.client ? (
                <tr key={assignment.id}>
                  <th scope="row">{assignment.person.name}</th>
                  <td>{businessLabel(assignment.client)}</td>
                  <td>{dateTime(assignment.createdAt)}</td>
                  <td>
                    <GcdsButton
                      type="button"
                      size="small"
                      buttonRole="secondary"
                      aria-label={t('groups.unassignLabel', {
                        name: assignment.person.name,
                        target: assignment.client.name,
                      })}
                      onClick={() => {
                        const client = assignment.client;
                        if (!client) return;
                        setOutcome(undefined);
                        setUnassigning({
                          where: 'direct',
                          name: assignment.person.name,
                          target: client.name,
                          run: () => removeDirect(assignment.person, client),
                        });
                      }}
                    >
                      {t('groups.unassign')}
                    </GcdsButton>
                  </td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      )}
      {assignmentsPage?.pageInfo.hasNextPage ? moreButton('assignments') : null}
      {unassignPanel('direct')}
      {clients.length === 0 ? (
        <GcdsText>{t('groups.noClients')}</GcdsText>
      ) : employees.length === 0 ? (
        <GcdsText>{t('groups.noEmployees')}</GcdsText>
      ) : (
        <AssignClientForm businessId={businessId} clients={clients} employees={employees} onDone={finish} />
      )}
    </>
  );
}

function CreateGroupForm({
  businessId,
  onDone,
}: {
  businessId: string;
  onDone: (outcome: Outcome) => Promise<void>;
}) {
  const { t } = useTranslation('relationships');
  const { createClientGroup, loading } = useCreateClientGroup();
  const [name, setName] = useState('');
  const fields = ['name'];
  const form = useMutationForm({ fields, failedMessage: t('common.failedBody') });
  const { errors, focusKey, failure } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!name.trim()) local.name = t('errors.groupNameRequired');
    else if ([...name.trim()].length > nameMax) local.name = t('errors.tooLong', { max: nameMax });
    await form.submit({
      local,
      send: () => createClientGroup({ providerBusinessId: businessId, name: name.trim() }),
      succeeded: (payload) => Boolean(payload.group),
      onSuccess: async ({ group }) => {
        form.clear();
        setName('');
        await onDone({
          type: 'success',
          title: t('groups.created.title'),
          body: t('groups.created.body', { group: group?.name ?? '' }),
        });
      },
    });
  };

  return (
    <section aria-labelledby="create-group-heading">
      <GcdsHeading tag="h2" id="create-group-heading">
        {t('groups.createTitle')}
      </GcdsHeading>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {failure ? <FailureNotice message={failure} /> : null}
        <TextField
          name="name"
          label={t('groups.name')}
          hint={t('groups.nameHint', { max: nameMax })}
          required
          value={name}
          onChange={setName}
          error={errors.name}
        />
        <GcdsButton type="submit" disabled={loading}>
          {t('groups.create')}
        </GcdsButton>
      </form>
    </section>
  );
}

interface GroupPanelProps {
  kind: NonNullable<Panel>['kind'];
  group: Group;
  clients: readonly Client[];
  employees: readonly Employee[];
  onCancel: () => void;
  onDone: (outcome: Outcome) => Promise<void>;
}

/** The form of one action on one group. */
function GroupPanel({ kind, group, clients, employees, onCancel, onDone }: GroupPanelProps) {
  const { t } = useTranslation('relationships');
  const actions = useClientGroupActions();
  const busy = actions.loading;
  const fields =
    kind === 'rename' ? ['groupName'] : kind === 'assign' ? ['groupUserId'] : ['clientBusinessIds'];
  const form = useMutationForm({
    // Adding, removing and deleting report every refusal as the action's outcome, not beside a field.
    fields: kind === 'rename' || kind === 'assign' ? fields : [],
    rename: { name: 'groupName', userId: 'groupUserId' },
    failedMessage: t('common.failedBody'),
  });
  const { errors, focusKey, failure } = form;
  const [name, setName] = useState(group.name);
  const [chosen, setChosen] = useState<string[]>([]);
  const [userId, setUserId] = useState('');
  const inGroup = new Set(group.clients.map((client) => client.id));
  const candidates = kind === 'add' ? clients.filter((client) => !inGroup.has(client.id)) : group.clients;
  const assignees = new Set(group.assignees.map((person) => person.id));
  const people = employees.filter((person) => !assignees.has(person.id));
  const nameOf = (id: string) => {
    const client = [...clients, ...group.clients].find((candidate) => candidate.id === id);
    return client ? client.name : id;
  };

  const run = async (event?: FormEvent) => {
    event?.preventDefault();
    if (kind === 'delete')
      return form.submit({
        send: () => actions.deleteClientGroup(group.id),
        succeeded: (payload) => Boolean(payload.group),
        onSuccess: () =>
          onDone({
            type: 'success',
            title: t('groups.deleted.title'),
            body: t('groups.deleted.body', { group: group.name }),
          }),
      });
    if (kind === 'rename') {
      const local: FieldErrors = {};
      if (!name.trim()) local.groupName = t('errors.groupNameRequired');
      else if ([...name.trim()].length > nameMax) local.groupName = t('errors.tooLong', { max: nameMax });
      return form.submit({
        local,
        send: () => actions.renameClientGroup({ groupId: group.id, name: name.trim() }),
        succeeded: (payload) => Boolean(payload.group),
        onSuccess: ({ group: renamed }) =>
          onDone({
            type: 'success',
            title: t('groups.renamed.title'),
            body: t('groups.renamed.body', { group: renamed?.name ?? '' }),
          }),
      });
    }
    if (kind === 'add' || kind === 'remove')
      return form.submit({
        local: chosen.length ? {} : { clientBusinessIds: t('errors.clientsRequired') },
        send: () =>
          actions.changeGroupClients(kind, { groupId: group.id, clientBusinessIds: chosen }, nameOf),
        succeeded: (change) => change.userErrors.length === 0,
        onSuccess: ({ done, problems }) =>
          onDone({
            type: 'success',
            title: t(`groups.${kind === 'add' ? 'added' : 'removed'}.title`),
            body: [
              t(`groups.${kind === 'add' ? 'added' : 'removed'}.body`, {
                count: done.length,
                group: group.name,
                clients: done.map(nameOf).join(', '),
              }),
              ...problems,
            ].join(' '),
          }),
      });
    return form.submit({
      local: userId ? {} : { groupUserId: t('errors.employeeRequired') },
      send: () => actions.assignEmployeeToGroup({ groupId: group.id, userId }),
      succeeded: (payload) => Boolean(payload.assignment),
      onSuccess: () =>
        onDone({
          type: 'success',
          title: t('groups.assigned.title'),
          body: t('groups.assigned.body', {
            name: employees.find((person) => person.id === userId)?.name ?? '',
            target: group.name,
          }),
        }),
    });
  };

  if (kind === 'delete')
    return (
      <ConfirmPanel
        title={t('groups.deleteTitle', { group: group.name })}
        warning={t('groups.deleteWarning', { group: group.name })}
        confirmLabel={t('groups.confirmDelete')}
        busy={busy}
        failure={failure}
        onConfirm={() => void run()}
        onCancel={onCancel}
      />
    );

  return (
    <PanelFrame title={t(`groups.panel.${kind}`, { group: group.name })} headingTag="h4">
      <form noValidate onSubmit={(event) => void run(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {failure ? <FailureNotice message={failure} /> : null}
        {kind === 'rename' ? (
          <TextField
            name="groupName"
            label={t('groups.newName')}
            required
            value={name}
            onChange={setName}
            error={errors.groupName}
          />
        ) : null}
        {(kind === 'add' || kind === 'remove') && candidates.length === 0 ? (
          <GcdsText>{kind === 'add' ? t('groups.noClientToAdd') : t('groups.noClientToRemove')}</GcdsText>
        ) : null}
        {(kind === 'add' || kind === 'remove') && candidates.length > 0 ? (
          <ChecklistField
            // A new group when its error comes or goes: GCDS keeps stale boxes otherwise.
            key={errors.clientBusinessIds ? 'refused' : 'fresh'}
            name="clientBusinessIds"
            label={t(`groups.${kind === 'add' ? 'clientsToAdd' : 'clientsToRemove'}`, { group: group.name })}
            // GCDS shows one option as a lone checkbox, under its own label: no "(required)" there.
            required={candidates.length > 1}
            values={chosen}
            onChange={setChosen}
            options={candidates.map((client) => ({ value: client.id, label: businessLabel(client) }))}
            error={errors.clientBusinessIds}
          />
        ) : null}
        {kind === 'assign' && people.length === 0 ? (
          <GcdsText>{t('groups.noEmployeeToAssign')}</GcdsText>
        ) : null}
        {kind === 'assign' && people.length > 0 ? (
          <SelectField
            name="groupUserId"
            label={t('groups.employee')}
            placeholder={t('groups.employeePlaceholder')}
            required
            value={userId}
            onChange={setUserId}
            options={people.map((person) => ({ value: person.id, label: person.name }))}
            error={errors.groupUserId}
          />
        ) : null}
        <div className="relationship-actions">
          <GcdsButton type="submit" disabled={busy}>
            {t(`groups.submit.${kind}`)}
          </GcdsButton>
          <GcdsButton type="button" buttonRole="secondary" onClick={onCancel}>
            {t('common.back')}
          </GcdsButton>
        </div>
      </form>
    </PanelFrame>
  );
}

/** Assigns one employee to one client (a direct assignment). */
function AssignClientForm({
  businessId,
  clients,
  employees,
  onDone,
}: {
  businessId: string;
  clients: readonly Client[];
  employees: readonly Employee[];
  onDone: (outcome: Outcome) => Promise<void>;
}) {
  const { t } = useTranslation('relationships');
  const { assignEmployeeToClient, loading } = useAssignEmployeeToClient();
  const [userId, setUserId] = useState('');
  const [clientId, setClientId] = useState('');
  const fields = ['userId', 'clientBusinessId'];
  const form = useMutationForm({ fields, failedMessage: t('common.failedBody') });
  const { errors, focusKey, failure } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!userId) local.userId = t('errors.employeeRequired');
    if (!clientId) local.clientBusinessId = t('errors.clientRequired');
    await form.submit({
      local,
      send: () =>
        assignEmployeeToClient({ providerBusinessId: businessId, userId, clientBusinessId: clientId }),
      succeeded: (payload) => Boolean(payload.assignment),
      onSuccess: async () => {
        form.clear();
        await onDone({
          type: 'success',
          title: t('groups.assigned.title'),
          body: t('groups.assigned.body', {
            name: employees.find((person) => person.id === userId)?.name ?? '',
            target: clients.find((client) => client.id === clientId)?.name ?? '',
          }),
        });
        setUserId('');
        setClientId('');
      },
    });
  };

  return (
    <section aria-labelledby="assign-client-heading">
      <GcdsHeading tag="h3" id="assign-client-heading">
        {t('groups.assignClientTitle')}
      </GcdsHeading>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormErrorSummary errors={errors} fields={fields} focusKey={focusKey} />
        {failure ? <FailureNotice message={failure} /> : null}
        <SelectField
          name="userId"
          label={t('groups.employee')}
          placeholder={t('groups.employeePlaceholder')}
          required
          value={userId}
          onChange={setUserId}
          options={employees.map((person) => ({ value: person.id, label: person.name }))}
          error={errors.userId}
        />
        <SelectField
          name="clientBusinessId"
          label={t('groups.client')}
          placeholder={t('groups.clientPlaceholder')}
          required
          value={clientId}
          onChange={setClientId}
          options={clients.map((client) => ({ value: client.id, label: businessLabel(client) }))}
          error={errors.clientBusinessId}
        />
        <GcdsButton type="submit" disabled={loading}>
          {t('groups.assign')}
        </GcdsButton>
      </form>
    </section>
  );
}
