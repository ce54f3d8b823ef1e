import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { decodeCursor, keysetBefore, pageSize, toConnectionPage } from '../../common/graphql/connection.js';
import { AFTER_ARG, FIRST_ARG, listConnection } from '../../common/graphql/list-connection.js';
import { requireOfficer, requireTermsAccepted } from '../sessions/session.guards.js';
import {
  registryBusinessByNumber,
  type RegistryBusiness,
  searchRegistryBusinesses,
} from '../registry/registry-lookups.service.js';
import {
  issueActivationKey,
  redeemActivationKey,
  unlockBusinessRegistration,
} from './activation-keys.service.js';
import { parseAuditDetails } from './business-audit.service.js';
import { businessLoaders } from './business-loaders.js';
import { businessNode, personSummary } from './business-view.service.js';
import { type ActivationKey, BusinessAuditEvent } from './businesses.entities.js';
import {
  ActivationKeySummary,
  ActivationKeySummaryConnection,
  BusinessAuditEventConnection,
  BusinessAuditEventNode,
  BusinessPayload,
  BusinessSummary,
  IssueActivationKeyInput,
  IssueActivationKeyPayload,
  OfficerBusinessPayload,
  OfficerBusinessView,
  PersonSummary,
} from './businesses.types.js';

export const OFFICER_SEARCH_MAX = 20;
export const AUDIT_TRAIL_MAX = 200;

function activationKeySummary(key: ActivationKey): ActivationKeySummary {
  const { id, contactName, issuedAt, expiresAt, usedAt } = key;
  return { id, contactName, issuedAt, expiresAt, usedAt };
}

function viewOf(registry: RegistryBusiness): OfficerBusinessView {
  return {
    businessNumber: registry.businessNumber,
    legalName: registry.legalName,
    registryBusinessId: registry.id,
  };
}

@Resolver(() => OfficerBusinessView)
export class OfficerBusinessesResolver {
  @Query(() => [OfficerBusinessView], {
    description: 'OFFICER only: search registry businesses by BN or name (max 20).',
  })
  async officerBusinessSearch(
    @Arg('query', () => String, {
      description: 'A business number (or its beginning) or part of a legal name.',
    })
    query: string,
    @Ctx() ctx: AppContext,
  ): Promise<OfficerBusinessView[]> {
    requireOfficer(ctx);
    return (await searchRegistryBusinesses(ctx.dataSource, query, OFFICER_SEARCH_MAX)).map(viewOf);
  }

  @Query(() => OfficerBusinessView, { nullable: true, description: 'OFFICER only.' })
  async officerBusiness(
    @Arg('businessNumber', () => String, { description: 'The 9-digit business number.' })
    businessNumber: string,
    @Ctx() ctx: AppContext,
  ): Promise<OfficerBusinessView | null> {
    requireOfficer(ctx);
    const registry = await registryBusinessByNumber(ctx.dataSource, businessNumber.trim());
    return registry ? viewOf(registry) : null;
  }

