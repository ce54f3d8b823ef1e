import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { type Problem } from '../../common/errors/problems.js';
import { isMessageKey, type MessageKey, type MessageParams } from '../../common/i18n/messages.js';
import { type DomainEvent, type DomainEventPayloads } from '../../common/events/domain-events.js';
import { publish } from '../../common/events/event-bus.js';
import { type AuditDetails, recordBusinessAudit } from '../businesses/business-audit.service.js';
import { activeMemberRole, businessRef, type BusinessRef } from '../businesses/business-directory.service.js';
import { acceptedClientIds } from '../relationships/relationships.queries.js';
import { ClientGroup, ClientGroupMember, EmployeeAssignment } from './client-groups.entities.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { mayManageBusiness } from '../../common/auth/role-policy.js';

export const GROUP_NAME_MAX_LENGTH = 100;
export const GROUP_CLIENTS_MAX = 100;

/** A problem with a `clientGroups.<kind>.<CODE>` (else `clientGroups.<CODE>`) message. */
export function clientGroupProblem(
  field: string[],
  code: string,
  params: MessageParams = {},
  kind?: string,
): Problem {
  const specific = kind ? `clientGroups.${kind}.${code}` : '';
  const general = `clientGroups.${code}`;
  const messageKey: MessageKey = isMessageKey(specific)
    ? specific
    : isMessageKey(general)
      ? general
      : 'errors.badRequest';
  return { field, code, messageKey, params };
}

const fail = (...problems: Problem[]): { ok: false; problems: Problem[] } => ({ ok: false, problems });

export type GroupResult = { ok: true; group: ClientGroup } | { ok: false; problems: Problem[] };
export type AssignmentResult =
  { ok: true; assignment: EmployeeAssignment } | { ok: false; problems: Problem[] };

/** A group name as shown (NFC, trimmed, inner spaces collapsed) and its uniqueness key (lower case, no accents). */
/** Which of these ids are live (not deleted) client groups of the provider business (one statement). */
export async function liveGroupIdsOf(
  manager: EntityManager,
  providerBusinessId: string,
  groupIds: readonly string[],
): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const rows = await manager.find(ClientGroup, {
    select: { id: true },
    where: { id: In([...groupIds]), providerBusinessId, deletedAt: IsNull() },
  });
  return rows.map((row) => row.id);
}

/** The provider business of a client group, deleted or not (one statement); null for an unknown id. */
export async function providerOfGroupId(manager: EntityManager, groupId: string): Promise<string | null> {
  const group = await manager.findOne(ClientGroup, {
    select: { id: true, providerBusinessId: true },
    where: { id: groupId },
  });
  return group?.providerBusinessId ?? null;
}

export function groupName(name: string): { name: string; key: string } {
  const shown = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  const key = shown.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
  return { name: shown, key };
}

function nameProblems(name: string, field: string[]): Problem[] {
  const shown = groupName(name).name;
  if (!shown) return [clientGroupProblem(field, 'REQUIRED', {}, 'name')];
  if (characterCount(shown) > GROUP_NAME_MAX_LENGTH)
    return [clientGroupProblem(field, 'TOO_LONG', { max: GROUP_NAME_MAX_LENGTH }, 'name')];
  return [];
}

function isProblem(value: BusinessRef | Problem): value is Problem {
  return 'messageKey' in value;
}

/** The provider, when the actor is its active BAM; else BUSINESS_NOT_FOUND or NOT_ALLOWED. */
async function managedProvider(
  manager: EntityManager,
  actorId: string,
  providerBusinessId: string,
  field: string[],
): Promise<BusinessRef | Problem> {
  const provider = await businessRef(manager, providerBusinessId);
  const role = provider ? await activeMemberRole(manager, provider.id, actorId) : null;
  if (!provider || !role) return clientGroupProblem(field, 'BUSINESS_NOT_FOUND');
  if (!mayManageBusiness(role)) return clientGroupProblem(field, 'NOT_ALLOWED');
  return provider;
}

/** A group that is not deleted, of a provider the actor is the BAM of; else GROUP_NOT_FOUND or NOT_ALLOWED. */
async function managedGroup(
  manager: EntityManager,
  actorId: string,
  groupId: string,
  field: string[],
): Promise<{ group: ClientGroup; provider: BusinessRef } | Problem> {
  const group = await manager.findOneBy(ClientGroup, { id: groupId });
  if (!group || group.deletedAt) return clientGroupProblem(field, 'GROUP_NOT_FOUND');
  const provider = await managedProvider(manager, actorId, group.providerBusinessId, field);
  if (isProblem(provider))
    return provider.code === 'BUSINESS_NOT_FOUND' ? clientGroupProblem(field, 'GROUP_NOT_FOUND') : provider;
  return { group, provider };
}

