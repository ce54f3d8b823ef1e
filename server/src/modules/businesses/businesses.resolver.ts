import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import { AFTER_ARG, FIRST_ARG, listConnection } from '../../common/graphql/list-connection.js';
import { sqlListConnection, sqlListRows } from '../../common/graphql/sql-list-page.js';
import { requireSession, requireTermsAccepted } from '../sessions/session.guards.js';
import { Viewer } from '../users/viewer.type.js';
import { programAccountById, programAccountOfInput } from './access-owners.js';
import { businessLoaders, peopleColumns, primePeople } from './business-loaders.js';
import {
  activeMembershipsOf,
  activeViewerMembership,
  businessNode,
  businessProfile,
  inProgressRegistration,
  isActiveBam,
  membershipNode,
  membersOf,
  membershipScopeSummaries,
  personSummary,
  programAccountOf,
  visibleBusiness,
  visibleProgramAccounts,
  visibleRegistryAccounts,
} from './business-view.service.js';
import { type Business, BusinessMembership } from './businesses.entities.js';
import { activeBusinessOf, switchBusiness } from './businesses.service.js';
import { updateProgramAccountContacts } from './memberships.service.js';
import {
  AccessRequestConnection,
  AccessRequestNode,
  BusinessNode,
  BusinessPayload,
  BusinessProfile,
  BusinessRegistrationNode,
  BusinessSummary,
  MembershipConnection,
  MembershipNode,
  MembershipStatus,
  PersonSummary,
  ProgramAccount,
  ProgramAccountConnection,
  ProgramAccountPayload,
  ProgramAccountSummary,
  UpdateProgramAccountContactsInput,
} from './businesses.types.js';
import { registrationNode } from './registration.resolver.js';
import { pendingAccessRequestsOf, viewerAccessRequests } from './access-requests.view.js';

async function entityOf(ctx: AppContext, node: BusinessNode): Promise<Business> {
  const business = await businessLoaders(ctx).business.load(node.id);
  if (!business) throw new AppError(ErrorCode.NOT_FOUND, 'errors.notFound');
  return business;
}

function summaryOf(node: BusinessNode): BusinessSummary {
  return { id: node.id, businessNumber: node.businessNumber, name: node.name };
}