  @Mutation(() => IssueActivationKeyPayload, { description: 'OFFICER only.' })
  async issueActivationKey(
    @Arg('input', () => IssueActivationKeyInput, {
      description: 'The business number and the contact the key is for.',
    })
    input: IssueActivationKeyInput,
    @Ctx() ctx: AppContext,
  ): Promise<IssueActivationKeyPayload> {
    const { user } = requireOfficer(ctx);
    const result = await issueActivationKey(ctx.dataSource, ctx.config, user.id, input);
    return result.ok
      ? {
          activationKey: {
            key: result.key,
            businessNumber: result.businessNumber,
            contactName: result.contactName,
            expiresAt: result.expiresAt,
          },
          userErrors: [],
        }
      : { activationKey: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }

  @Mutation(() => OfficerBusinessPayload, { description: 'OFFICER only.' })
  async unlockBusinessRegistration(
    @Arg('businessNumber', () => String, {
      description: 'The 9-digit business number whose registration is locked.',
    })
    businessNumber: string,
    @Ctx() ctx: AppContext,
  ): Promise<OfficerBusinessPayload> {
    const { user } = requireOfficer(ctx);
    const result = await unlockBusinessRegistration(ctx.dataSource, ctx.config, user.id, businessNumber);
    return result.ok
      ? { view: viewOf(result.registry), userErrors: [] }
      : { view: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }

  @Mutation(() => BusinessPayload, {
    description:
      'Redeems an activation key: the person becomes a BAM of its business (registered if needed).',
  })
  async redeemActivationKey(
    @Arg('key', () => String, { description: 'The activation key, as received.' }) key: string,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessPayload> {
    const { user } = requireTermsAccepted(ctx);
    const result = await redeemActivationKey(ctx.dataSource, ctx.config, user.id, key);
    return result.ok
      ? { business: await businessNode(businessLoaders(ctx), result.business), userErrors: [] }
      : { business: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }

  @FieldResolver(() => BusinessSummary, {
    nullable: true,
    description: 'Null until registered on the portal.',
  })
  async business(@Root() view: OfficerBusinessView, @Ctx() ctx: AppContext): Promise<BusinessSummary | null> {
    const loaders = businessLoaders(ctx);
    const business = await loaders.businessOfRegistry.load(view.registryBusinessId);
    if (!business) return null;
    const node = await businessNode(loaders, business);
    return { id: node.id, businessNumber: node.businessNumber, name: node.name };
  }

  @FieldResolver(() => Int, {
    description: 'Failed registration attempts so far (steps 2 and 3 together); registration locks at 10.',
  })
  async registrationFailedAttempts(
    @Root() view: OfficerBusinessView,
    @Ctx() ctx: AppContext,
  ): Promise<number> {
    return (await businessLoaders(ctx).registrationLock.load(view.registryBusinessId))?.failedAttempts ?? 0;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether registration is locked after too many failed attempts (an officer can unlock it).',
  })
  async registrationLocked(@Root() view: OfficerBusinessView, @Ctx() ctx: AppContext): Promise<boolean> {
    return (await businessLoaders(ctx).registrationLock.load(view.registryBusinessId))?.lockedAt != null;
  }

  @FieldResolver(() => [ActivationKeySummary], {
    description: 'Activation keys issued for the business, newest first (the keys themselves are not shown).',
    deprecationReason: 'Use activationKeysConnection: the same keys, in pages of at most 100.',
  })
  async activationKeys(
    @Root() view: OfficerBusinessView,
    @Ctx() ctx: AppContext,
  ): Promise<ActivationKeySummary[]> {
    return (await businessLoaders(ctx).activationKeys.load(view.registryBusinessId)).map(
      activationKeySummary,
    );
  }

  @FieldResolver(() => ActivationKeySummaryConnection, {
    description:
      'Activation keys issued for the business, newest first, used or not (the keys themselves are never shown again).',
  })
  async activationKeysConnection(
    @Root() view: OfficerBusinessView,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<ActivationKeySummaryConnection> {
    return listConnection(
      await this.activationKeys(view, ctx),
      { first, after },
      { key: (key) => [key.issuedAt], id: (key) => key.id, direction: 'DESC' },
      (key) => key,
    );
  }

  @FieldResolver(() => [BusinessAuditEventNode], {
    description: 'Audit trail of the business (newest first).',
    deprecationReason: 'Use auditTrailConnection: the same events, in pages of at most 100 with cursors.',
  })
  async auditTrail(
    @Root() view: OfficerBusinessView,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'The most events to return.' })
    first: number | null,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessAuditEventNode[]> {
    const take = first ?? 50;
    if (take < 0 || take > AUDIT_TRAIL_MAX) throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest');
    const rows = await ctx.dataSource.getRepository(BusinessAuditEvent).find({
      where: { registryBusinessId: view.registryBusinessId },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take,
    });
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      occurredAt: row.occurredAt,
      detail: row.detail,
      details: parseAuditDetails(row.detail),
      actorId: row.actorId,
    }));
  }

  @FieldResolver(() => BusinessAuditEventConnection, {
    description:
      'The business’s audit trail (registration attempts and locks, activation keys, registration, officer actions), newest first, for agency officers. Read in SQL by keyset: the trail only grows.',
  })
  async auditTrailConnection(
    @Root() view: OfficerBusinessView,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<BusinessAuditEventConnection> {
    const size = pageSize(first);
    const query = ctx.dataSource
      .getRepository(BusinessAuditEvent)
      .createQueryBuilder('e')
      .where('e.registry_business_id = :registryBusinessId', { registryBusinessId: view.registryBusinessId });
    const totalCount = await query.clone().getCount();
    if (after) {
      const keyset = keysetBefore('e.occurred_at', 'e.id', decodeCursor(after));
      query.andWhere(keyset.sql, keyset.params);
    }
    const rows = await query
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(size + 1)
      .getMany();
    return {
      ...toConnectionPage(
        rows,
        size,
        (row) => ({ at: row.occurredAt, id: row.id }),
        (row) => ({
          id: row.id,
          type: row.type,
          occurredAt: row.occurredAt,
          detail: row.detail,
          details: parseAuditDetails(row.detail),
          actorId: row.actorId,
        }),
      ),
      totalCount,
    };
  }
}

@Resolver(() => BusinessAuditEventNode)
export class BusinessAuditEventResolver {
  @FieldResolver(() => PersonSummary, {
    nullable: true,
    description: 'Who did it: the registrant or the officer; null for the system.',
  })
  actor(@Root() event: BusinessAuditEventNode, @Ctx() ctx: AppContext): Promise<PersonSummary | null> {
    return event.actorId ? personSummary(businessLoaders(ctx), event.actorId) : Promise.resolve(null);
  }
}