type GroupChangeType = Extract<DomainEvent['type'], `CLIENT_GROUP_${string}` | `EMPLOYEE_${string}`>;

/** One change: the type of both its audit entry and its domain event, and what the event carries. */
type Change = {
  [T in GroupChangeType]: {
    type: T;
    details: AuditDetails;
    /** The payload but the provider and the actor, which `record` adds. */
    payload: Omit<DomainEventPayloads[T], 'providerBusinessId' | 'actorId'>;
  };
}[GroupChangeType];

async function record(
  manager: EntityManager,
  provider: BusinessRef,
  actorId: string,
  change: Change,
  now: Date,
): Promise<void> {
  await recordBusinessAudit(manager, {
    registryBusinessId: provider.registryBusinessId,
    type: change.type,
    actorId,
    details: change.details,
    occurredAt: now,
  });
  await publish(
    manager,
    // The compiler cannot pair `change.type` with its own payload through the spread; Change does.
    {
      type: change.type,
      payload: { providerBusinessId: provider.id, actorId, ...change.payload },
    } as DomainEvent,
    now,
  );
}

/**
 * The provider's BAM creates a client group. Names are unique per provider, deleted groups included, ignoring
 * case and accents. Problems: BUSINESS_NOT_FOUND, NOT_ALLOWED, REQUIRED, TOO_LONG, NAME_TAKEN.
 */
export async function createClientGroup(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { providerBusinessId: string; name: string },
): Promise<GroupResult> {
  const field = ['input', 'name'];
  const problems = nameProblems(input.name, field);
  if (problems.length) return fail(...problems);
  const { name, key } = groupName(input.name);
  const now = config.now();
  const taken = fail(clientGroupProblem(field, 'NAME_TAKEN'));
  const work = inTransaction(dataSource, async (manager): Promise<GroupResult> => {
    const provider = await managedProvider(manager, actorId, input.providerBusinessId, [
      'input',
      'providerBusinessId',
    ]);
    if (isProblem(provider)) return fail(provider);
    if (await manager.existsBy(ClientGroup, { providerBusinessId: provider.id, nameKey: key })) return taken;
    const group = manager.create(ClientGroup, {
      id: timeOrderedId(),
      providerBusinessId: provider.id,
      name,
      nameKey: key,
      createdAt: now,
      deletedAt: null,
    });
    await manager.insert(ClientGroup, group);
    await record(
      manager,
      provider,
      actorId,
      {
        type: 'CLIENT_GROUP_CREATED',
        details: { group: group.id },
        payload: { groupId: group.id, name },
      },
      now,
    );
    return { ok: true, group };
  });
  return work.catch((error: unknown) => {
    if (isUniqueViolation(error)) return taken;
    throw error;
  });
}

/** Renames a group (same rules as createClientGroup). Problems: GROUP_NOT_FOUND, NOT_ALLOWED, REQUIRED, TOO_LONG, NAME_TAKEN. */
export async function renameClientGroup(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { groupId: string; name: string },
): Promise<GroupResult> {
  const field = ['input', 'name'];
  const problems = nameProblems(input.name, field);
  if (problems.length) return fail(...problems);
  const { name, key } = groupName(input.name);
  const now = config.now();
  const taken = fail(clientGroupProblem(field, 'NAME_TAKEN'));
  const work = inTransaction(dataSource, async (manager): Promise<GroupResult> => {
    const found = await managedGroup(manager, actorId, input.groupId, ['input', 'groupId']);
    if (!('group' in found)) return fail(found);
    const { group, provider } = found;
    const other = await manager.findOneBy(ClientGroup, { providerBusinessId: provider.id, nameKey: key });
    if (other && other.id !== group.id) return taken;
    await manager.update(ClientGroup, { id: group.id }, { name, nameKey: key });
    await record(
      manager,
      provider,
      actorId,
      {
        type: 'CLIENT_GROUP_RENAMED',
        details: { group: group.id },
        payload: { groupId: group.id, name, previousName: group.name },
      },
      now,
    );
    return { ok: true, group: { ...group, name, nameKey: key } };
  });
  return work.catch((error: unknown) => {
    if (isUniqueViolation(error)) return taken;
    throw error;
  });
}

