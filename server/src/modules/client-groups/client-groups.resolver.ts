import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import { type AppContext } from '../../app/context.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { providerFromInput, providerOfGroup, providerOfGroupInput } from '../relationships/access-owners.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import { AFTER_ARG, FIRST_ARG } from '../../common/graphql/list-connection.js';
import { sqlChildListRows, sqlListConnection, sqlListRows } from '../../common/graphql/sql-list-page.js';
import { businessLoaders, peopleColumns, primePeople } from '../businesses/business-loaders.js';
import {
  activeViewerMembership,
  businessNode,
  businessSummarySql,
  isActiveBam,
  personSummary,
} from '../businesses/business-view.service.js';
import { BusinessNode, BusinessSummary, PersonSummary } from '../businesses/businesses.types.js';
import { requireSession, requireTermsAccepted } from '../sessions/session.guards.js';
import { clientGroupLoaders } from './client-group-loaders.js';
import { ClientGroup, EmployeeAssignment } from './client-groups.entities.js';
import {
  addClientsToGroup,
  type AssignmentResult,
  assignEmployeeToClient,
  assignEmployeeToGroup,
  createClientGroup,
  deleteClientGroup,
  type GroupClientsResult,
  type GroupResult,
  removeClientsFromGroup,
  renameClientGroup,
  unassignEmployeeFromClient,
  unassignEmployeeFromGroup,
} from './client-groups.service.js';
import {
  AssignEmployeeToClientInput,
  AssignEmployeeToGroupInput,
  ClientGroupAssigneeConnection,
  ClientGroupClientConnection,
  ClientGroupClientsPayload,
  ClientGroupConnection,
  ClientGroupNode,
  ClientGroupPayload,
  CreateClientGroupInput,
  EmployeeAssignmentConnection,
  EmployeeAssignmentNode,
  EmployeeAssignmentPayload,
  RenameClientGroupInput,
  UnassignEmployeeFromClientInput,
  UnassignEmployeeFromGroupInput,
} from './client-groups.types.js';

function groupNode(row: ClientGroup): ClientGroupNode {
  return { id: row.id, name: row.name, createdAt: row.createdAt, providerBusinessId: row.providerBusinessId };
}

function assignmentNode(row: EmployeeAssignment): EmployeeAssignmentNode {
  return {
    id: row.id,
    createdAt: row.createdAt,
    userId: row.userId,
    clientBusinessId: row.clientBusinessId,
    clientGroupId: row.clientGroupId,
  };
}

function groupPayload(ctx: AppContext, result: GroupResult): ClientGroupPayload {
  return result.ok
    ? { group: groupNode(result.group), userErrors: [] }
    : { group: null, userErrors: toUserErrors(result.problems, ctx.t) };
}

function clientsPayload(ctx: AppContext, result: GroupClientsResult): ClientGroupClientsPayload {
  if (!result.ok) return { group: null, results: [], userErrors: toUserErrors(result.problems, ctx.t) };
  return {
    group: groupNode(result.group),
    results: result.results.map(({ clientBusinessId, problems }) => ({
      clientBusinessId,
      done: problems.length === 0,
      userErrors: toUserErrors(problems, ctx.t),
    })),
    userErrors: [],
  };
}

function assignmentPayload(ctx: AppContext, result: AssignmentResult): EmployeeAssignmentPayload {
  return result.ok
    ? { assignment: assignmentNode(result.assignment), userErrors: [] }
    : { assignment: null, userErrors: toUserErrors(result.problems, ctx.t) };
}

/** A client-groups mutation: terms accepted, then the service as the caller, its result mapped to the payload. */
async function asCaller<I, R, P>(
  ctx: AppContext,
  service: (
    dataSource: AppContext['dataSource'],
    config: AppContext['config'],
    actorId: string,
    input: I,
  ) => Promise<R>,
  input: I,
  payload: (ctx: AppContext, result: R) => P,
): Promise<P> {
  const { user } = requireTermsAccepted(ctx);
  return payload(ctx, await service(ctx.dataSource, ctx.config, user.id, input));
}

