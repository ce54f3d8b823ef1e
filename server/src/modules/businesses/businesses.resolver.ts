import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { requireSession, requireTermsAccepted } from '../sessions/session.guards.js';
import { Viewer } from '../users/viewer.type.js';
import { businessLoaders } from './business-loaders.js';
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
  visibleBusiness,
  visibleProgramAccounts,
} from './business-view.service.js';
import { type Business } from './businesses.entities.js';
import { activeBusinessOf, switchBusiness } from './businesses.service.js';
import {
  AccessRequestNode,
  BusinessNode,
  BusinessPayload,
  BusinessProfile,
  BusinessRegistrationNode,
  BusinessSummary,
  MembershipNode,
  PersonSummary,
  ProgramAccount,
  ProgramAccountSummary,
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
    description: 'A business the viewer is an active member of (officers: any); null otherwise.',
  })
  async business(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<BusinessNode | null> {
    const { user } = requireTermsAccepted(ctx);
    const loaders = businessLoaders(ctx);
    const business = await visibleBusiness(loaders, user, id);
    return business ? businessNode(loaders, business) : null;
  }

  @Mutation(() => BusinessPayload, {
    description: 'Chooses the business the person acts for in this session.',
  })
  async switchBusiness(
    @Arg('businessId', () => ID) businessId: string,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessPayload> {
    const { user, session } = requireTermsAccepted(ctx);
    const result = await switchBusiness(ctx.dataSource, session, user.id, businessId);
    return result.ok
      ? { business: await businessNode(businessLoaders(ctx), result.business), userErrors: [] }
      : { business: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }

  @FieldResolver(() => BusinessProfile)
  async profile(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<BusinessProfile> {
    return businessProfile(businessLoaders(ctx), await entityOf(ctx, node));
  }

  @FieldResolver(() => [ProgramAccount], {
    description: 'Program accounts the viewer may see (all for a BAM, the scope otherwise).',
  })
  async programAccounts(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<ProgramAccount[]> {
    const { user } = requireSession(ctx);
    return visibleProgramAccounts(businessLoaders(ctx), user, await entityOf(ctx, node));
  }

  @FieldResolver(() => [AccessRequestNode], {
    description: 'BAM and PAM only (PAM: requests for their programs); empty for other roles.',
  })
  async pendingAccessRequests(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
  ): Promise<AccessRequestNode[]> {
    requireSession(ctx);
    const membership = await activeViewerMembership(businessLoaders(ctx), node.id);
    return membership ? pendingAccessRequestsOf(ctx.dataSource, membership) : [];
  }

  @FieldResolver(() => [MembershipNode], { description: 'BAM only; empty for other roles.' })
  async members(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<MembershipNode[]> {
    requireSession(ctx);
    const membership = await activeViewerMembership(businessLoaders(ctx), node.id);
    if (!isActiveBam(membership)) return [];
    return (await membersOf(ctx.dataSource, node.id)).map(membershipNode);
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
  @FieldResolver(() => PersonSummary)
  person(@Root() membership: MembershipNode, @Ctx() ctx: AppContext): Promise<PersonSummary> {
    return personSummary(businessLoaders(ctx), membership.userId);
  }

  @FieldResolver(() => BusinessSummary)
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
  @FieldResolver(() => BusinessSummary)
  async business(@Root() request: AccessRequestNode, @Ctx() ctx: AppContext): Promise<BusinessSummary> {
    const loaders = businessLoaders(ctx);
    const business = await loaders.business.load(request.businessId);
    if (!business) throw new AppError(ErrorCode.NOT_FOUND, 'errors.notFound');
    return summaryOf(await businessNode(loaders, business));
  }

  @FieldResolver(() => PersonSummary)
  requester(@Root() request: AccessRequestNode, @Ctx() ctx: AppContext): Promise<PersonSummary> {
    return personSummary(businessLoaders(ctx), request.requesterId);
  }

  @FieldResolver(() => PersonSummary, { nullable: true })
  decidedBy(@Root() request: AccessRequestNode, @Ctx() ctx: AppContext): Promise<PersonSummary | null> {
    return request.decidedBy ? personSummary(businessLoaders(ctx), request.decidedBy) : Promise.resolve(null);
  }
}

@Resolver(() => Viewer)
export class ViewerBusinessesResolver {
  @FieldResolver(() => [MembershipNode], { description: 'Active memberships, one per business.' })
  async memberships(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<MembershipNode[]> {
    return (await activeMembershipsOf(ctx.dataSource, viewer.id)).map(membershipNode);
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
  })
  accessRequests(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<AccessRequestNode[]> {
    return viewerAccessRequests(ctx.dataSource, viewer.id);
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