/**
 * Deletes a group softly (deleted_at): it disappears with its members and assignments, and keeps its name
 * taken. Problems: GROUP_NOT_FOUND, NOT_ALLOWED.
 */
export async function deleteClientGroup(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  groupId: string,
): Promise<GroupResult> {
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<GroupResult> => {
    const found = await managedGroup(manager, actorId, groupId, ['groupId']);
    if (!('group' in found)) return fail(found);
    const { group, provider } = found;
    await manager.update(ClientGroup, { id: group.id }, { deletedAt: now });
    await record(
      manager,
      provider,
      actorId,
      {
        type: 'CLIENT_GROUP_DELETED',
        details: { group: group.id },
        payload: { groupId: group.id },
      },
      now,
    );
    return { ok: true, group: { ...group, deletedAt: now } };
  });
}

export type GroupClientsResult =
  | { ok: true; group: ClientGroup; results: Array<{ clientBusinessId: string; problems: Problem[] }> }
  | { ok: false; problems: Problem[] };

function clientListProblems(ids: string[], field: string[]): Problem[] {
  if (ids.length === 0) return [clientGroupProblem(field, 'REQUIRED', {}, 'clientBusinessIds')];
  if (ids.length > GROUP_CLIENTS_MAX)
    return [clientGroupProblem(field, 'TOO_MANY', { max: GROUP_CLIENTS_MAX }, 'clientBusinessIds')];
  return [];
}

/**
 * Adds clients to a group, answering per client: each needs an ACCEPTED relationship with the provider
 * (NO_ACTIVE_RELATIONSHIP) and must not be in the group yet (ALREADY_IN_GROUP). The others are added together.
 * Whole-request problems: GROUP_NOT_FOUND, NOT_ALLOWED, REQUIRED, TOO_MANY.
 */
export async function addClientsToGroup(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { groupId: string; clientBusinessIds: string[] },
): Promise<GroupClientsResult> {
  const listField = ['clientBusinessIds'];
  const problems = clientListProblems(input.clientBusinessIds, listField);
  if (problems.length) return fail(...problems);
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<GroupClientsResult> => {
    const found = await managedGroup(manager, actorId, input.groupId, ['groupId']);
    if (!('group' in found)) return fail(found);
    const { group, provider } = found;
    const ids = input.clientBusinessIds;
    const accepted = await acceptedClientIds(manager, provider.id, [...new Set(ids)]);
    const members = new Set(
      (
        await manager.findBy(ClientGroupMember, {
          groupId: group.id,
          clientBusinessId: In([...new Set(ids)]),
        })
      ).map((row) => row.clientBusinessId),
    );
    const added: string[] = [];
    const results = ids.map((clientBusinessId, index) => {
      const field = [...listField, String(index)];
      if (!accepted.has(clientBusinessId))
        return { clientBusinessId, problems: [clientGroupProblem(field, 'NO_ACTIVE_RELATIONSHIP')] };
      if (members.has(clientBusinessId))
        return { clientBusinessId, problems: [clientGroupProblem(field, 'ALREADY_IN_GROUP')] };
      members.add(clientBusinessId);
      added.push(clientBusinessId);
      return { clientBusinessId, problems: [] };
    });
    if (added.length) {
      await manager.insert(
        ClientGroupMember,
        added.map((clientBusinessId) => ({ groupId: group.id, clientBusinessId })),
      );
      await record(
        manager,
        provider,
        actorId,
        {
          type: 'CLIENT_GROUP_CLIENTS_ADDED',
          details: { group: group.id, clients: added.length },
          payload: { groupId: group.id, clientBusinessIds: added },
        },
        now,
      );
    }
    return { ok: true, group, results };
  });
}

/**
 * Removes clients from a group, answering per client (NOT_IN_GROUP). Whole-request problems: GROUP_NOT_FOUND,
 * NOT_ALLOWED, REQUIRED, TOO_MANY.
 */