async function summaryOf(ctx: AppContext, businessId: string): Promise<BusinessSummary | null> {
  const loaders = businessLoaders(ctx);
  const business = await loaders.business.load(businessId);
  if (!business) return null;
  const node = await businessNode(loaders, business);
  return { id: node.id, businessNumber: node.businessNumber, name: node.name };
}

@Resolver()
export class ClientGroupsResolver {
  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: providerFromInput })
  @Mutation(() => ClientGroupPayload, { description: 'The provider’s BAM creates a client group.' })
  async createClientGroup(
    @Arg('input', () => CreateClientGroupInput, { description: 'The provider and the group’s name.' })
    input: CreateClientGroupInput,
    @Ctx() ctx: AppContext,
  ): Promise<ClientGroupPayload> {
    return asCaller(ctx, createClientGroup, input, groupPayload);
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: providerOfGroupInput })
  @Mutation(() => ClientGroupPayload)
  async renameClientGroup(
    @Arg('input', () => RenameClientGroupInput, { description: 'The group and its new name.' })
    input: RenameClientGroupInput,
    @Ctx() ctx: AppContext,
  ): Promise<ClientGroupPayload> {
    return asCaller(ctx, renameClientGroup, input, groupPayload);
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: providerOfGroup })
  @Mutation(() => ClientGroupPayload, { description: 'Soft delete: the name stays taken.' })
  async deleteClientGroup(
    @Arg('groupId', () => ID, { description: 'The group to delete.' }) groupId: string,
    @Ctx() ctx: AppContext,
  ): Promise<ClientGroupPayload> {
    return asCaller(ctx, deleteClientGroup, groupId, groupPayload);
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: providerOfGroup })
  @Mutation(() => ClientGroupClientsPayload, {
    description: 'Adds clients (each with an ACCEPTED relationship), answered per client; at most 100.',
  })
  async addClientsToGroup(
    @Arg('groupId', () => ID, { description: 'The group.' }) groupId: string,
    @Arg('clientBusinessIds', () => [ID], { description: 'The client businesses to add.' })
    clientBusinessIds: string[],
    @Ctx() ctx: AppContext,
  ): Promise<ClientGroupClientsPayload> {
    return asCaller(ctx, addClientsToGroup, { groupId, clientBusinessIds }, clientsPayload);
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: providerOfGroup })
  @Mutation(() => ClientGroupClientsPayload, {
    description: 'Removes clients, answered per client; at most 100.',
  })
  async removeClientsFromGroup(
    @Arg('groupId', () => ID, { description: 'The group.' }) groupId: string,
    @Arg('clientBusinessIds', () => [ID], { description: 'The client businesses to remove.' })
    clientBusinessIds: string[],
    @Ctx() ctx: AppContext,
  ): Promise<ClientGroupClientsPayload> {
    return asCaller(ctx, removeClientsFromGroup, { groupId, clientBusinessIds }, clientsPayload);
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: providerFromInput })
  @Mutation(() => EmployeeAssignmentPayload)
  async assignEmployeeToClient(
    @Arg('input', () => AssignEmployeeToClientInput, { description: 'The employee and the client.' })
    input: AssignEmployeeToClientInput,
    @Ctx() ctx: AppContext,
  ): Promise<EmployeeAssignmentPayload> {
    return asCaller(ctx, assignEmployeeToClient, input, assignmentPayload);
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: providerFromInput })
  @Mutation(() => EmployeeAssignmentPayload, { description: 'Answers the assignment removed.' })
  async unassignEmployeeFromClient(
    @Arg('input', () => UnassignEmployeeFromClientInput, { description: 'The employee and the client.' })
    input: UnassignEmployeeFromClientInput,
    @Ctx() ctx: AppContext,
  ): Promise<EmployeeAssignmentPayload> {
    return asCaller(ctx, unassignEmployeeFromClient, input, assignmentPayload);
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: providerOfGroupInput })
  @Mutation(() => EmployeeAssignmentPayload)
  async assignEmployeeToGroup(
    @Arg('input', () => AssignEmployeeToGroupInput, { description: 'The employee and the client group.' })
    input: AssignEmployeeToGroupInput,
    @Ctx() ctx: AppContext,
  ): Promise<EmployeeAssignmentPayload> {
    return asCaller(ctx, assignEmployeeToGroup, input, assignmentPayload);
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: providerOfGroupInput })
  @Mutation(() => EmployeeAssignmentPayload, { description: 'Answers the assignment removed.' })
  async unassignEmployeeFromGroup(
    @Arg('input', () => UnassignEmployeeFromGroupInput, { description: 'The employee and the client group.' })
    input: UnassignEmployeeFromGroupInput,
    @Ctx() ctx: AppContext,
  ): Promise<EmployeeAssignmentPayload> {
    return asCaller(ctx, unassignEmployeeFromGroup, input, assignmentPayload);
  }
}

