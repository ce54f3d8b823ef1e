import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import {
  businessFromInput,
  businessOfAccessRequest,
  businessOfMembership,
  businessOfMembershipInput,
} from './access-owners.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { requireSession, requireTermsAccepted } from '../sessions/session.guards.js';
import { accessRequestNode } from './access-requests.view.js';
import {
  cancelAccessRequest,
  decideAccessRequest,
  employerPreview,
  requestEmployerAccess,
} from './access-requests.service.js';
import { businessLoaders } from './business-loaders.js';
import { businessNode, membershipNode } from './business-view.service.js';
import {
  AccessRequestPayload,
  BusinessPayload,
  ChangeMembershipInput,
  DecideAccessRequestInput,
  EmployerPreview,
  MembershipPayload,
  RequestEmployerAccessInput,
  UpdateBusinessSettingsInput,
} from './businesses.types.js';
import { changeMembership, revokeMembership, updateBusinessSettings } from './memberships.service.js';
import { type Problem } from '../../common/errors/problems.js';
import { type AccessRequest, type BusinessMembership } from './businesses.entities.js';

type Result<K extends string, V> = ({ ok: true } & Record<K, V>) | { ok: false; problems: Problem[] };

function accessPayload(ctx: AppContext, result: Result<'request', AccessRequest>): AccessRequestPayload {
  return result.ok
    ? { accessRequest: accessRequestNode(result.request), userErrors: [] }
    : { accessRequest: null, userErrors: toUserErrors(result.problems, ctx.t) };
}

function membershipPayload(
  ctx: AppContext,
  result: Result<'membership', BusinessMembership>,
): MembershipPayload {
  return result.ok
    ? { membership: membershipNode(result.membership), userErrors: [] }
    : { membership: null, userErrors: toUserErrors(result.problems, ctx.t) };
}

@Resolver()
export class EmployeesResolver {
  @Query(() => EmployerPreview, {
    nullable: true,
    description: 'Signed-in only; throttled. Null when the BN is not registered on the portal.',
  })
  employerPreview(
    @Arg('businessNumber', () => String, { description: 'The 9-digit business number of the employer.' })
    businessNumber: string,
    @Ctx() ctx: AppContext,
  ): Promise<EmployerPreview | null> {
    const { user } = requireSession(ctx);
    return employerPreview(ctx.dataSource, ctx.config, user.id, businessNumber);
  }

  @Mutation(() => AccessRequestPayload, {
    description: 'A signed-in person asks an employer (by BN) for access to its business on the portal.',
  })
  async requestEmployerAccess(
    @Arg('input', () => RequestEmployerAccessInput, {
      description: 'The employer’s business number and the reason for asking.',
    })
    input: RequestEmployerAccessInput,
    @Ctx() ctx: AppContext,
  ): Promise<AccessRequestPayload> {
    const { user } = requireTermsAccepted(ctx);
    return accessPayload(ctx, await requestEmployerAccess(ctx.dataSource, ctx.config, user.id, input));
  }

  @Mutation(() => AccessRequestPayload, {
    description: 'The requester withdraws their pending access request.',
  })
  async cancelAccessRequest(
    @Arg('requestId', () => ID, { description: 'The caller’s pending access request.' }) requestId: string,
    @Ctx() ctx: AppContext,
  ): Promise<AccessRequestPayload> {
    const { user } = requireTermsAccepted(ctx);
    return accessPayload(ctx, await cancelAccessRequest(ctx.dataSource, ctx.config, user.id, requestId));
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: businessOfAccessRequest })
  @Mutation(() => AccessRequestPayload)
  async decideAccessRequest(
    @Arg('input', () => DecideAccessRequestInput, { description: 'The request and the decision.' })
    input: DecideAccessRequestInput,
    @Ctx() ctx: AppContext,
  ): Promise<AccessRequestPayload> {
    const { user } = requireTermsAccepted(ctx);
    return accessPayload(ctx, await decideAccessRequest(ctx.dataSource, ctx.config, user.id, input));
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: businessOfMembershipInput })
  @Mutation(() => MembershipPayload)
  async changeMembership(
    @Arg('input', () => ChangeMembershipInput, {
      description: 'The membership, its new role and, for a program role, its program accounts.',
    })
    input: ChangeMembershipInput,
    @Ctx() ctx: AppContext,
  ): Promise<MembershipPayload> {
    const { user } = requireTermsAccepted(ctx);
    return membershipPayload(ctx, await changeMembership(ctx.dataSource, ctx.config, user.id, input));
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.EDIT, { owner: businessOfMembership })
  @Mutation(() => MembershipPayload)
  async revokeMembership(
    @Arg('membershipId', () => ID, { description: 'The membership to revoke.' }) membershipId: string,
    @Ctx() ctx: AppContext,
  ): Promise<MembershipPayload> {
    const { user } = requireTermsAccepted(ctx);
    return membershipPayload(ctx, await revokeMembership(ctx.dataSource, ctx.config, user.id, membershipId));
  }

  @Access(AccessArea.BUSINESS_PROFILE, AccessAction.EDIT, { owner: businessFromInput })
  @Mutation(() => BusinessPayload, { description: 'BAM only: business activity and contacts.' })
  async updateBusinessSettings(
    @Arg('input', () => UpdateBusinessSettingsInput, {
      description: 'The business and its new activity and contacts.',
    })
    input: UpdateBusinessSettingsInput,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessPayload> {
    const { user } = requireTermsAccepted(ctx);
    const result = await updateBusinessSettings(ctx.dataSource, ctx.config, user.id, input);
    return result.ok
      ? { business: await businessNode(businessLoaders(ctx), result.business), userErrors: [] }
      : { business: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }
}