export async function removeClientsFromGroup(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { groupId: string; clientBusinessIds: string[] },
): Promise<GroupClientsResult> {
  const listField = ['clientBusinessIds'];
  const problems = clientListProblems(input.clientBusinessIds, listField);
  if (problems.length) return fail(...problems);
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<GroupClientsResult> => {
    const found = await managedGroup(manager, actorId, input.groupId, ['groupId']);
    if (!('group' in found)) return fail(found);
    const { group, provider } = found;
    const ids = input.clientBusinessIds;
    const members = new Set(
      (
        await manager.findBy(ClientGroupMember, {
          groupId: group.id,
          clientBusinessId: In([...new Set(ids)]),
        })
      ).map((row) => row.clientBusinessId),
    );
    const removed: string[] = [];
    const results = ids.map((clientBusinessId, index) => {
      if (!members.has(clientBusinessId))
        return {
          clientBusinessId,
          problems: [clientGroupProblem([...listField, String(index)], 'NOT_IN_GROUP')],
        };
      members.delete(clientBusinessId);
      removed.push(clientBusinessId);
      return { clientBusinessId, problems: [] };
    });
    if (removed.length) {
      await manager.delete(ClientGroupMember, { groupId: group.id, clientBusinessId: In(removed) });
      await record(
        manager,
        provider,
        actorId,
        {
          type: 'CLIENT_GROUP_CLIENTS_REMOVED',
          details: { group: group.id, clients: removed.length },
          payload: { groupId: group.id, clientBusinessIds: removed },
        },
        now,
      );
    }
    return { ok: true, group, results };
  });
}

/** An ACTIVE member of the provider, or EMPLOYEE_NOT_FOUND. */
async function employeeProblem(
  manager: EntityManager,
  providerBusinessId: string,
  userId: string,
): Promise<Problem | null> {
  const member = (await activeMemberRole(manager, providerBusinessId, userId)) !== null;
  return member ? null : clientGroupProblem(['input', 'userId'], 'EMPLOYEE_NOT_FOUND');
}

async function insertAssignment(
  manager: EntityManager,
  provider: BusinessRef,
  actorId: string,
  values: { userId: string; clientBusinessId: string | null; clientGroupId: string | null },
  now: Date,
): Promise<EmployeeAssignment> {
  const assignment = manager.create(EmployeeAssignment, {
    id: timeOrderedId(),
    providerBusinessId: provider.id,
    ...values,
    createdAt: now,
    createdBy: actorId,
  });
  await manager.insert(EmployeeAssignment, assignment);
  await record(
    manager,
    provider,
    actorId,
    {
      type: 'EMPLOYEE_ASSIGNED',
      details: { user: values.userId, group: values.clientGroupId, clientId: values.clientBusinessId },
      payload: { assignmentId: assignment.id, ...values },
    },
    now,
  );
  return assignment;
}

async function deleteAssignment(
  manager: EntityManager,
  provider: BusinessRef,
  actorId: string,
  assignment: EmployeeAssignment,
  now: Date,
): Promise<void> {
  await manager.delete(EmployeeAssignment, { id: assignment.id });
  await record(
    manager,
    provider,
    actorId,
    {
      type: 'EMPLOYEE_UNASSIGNED',
      details: {
        user: assignment.userId,
        group: assignment.clientGroupId,
        clientId: assignment.clientBusinessId,
      },
      payload: {
        assignmentId: assignment.id,
        userId: assignment.userId,
        clientBusinessId: assignment.clientBusinessId,
        clientGroupId: assignment.clientGroupId,
      },
    },
    now,
  );
}

const alreadyAssigned = (field: string): { ok: false; problems: Problem[] } =>
  fail(clientGroupProblem(['input', field], 'ALREADY_ASSIGNED'));

/**
 * The provider's BAM assigns an active employee of the provider to a client with an ACCEPTED relationship.
 * Problems: BUSINESS_NOT_FOUND, NOT_ALLOWED, EMPLOYEE_NOT_FOUND, NO_ACTIVE_RELATIONSHIP, ALREADY_ASSIGNED.
 */
export async function assignEmployeeToClient(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { providerBusinessId: string; userId: string; clientBusinessId: string },
): Promise<AssignmentResult> {
  const now = config.now();
  const work = inTransaction(dataSource, async (manager): Promise<AssignmentResult> => {
    const provider = await managedProvider(manager, actorId, input.providerBusinessId, [
      'input',
      'providerBusinessId',
    ]);
    if (isProblem(provider)) return fail(provider);
    const employee = await employeeProblem(manager, provider.id, input.userId);
    if (employee) return fail(employee);
    if (!(await acceptedClientIds(manager, provider.id, [input.clientBusinessId])).size)
      return fail(clientGroupProblem(['input', 'clientBusinessId'], 'NO_ACTIVE_RELATIONSHIP'));
    if (
      await manager.existsBy(EmployeeAssignment, {
        providerBusinessId: provider.id,
        userId: input.userId,
        clientBusinessId: input.clientBusinessId,
      })
    )
      return alreadyAssigned('clientBusinessId');
    const assignment = await insertAssignment(
      manager,
      provider,
      actorId,
      { userId: input.userId, clientBusinessId: input.clientBusinessId, clientGroupId: null },
      now,
    );
    return { ok: true, assignment };
  });
  return work.catch((error: unknown) => {
    if (isUniqueViolation(error)) return alreadyAssigned('clientBusinessId');
    throw error;
  });
}