@Resolver(() => BusinessNode)
export class BusinessResolver {
  @Query(() => BusinessNode, {
    nullable: true,
    description:
      'A business the caller has a standing toward (its people, a provider’s assigned employees under an accepted relationship, officers); null otherwise. Its fields are guarded one by one.',
  })
  async business(
    @Arg('id', () => ID, { description: 'The business’s id.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessNode | null> {
    requireTermsAccepted(ctx);
    const loaders = businessLoaders(ctx);
    const business = await visibleBusiness(loaders, (businessId) => ctx.access.standing(businessId), id);
    return business ? businessNode(loaders, business) : null;
  }

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.VIEW, { owner: programAccountById })
  @Query(() => ProgramAccount, {
    nullable: true,
    description:
      'A program account of a registered business, by id (FORBIDDEN when the caller may not see it).',
  })
  async programAccount(
    @Arg('id', () => ID, { description: 'The program account’s id.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<ProgramAccount | null> {
    requireTermsAccepted(ctx);
    const loaders = businessLoaders(ctx);
    const account = await loaders.programAccount.load(id);
    const business = account ? await loaders.businessOfRegistry.load(account.businessId) : null;
    if (!account || !business) return null;
    return programAccountOf(loaders, await ctx.access.standing(business.id), business.id, account);
  }

  @Access(AccessArea.PROGRAM_PROFILE, AccessAction.EDIT, { owner: programAccountOfInput })
  @Mutation(() => ProgramAccountPayload, {
    description:
      'The business’s own contacts of a program account (the rest of its profile is the agency’s registry).',
  })
  async updateProgramAccountContacts(
    @Arg('input', () => UpdateProgramAccountContactsInput, {
      description: 'The program account and its new contacts.',
    })
    input: UpdateProgramAccountContactsInput,
    @Ctx() ctx: AppContext,
  ): Promise<ProgramAccountPayload> {
    const { user } = requireTermsAccepted(ctx);
    const result = await updateProgramAccountContacts(ctx.dataSource, ctx.config, user.id, input);
    if (!result.ok) return { programAccount: null, userErrors: toUserErrors(result.problems, ctx.t) };
    const standing = await ctx.access.standing(result.businessId);
    return {
      programAccount: await programAccountOf(
        businessLoaders(ctx),
        standing,
        result.businessId,
        result.account,
      ),
      userErrors: [],
    };
  }

  @Mutation(() => BusinessPayload, {
    description: 'Chooses the business the person acts for in this session.',
  })
  async switchBusiness(
    @Arg('businessId', () => ID, { description: 'The business to act for; one the person is a member of.' })
    businessId: string,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessPayload> {
    const { user, session } = requireTermsAccepted(ctx);
    const result = await switchBusiness(ctx.dataSource, session, user.id, businessId);
    return result.ok
      ? { business: await businessNode(businessLoaders(ctx), result.business), userErrors: [] }
      : { business: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.VIEW)
  @FieldResolver(() => BusinessProfile, {
    nullable: true,
    description:
      'The business account profile from the registry (legal and operating names, type, ownership, addresses) and the contacts and activity the business keeps itself.',
  })
  async profile(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<BusinessProfile> {
    return businessProfile(businessLoaders(ctx), await entityOf(ctx, node));
  }

  @Access(AccessArea.PROGRAM_LIST, AccessAction.VIEW)
  @FieldResolver(() => [ProgramAccount], {
    nullable: true,
    description: 'Program accounts the caller may see: all, or those in the caller’s scope.',
    deprecationReason: 'Use programAccountsConnection: the same accounts, in pages of at most 100.',
  })
  async programAccounts(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<ProgramAccount[]> {
    const standing = await ctx.access.standing(node.id);
    return visibleProgramAccounts(businessLoaders(ctx), standing, await entityOf(ctx, node));
  }

  @Access(AccessArea.PROGRAM_LIST, AccessAction.VIEW)
  @FieldResolver(() => ProgramAccountConnection, {
    nullable: true,
    description:
      'The program accounts the caller may list, by account number: every account, or only those in the caller’s scope, as the PROGRAM_LIST row of the access tables says (docs/access-model.md).',
  })
  async programAccountsConnection(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<ProgramAccountConnection> {
    const standing = await ctx.access.standing(node.id);
    const loaders = businessLoaders(ctx);
    const business = await entityOf(ctx, node);
    return listConnection(
      await visibleRegistryAccounts(loaders, standing, business),
      { first, after },
      { key: (account) => [account.accountNumber], id: (account) => account.id, direction: 'ASC' },
      (account) => programAccountOf(loaders, standing, business.id, account),
    );
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => [AccessRequestNode], {
    nullable: true,
    description: 'BAM and PAM only (PAM: requests for their programs); empty for other roles.',
    deprecationReason: 'Use pendingAccessRequestsConnection: the same requests, in pages of at most 100.',
  })
  async pendingAccessRequests(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
  ): Promise<AccessRequestNode[]> {
    requireSession(ctx);
    const membership = await activeViewerMembership(businessLoaders(ctx), node.id);
    return membership ? pendingAccessRequestsOf(ctx.dataSource, membership) : [];
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => AccessRequestConnection, {
    nullable: true,
    description:
      'Requests to join the business waiting for a decision, oldest first. A business account manager sees them all, a program account manager those for their programs; empty for other roles.',
  })
  async pendingAccessRequestsConnection(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<AccessRequestConnection> {
    return listConnection(
      await this.pendingAccessRequests(node, ctx),
      { first, after },
      { key: (request) => [request.requestedAt], id: (request) => request.id, direction: 'ASC' },
      (request) => request,
    );
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => [MembershipNode], {
    nullable: true,
    description: 'BAM only; empty for other roles.',
    deprecationReason: 'Use membersConnection: the same memberships, in pages of at most 100.',
  })
  async members(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<MembershipNode[]> {
    requireSession(ctx);
    const membership = await activeViewerMembership(businessLoaders(ctx), node.id);
    if (!isActiveBam(membership)) return [];
    return (await membersOf(ctx.dataSource, node.id)).map(membershipNode);
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => MembershipConnection, {
    nullable: true,
    description:
      'The business’s employees and their roles, revoked memberships too: active ones first, then oldest granted first. Business account managers only; empty for other roles.',
  })
  async membersConnection(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<MembershipConnection> {
    requireSession(ctx);
    const loaders = businessLoaders(ctx);
    const membership = await activeViewerMembership(loaders, node.id);
    if (!isActiveBam(membership))
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const { dataSource } = ctx;
    const people = peopleColumns(dataSource, 'm.user_id');
    const page = await sqlListRows<Record<string, unknown>>(
      dataSource,
      {
        select: `${entityColumns(dataSource, BusinessMembership, 'm', 'm_')}, ${people.select}`,
        from: `business_membership m${people.join}`,
        where: 'm.business_id = :business',
        params: { business: node.id },
        // ACTIVE sorts before REVOKED, as in membersOf.
        order: {
          keys: [
            { sql: 'm.status', kind: 'text' },
            { sql: 'm.granted_at', kind: 'date' },
          ],
          id: 'm.id',
          direction: 'ASC',
        },
      },
      { first, after },
    );
    primePeople(dataSource, loaders, page.rows, (row) => String(row.m_user_id));
    return sqlListConnection(
      page.rows.map((row) => hydrate(dataSource, BusinessMembership, row, 'm_')!),
      page.size,
      (row) => ({ key: [row.status, row.grantedAt], id: row.id }),
      membershipNode,
      page.count,
    );
  }

  @FieldResolver(() => MembershipNode, {
    description: 'The viewer’s own membership (FORBIDDEN for an officer who is not a member).',
  })
  async viewerMembership(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<MembershipNode> {
    requireSession(ctx);
    const membership = await activeViewerMembership(businessLoaders(ctx), node.id);
    if (!membership) throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
    return membershipNode(membership);
  }
}

@Resolver(() => MembershipNode)
export class MembershipResolver {
  @FieldResolver(() => PersonSummary, {
    description: 'The member: name and email from their personal profile.',
  })
  person(@Root() membership: MembershipNode, @Ctx() ctx: AppContext): Promise<PersonSummary> {
    return personSummary(businessLoaders(ctx), membership.userId);
  }

  @FieldResolver(() => BusinessSummary, { description: 'The business the membership is of.' })
  async business(@Root() membership: MembershipNode, @Ctx() ctx: AppContext): Promise<BusinessSummary> {
    const loaders = businessLoaders(ctx);
    const business = await loaders.business.load(membership.businessId);
    if (!business) throw new AppError(ErrorCode.NOT_FOUND, 'errors.notFound');
    return summaryOf(await businessNode(loaders, business));
  }

  @FieldResolver(() => [ProgramAccountSummary], {
    description: 'Program accounts in scope; empty for a BAM (all accounts, including future ones).',
  })
  programAccounts(
    @Root() membership: MembershipNode,
    @Ctx() ctx: AppContext,
  ): Promise<ProgramAccountSummary[]> {
    return membershipScopeSummaries(businessLoaders(ctx), membership);
  }
}

@Resolver(() => AccessRequestNode)
export class AccessRequestResolver {
  @FieldResolver(() => BusinessSummary, { description: 'The business access is asked to: its BN9 and name.' })
  async business(@Root() request: AccessRequestNode, @Ctx() ctx: AppContext): Promise<BusinessSummary> {
    const loaders = businessLoaders(ctx);
    const business = await loaders.business.load(request.businessId);
    if (!business) throw new AppError(ErrorCode.NOT_FOUND, 'errors.notFound');
    return summaryOf(await businessNode(loaders, business));
  }

  @FieldResolver(() => PersonSummary, { description: 'The person asking to join.' })
  requester(@Root() request: AccessRequestNode, @Ctx() ctx: AppContext): Promise<PersonSummary> {
    return personSummary(businessLoaders(ctx), request.requesterId);
  }

  @FieldResolver(() => PersonSummary, {
    nullable: true,
    description:
      'The manager who approved or rejected it; null while PENDING or when the requester cancelled it.',
  })
  decidedBy(@Root() request: AccessRequestNode, @Ctx() ctx: AppContext): Promise<PersonSummary | null> {
    return request.decidedBy ? personSummary(businessLoaders(ctx), request.decidedBy) : Promise.resolve(null);
  }
}

@Resolver(() => Viewer)
export class ViewerBusinessesResolver {
  @FieldResolver(() => [MembershipNode], {
    description: 'Active memberships, one per business.',
    deprecationReason: 'Use membershipsConnection: the same memberships, in pages of at most 100.',
  })
  async memberships(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<MembershipNode[]> {
    return (await activeMembershipsOf(ctx.dataSource, viewer.id)).map(membershipNode);
  }

  @FieldResolver(() => MembershipConnection, {
    description: 'The person’s active memberships, one per business, oldest granted first.',
  })
  async membershipsConnection(
    @Root() viewer: Viewer,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<MembershipConnection> {
    const { dataSource } = ctx;
    const page = await sqlListRows<Record<string, unknown>>(
      dataSource,
      {
        select: entityColumns(dataSource, BusinessMembership, 'm', 'm_'),
        from: 'business_membership m',
        where: 'm.user_id = :user AND m.status = :active',
        params: { user: viewer.id, active: MembershipStatus.ACTIVE },
        order: { keys: [{ sql: 'm.granted_at', kind: 'date' }], id: 'm.id', direction: 'ASC' },
      },
      { first, after },
    );
    return sqlListConnection(
      page.rows.map((row) => hydrate(dataSource, BusinessMembership, row, 'm_')!),
      page.size,
      (row) => ({ key: [row.grantedAt], id: row.id }),
      membershipNode,
      page.count,
    );
  }

  @FieldResolver(() => BusinessNode, {
    nullable: true,
    description: 'The business the person is acting for (session’s choice; the first membership by default).',
  })
  async activeBusiness(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<BusinessNode | null> {
    const { session } = requireSession(ctx);
    const business = await activeBusinessOf(ctx.dataSource, session, viewer.id);
    return business ? businessNode(businessLoaders(ctx), business) : null;
  }

  @FieldResolver(() => [AccessRequestNode], {
    description: 'The person’s own access requests, newest first.',
    deprecationReason: 'Use accessRequestsConnection: the same requests, in pages of at most 100.',
  })
  accessRequests(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<AccessRequestNode[]> {
    return viewerAccessRequests(ctx.dataSource, viewer.id);
  }

  @FieldResolver(() => AccessRequestConnection, {
    description:
      'The person’s own requests to join businesses, whatever their status, newest first (each with its decision).',
  })
  async accessRequestsConnection(
    @Root() viewer: Viewer,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<AccessRequestConnection> {
    return listConnection(
      await viewerAccessRequests(ctx.dataSource, viewer.id),
      { first, after },
      { key: (request) => [request.requestedAt], id: (request) => request.id, direction: 'DESC' },
      (request) => request,
    );
  }

  @FieldResolver(() => BusinessRegistrationNode, {
    nullable: true,
    description: 'In-progress registration, if any.',
  })
  async businessRegistration(
    @Root() viewer: Viewer,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessRegistrationNode | null> {
    const registration = await inProgressRegistration(ctx.dataSource, viewer.id);
    return registration ? registrationNode(ctx, registration) : null;
  }
}