@Resolver(() => ClientGroupNode)
export class ClientGroupResolver {
  @FieldResolver(() => [BusinessSummary], {
    description: 'By name.',
    deprecationReason: 'Use clientsConnection: the same clients, in pages of at most 100.',
  })
  async clients(@Root() group: ClientGroupNode, @Ctx() ctx: AppContext): Promise<BusinessSummary[]> {
    const members = await clientGroupLoaders(ctx).members.load(group.id);
    const summaries = await Promise.all(members.map((row) => summaryOf(ctx, row.clientBusinessId)));
    return summaries
      .filter((summary): summary is BusinessSummary => summary !== null)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  @FieldResolver(() => ClientGroupClientConnection, {
    description:
      'The client businesses in the group, by name (the names are the registry’s, as the provider sees them; in the database’s order).',
  })
  async clientsConnection(
    @Root() group: ClientGroupNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<ClientGroupClientConnection> {
    // Paged in SQL for every group of the request at once (ROW_NUMBER per group): one statement per page size.
    const client = businessSummarySql('m.client_business_id', 'cb', 'c_');
    const page = await sqlChildListRows<{ c_id: string; c_number: string; c_name: string }>(
      ctx,
      'clientGroup.clients',
      {
        select: client.select,
        from: `client_group_member m${client.joins}`,
        where: '1 = 1',
        params: {},
        parent: 'm.group_id',
        order: { keys: [{ sql: client.name, kind: 'text' }], id: 'cb.id', direction: 'ASC' },
      },
      group.id,
      { first, after },
    );
    return sqlListConnection(
      page.rows,
      page.size,
      (row) => ({ key: [row.c_name], id: row.c_id }),
      (row) => ({ id: row.c_id, businessNumber: row.c_number, name: row.c_name }),
      page.count,
    );
  }

  @FieldResolver(() => [PersonSummary], {
    description: 'Employees assigned to the group, in assignment order.',
    deprecationReason: 'Use assigneesConnection: the same employees, in pages of at most 100.',
  })
  async assignees(@Root() group: ClientGroupNode, @Ctx() ctx: AppContext): Promise<PersonSummary[]> {
    const rows = await clientGroupLoaders(ctx).groupAssignments.load(group.id);
    return Promise.all(rows.map((row) => personSummary(businessLoaders(ctx), row.userId)));
  }

  @FieldResolver(() => ClientGroupAssigneeConnection, {
    description: 'The provider’s employees assigned to the group, oldest assignment first.',
  })
  async assigneesConnection(
    @Root() group: ClientGroupNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<ClientGroupAssigneeConnection> {
    const { dataSource } = ctx;
    const people = peopleColumns(dataSource, 'a.user_id');
    const page = await sqlChildListRows<Record<string, unknown>>(
      ctx,
      'clientGroup.assignees',
      {
        select: `${entityColumns(dataSource, EmployeeAssignment, 'a', 'a_')}, ${people.select}`,
        from: `employee_assignment a${people.join}`,
        where: '1 = 1',
        params: {},
        parent: 'a.client_group_id',
        order: { keys: [{ sql: 'a.created_at', kind: 'date' }], id: 'a.id', direction: 'ASC' },
      },
      group.id,
      { first, after },
    );
    const loaders = businessLoaders(ctx);
    primePeople(dataSource, loaders, page.rows, (row) => String(row.a_user_id));
    return sqlListConnection(
      page.rows.map((row) => hydrate(dataSource, EmployeeAssignment, row, 'a_')!),
      page.size,
      (row) => ({ key: [row.createdAt], id: row.id }),
      (row) => personSummary(loaders, row.userId),
      page.count,
    );
  }
}

@Resolver(() => EmployeeAssignmentNode)
export class EmployeeAssignmentResolver {
  @FieldResolver(() => PersonSummary, { description: 'The employee assigned.' })
  person(@Root() assignment: EmployeeAssignmentNode, @Ctx() ctx: AppContext): Promise<PersonSummary> {
    return personSummary(businessLoaders(ctx), assignment.userId);
  }

  @FieldResolver(() => BusinessSummary, { nullable: true, description: 'Set for a direct assignment.' })
  client(
    @Root() assignment: EmployeeAssignmentNode,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessSummary | null> {
    return assignment.clientBusinessId ? summaryOf(ctx, assignment.clientBusinessId) : Promise.resolve(null);
  }

  @FieldResolver(() => ClientGroupNode, { nullable: true, description: 'Set for an assignment to a group.' })
  async group(
    @Root() assignment: EmployeeAssignmentNode,
    @Ctx() ctx: AppContext,
  ): Promise<ClientGroupNode | null> {
    if (!assignment.clientGroupId) return null;
    const group = await clientGroupLoaders(ctx).group.load(assignment.clientGroupId);
    return group ? groupNode(group) : null;
  }
}

@Resolver(() => BusinessNode)
export class BusinessClientGroupsResolver {
  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => [ClientGroupNode], {
    nullable: true,
    description: 'The provider’s client groups (not deleted), by name. BAM only (else FORBIDDEN).',
    deprecationReason: 'Use clientGroupsConnection: the same groups, in pages of at most 100.',
  })
  async clientGroups(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<ClientGroupNode[]> {
    return (await this.groupRows(node, ctx)).map(groupNode);
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => ClientGroupConnection, {
    nullable: true,
    description:
      'The service provider’s client groups (deleted ones left out), by name. Business account managers only (else FORBIDDEN).',
  })
  async clientGroupsConnection(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<ClientGroupConnection> {
    requireSession(ctx);
    if (!isActiveBam(await activeViewerMembership(businessLoaders(ctx), node.id)))
      throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
    const { dataSource } = ctx;
    const page = await sqlListRows<Record<string, unknown>>(
      dataSource,
      {
        select: entityColumns(dataSource, ClientGroup, 'g', 'g_'),
        from: 'client_group g',
        where: 'g.provider_business_id = :provider AND g.deleted_at IS NULL',
        params: { provider: node.id },
        // name_key folds case, spaces and accents (the key that keeps names unique): both drivers agree on it.
        order: { keys: [{ sql: 'g.name_key', kind: 'text' }], id: 'g.id', direction: 'ASC' },
      },
      { first, after },
    );
    const groups = page.rows.map((row) => hydrate(dataSource, ClientGroup, row, 'g_')!);
    return sqlListConnection(
      groups,
      page.size,
      (group) => ({ key: [group.nameKey], id: group.id }),
      groupNode,
      page.count,
    );
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => ClientGroupNode, {
    nullable: true,
    description:
      'One of the service provider’s client groups (null when it has no such group, or the group is deleted): to page one group’s `clientsConnection` or `assigneesConnection` past its first page without reading the other groups again. Business account managers only (else FORBIDDEN).',
  })
  async clientGroup(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID, { description: 'The client group’s id.' }) id: string,
  ): Promise<ClientGroupNode | null> {
    requireSession(ctx);
    if (!isActiveBam(await activeViewerMembership(businessLoaders(ctx), node.id)))
      throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
    const group = await ctx.dataSource
      .getRepository(ClientGroup)
      .findOneBy({ id, providerBusinessId: node.id, deletedAt: IsNull() });
    return group ? groupNode(group) : null;
  }

  private async groupRows(node: BusinessNode, ctx: AppContext): Promise<ClientGroup[]> {
    requireSession(ctx);
    if (!isActiveBam(await activeViewerMembership(businessLoaders(ctx), node.id)))
      throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
    return ctx.dataSource.getRepository(ClientGroup).find({
      where: { providerBusinessId: node.id, deletedAt: IsNull() },
      order: { nameKey: 'ASC', id: 'ASC' },
    });
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => [EmployeeAssignmentNode], {
    nullable: true,
    description:
      'The provider’s assignments of its employees (to deleted groups left out), oldest first. BAM: anyone’s (userId filters); a PAM: their own only. An employee’s clients are `me.actingFor`.',
    deprecationReason: 'Use employeeAssignmentsConnection: the same assignments, in pages of at most 100.',
  })
  async employeeAssignments(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, {
      nullable: true,
      description: 'Only this employee’s assignments (a business account manager may name anyone).',
    })
    userId: string | null,
  ): Promise<EmployeeAssignmentNode[]> {
    const person = await this.assignmentsOf(node, ctx, userId);
    const rows = await ctx.dataSource.getRepository(EmployeeAssignment).find({
      where: { providerBusinessId: node.id, ...(person ? { userId: person } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const loaders = clientGroupLoaders(ctx);
    const groups = await Promise.all(
      rows.map((row) => (row.clientGroupId ? loaders.group.load(row.clientGroupId) : Promise.resolve(null))),
    );
    return rows.filter((row, index) => !row.clientGroupId || !groups[index]?.deletedAt).map(assignmentNode);
  }

  /** Whose assignments the caller may list: anyone's for the BAM (null: everyone's), else their own. */
  private async assignmentsOf(
    node: BusinessNode,
    ctx: AppContext,
    userId: string | null,
  ): Promise<string | null> {
    const { user } = requireSession(ctx);
    const membership = await activeViewerMembership(businessLoaders(ctx), node.id);
    if (!membership || (!isActiveBam(membership) && userId && userId !== user.id))
      throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
    return isActiveBam(membership) ? userId : user.id;
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => EmployeeAssignmentConnection, {
    nullable: true,
    description:
      'The provider’s assignments of its employees to clients and client groups (assignments to deleted groups left out), oldest first. A business account manager sees anyone’s (`userId` narrows to one employee); a program account manager only their own (naming someone else is FORBIDDEN). An employee’s clients are `me.actingFor`.',
  })
  async employeeAssignmentsConnection(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, {
      nullable: true,
      description: 'Only this employee’s assignments (a business account manager may name anyone).',
    })
    userId: string | null,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<EmployeeAssignmentConnection> {
    const person = await this.assignmentsOf(node, ctx, userId);
    const { dataSource } = ctx;
    // The assignments' people are read with the page (decision 0051): a list asked beside this one that also
    // names people (the delegation report) then makes its own batch whichever answer comes first.
    const people = peopleColumns(dataSource, 'a.user_id');
    const page = await sqlListRows<Record<string, unknown>>(
      dataSource,
      {
        select: `${entityColumns(dataSource, EmployeeAssignment, 'a', 'a_')}, ${people.select}`,
        // An assignment to a deleted group is left out; a direct one has no group (the outer join's NULL).
        from: `employee_assignment a LEFT JOIN client_group g ON g.id = a.client_group_id${people.join}`,
        where: `a.provider_business_id = :provider AND g.deleted_at IS NULL${person ? ' AND a.user_id = :person' : ''}`,
        params: { provider: node.id, person },
        order: { keys: [{ sql: 'a.created_at', kind: 'date' }], id: 'a.id', direction: 'ASC' },
      },
      { first, after },
    );
    primePeople(dataSource, businessLoaders(ctx), page.rows, (row) => String(row.a_user_id));
    const rows = page.rows.map((row) => hydrate(dataSource, EmployeeAssignment, row, 'a_')!);
    return sqlListConnection(
      rows,
      page.size,
      (row) => ({ key: [row.createdAt], id: row.id }),
      assignmentNode,
      page.count,
    );
  }
}