/** Removes a direct assignment. Problems: BUSINESS_NOT_FOUND, NOT_ALLOWED, ASSIGNMENT_NOT_FOUND. */
export async function unassignEmployeeFromClient(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { providerBusinessId: string; userId: string; clientBusinessId: string },
): Promise<AssignmentResult> {
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<AssignmentResult> => {
    const provider = await managedProvider(manager, actorId, input.providerBusinessId, [
      'input',
      'providerBusinessId',
    ]);
    if (isProblem(provider)) return fail(provider);
    const assignment = await manager.findOneBy(EmployeeAssignment, {
      providerBusinessId: provider.id,
      userId: input.userId,
      clientBusinessId: input.clientBusinessId,
    });
    if (!assignment) return fail(clientGroupProblem(['input', 'clientBusinessId'], 'ASSIGNMENT_NOT_FOUND'));
    await deleteAssignment(manager, provider, actorId, assignment, now);
    return { ok: true, assignment };
  });
}

/**
 * The provider's BAM assigns an active employee to a group (every client in it, now and later). Problems:
 * GROUP_NOT_FOUND, NOT_ALLOWED, EMPLOYEE_NOT_FOUND, ALREADY_ASSIGNED.
 */
export async function assignEmployeeToGroup(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { groupId: string; userId: string },
): Promise<AssignmentResult> {
  const now = config.now();
  const work = inTransaction(dataSource, async (manager): Promise<AssignmentResult> => {
    const found = await managedGroup(manager, actorId, input.groupId, ['input', 'groupId']);
    if (!('group' in found)) return fail(found);
    const { group, provider } = found;
    const employee = await employeeProblem(manager, provider.id, input.userId);
    if (employee) return fail(employee);
    if (await manager.existsBy(EmployeeAssignment, { userId: input.userId, clientGroupId: group.id }))
      return alreadyAssigned('groupId');
    const assignment = await insertAssignment(
      manager,
      provider,
      actorId,
      { userId: input.userId, clientBusinessId: null, clientGroupId: group.id },
      now,
    );
    return { ok: true, assignment };
  });
  return work.catch((error: unknown) => {
    if (isUniqueViolation(error)) return alreadyAssigned('groupId');
    throw error;
  });
}

/** Removes a group assignment. Problems: GROUP_NOT_FOUND, NOT_ALLOWED, ASSIGNMENT_NOT_FOUND. */
export async function unassignEmployeeFromGroup(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { groupId: string; userId: string },
): Promise<AssignmentResult> {
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<AssignmentResult> => {
    const found = await managedGroup(manager, actorId, input.groupId, ['input', 'groupId']);
    if (!('group' in found)) return fail(found);
    const { group, provider } = found;
    const assignment = await manager.findOneBy(EmployeeAssignment, {
      userId: input.userId,
      clientGroupId: group.id,
    });
    if (!assignment) return fail(clientGroupProblem(['input', 'groupId'], 'ASSIGNMENT_NOT_FOUND'));
    await deleteAssignment(manager, provider, actorId, assignment, now);
    return { ok: true, assignment };
  });
}

/**
 * When a relationship ends: the provider's direct assignments to the client and the client's place in the
 * provider's groups go, so that a later relationship starts from nothing. In the caller's transaction.
 */
/**
 * Removes every assignment of a person by a provider, in the caller's transaction: when their membership is
 * revoked, so that being admitted again later never brings back client access nobody granted anew.
 * Answers how many went.
 */
export async function releaseEmployee(
  manager: EntityManager,
  providerBusinessId: string,
  userId: string,
): Promise<number> {
  const result = await manager.delete(EmployeeAssignment, { providerBusinessId, userId });
  return result.affected ?? 0;
}

export async function releaseClient(
  manager: EntityManager,
  providerBusinessId: string,
  clientBusinessId: string,
): Promise<void> {
  await manager.delete(EmployeeAssignment, { providerBusinessId, clientBusinessId });
  const groupIds = (
    await manager.find(ClientGroup, { select: { id: true }, where: { providerBusinessId } })
  ).map((group) => group.id);
  if (groupIds.length) await manager.delete(ClientGroupMember, { groupId: In(groupIds), clientBusinessId });
}
