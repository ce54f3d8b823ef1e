import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, ActorKind } from '../../common/auth/access-table.js';
import {
  clientOfRelationship,
  providerFromInput,
  providerOfRelationship,
  readerSideOfRelationship,
  sideOfRelationship,
} from './access-owners.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import { AFTER_ARG, CURSOR_ARG, FIRST_ARG } from '../../common/graphql/list-connection.js';
import { sqlChildListRows, sqlListConnection } from '../../common/graphql/sql-list-page.js';
import { requireSession, requireTermsAccepted } from '../sessions/session.guards.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import {
  activeViewerMembership,
  businessNode,
  personSummary,
  scopeOf,
} from '../businesses/business-view.service.js';
import {
  BusinessNode,
  BusinessRole,
  BusinessSummary,
  PersonSummary,
  ProgramAccountSummary,
} from '../businesses/businesses.types.js';
import { relationshipLoaders } from './relationship-loaders.js';
import { BusinessRelationship, RelationshipEvent } from './relationships.entities.js';
import {
  cancelRelationship,
  decideRelationship,
  endRelationship,
  type RelationshipResult,
  requestRelationship,
  requestRelationships,
} from './relationships.service.js';
import { type RelationshipList, relationshipConnection, relationshipNode } from './relationships.view.js';
import {
  BusinessRelationshipConnection,
  BusinessRelationshipNode,
  DecideRelationshipInput,
  RelationshipEventConnection,
  RelationshipEventNode,
  RelationshipPayload,
  RelationshipStatus,
  RelationshipType,
  RequestRelationshipInput,
  RequestRelationshipsInput,
  RequestRelationshipsPayload,
} from './relationships.types.js';

function relationshipPayload(ctx: AppContext, result: RelationshipResult): RelationshipPayload {
  return result.ok
    ? { relationship: relationshipNode(result.relationship, ctx.config.now()), userErrors: [] }
    : { relationship: null, userErrors: toUserErrors(result.problems, ctx.t) };
}

function eventNode(row: RelationshipEvent): RelationshipEventNode {
  return { id: row.id, type: row.type, occurredAt: row.occurredAt, detail: row.detail, actorId: row.actorId };
}

async function summaryOf(ctx: AppContext, businessId: string): Promise<BusinessSummary> {
  const loaders = businessLoaders(ctx);
  const business = await loaders.business.load(businessId);
  if (!business) throw new AppError(ErrorCode.NOT_FOUND, 'errors.notFound');
  const node = await businessNode(loaders, business);
  return { id: node.id, businessNumber: node.businessNumber, name: node.name };
}

@Resolver()
export class RelationshipsResolver {
  @Access(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.VIEW, { owner: readerSideOfRelationship })
  @Query(() => BusinessRelationshipNode, {
    nullable: true,
    description:
      'One relationship, by id, for the BAM of either side, or a PAM of the client when it concerns their programs (as in the lists); FORBIDDEN otherwise.',
  })
  async relationship(
    @Arg('id', () => ID, { description: 'The relationship’s id.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessRelationshipNode | null> {
    requireTermsAccepted(ctx);
    const row = await ctx.dataSource.getRepository(BusinessRelationship).findOneBy({ id });
    if (!row) return null;
    const loaders = businessLoaders(ctx);
    const [client, provider] = await Promise.all([
      activeViewerMembership(loaders, row.clientBusinessId),
      activeViewerMembership(loaders, row.providerBusinessId),
    ]);
    const bam = BusinessRole.BUSINESS_ACCOUNT_MANAGER;
    if (client?.role === bam || provider?.role === bam) return relationshipNode(row, ctx.config.now());
    if (client?.role === BusinessRole.PROGRAM_ACCOUNT_MANAGER) {
      // As in the client's lists: never accepted, business management, or naming one of their programs.
      const scope = (await scopeOf(loaders, client)) ?? new Set<string>();
      const covered = await relationshipLoaders(ctx).programAccounts.load(row.id);
      if (
        row.type !== RelationshipType.PROGRAM_MANAGEMENT ||
        covered.some((a) => scope.has(a.programAccountId))
      )
        return relationshipNode(row, ctx.config.now());
    }
    throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
  }

  @Access(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.EDIT, { owner: providerFromInput })
  @Mutation(() => RelationshipPayload, {
    description: 'The provider’s BAM asks a client (by BN) for a business relationship.',
  })
  async requestRelationship(
    @Arg('input', () => RequestRelationshipInput, {
      description: 'The provider, the client’s business number and an optional message.',
    })
    input: RequestRelationshipInput,
    @Ctx() ctx: AppContext,
  ): Promise<RelationshipPayload> {
    const { user } = requireTermsAccepted(ctx);
    return relationshipPayload(ctx, await requestRelationship(ctx.dataSource, ctx.config, user.id, input));
  }

  @Access(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.EDIT, { owner: providerFromInput })
  @Mutation(() => RequestRelationshipsPayload, {
    description: 'requestRelationship for up to 50 BNs, answered per BN.',
  })
  async requestRelationships(
    @Arg('input', () => RequestRelationshipsInput, {
      description: 'The provider, the clients’ business numbers and an optional message.',
    })
    input: RequestRelationshipsInput,
    @Ctx() ctx: AppContext,
  ): Promise<RequestRelationshipsPayload> {
    const { user } = requireTermsAccepted(ctx);
    const result = await requestRelationships(ctx.dataSource, ctx.config, user.id, input);
    if (!result.ok) return { results: [], userErrors: toUserErrors(result.problems, ctx.t) };
    return {
      results: result.results.map(({ businessNumber, result: one }) => ({
        businessNumber,
        ...relationshipPayload(ctx, one),
      })),
      userErrors: [],
    };
  }

  @Access(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.EDIT, { owner: clientOfRelationship })
  @Mutation(() => RelationshipPayload, {
    description:
      'The client’s BAM (or PAM: program management within their scope) approves with a type, or rejects with a reason.',
  })
  async decideRelationship(
    @Arg('input', () => DecideRelationshipInput, { description: 'The request and the client’s decision.' })
    input: DecideRelationshipInput,
    @Ctx() ctx: AppContext,
  ): Promise<RelationshipPayload> {
    const { user } = requireTermsAccepted(ctx);
    return relationshipPayload(ctx, await decideRelationship(ctx.dataSource, ctx.config, user.id, input));
  }

  @Access(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.EDIT, { owner: providerOfRelationship })
  @Mutation(() => RelationshipPayload, { description: 'The provider’s BAM withdraws a pending request.' })
  async cancelRelationship(
    @Arg('relationshipId', () => ID, { description: 'The pending request to withdraw.' })
    relationshipId: string,
    @Ctx() ctx: AppContext,
  ): Promise<RelationshipPayload> {
    const { user } = requireTermsAccepted(ctx);
    return relationshipPayload(
      ctx,
      await cancelRelationship(ctx.dataSource, ctx.config, user.id, relationshipId),
    );
  }

  @Access(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.EDIT, { owner: sideOfRelationship })
  @Mutation(() => RelationshipPayload, { description: 'Either side’s BAM ends an active relationship.' })
  async endRelationship(
    @Arg('relationshipId', () => ID, { description: 'The active relationship to end.' })
    relationshipId: string,
    @Ctx() ctx: AppContext,
  ): Promise<RelationshipPayload> {
    const { user } = requireTermsAccepted(ctx);
    return relationshipPayload(
      ctx,
      await endRelationship(ctx.dataSource, ctx.config, user.id, relationshipId),
    );
  }
}

/** The access table's kinds for a business's own people. */
/** `first` of the relationship lists, as published (25 unless asked). */
const firstArg = { nullable: true, defaultValue: 25, description: '1 to 100.' } as const;

const ownKinds = new Set<ActorKind>([
  ActorKind.BUSINESS_ACCOUNT_MANAGER,
  ActorKind.PROGRAM_ACCOUNT_MANAGER,
  ActorKind.EDITOR,
  ActorKind.READER,
]);

@Resolver(() => BusinessRelationshipNode)
export class BusinessRelationshipResolver {
  @FieldResolver(() => BusinessSummary, { description: 'The service provider that asked.' })
  provider(@Root() node: BusinessRelationshipNode, @Ctx() ctx: AppContext): Promise<BusinessSummary> {
    return summaryOf(ctx, node.providerBusinessId);
  }

  @FieldResolver(() => BusinessSummary, { description: 'The client business asked.' })
  client(@Root() node: BusinessRelationshipNode, @Ctx() ctx: AppContext): Promise<BusinessSummary> {
    return summaryOf(ctx, node.clientBusinessId);
  }

  @FieldResolver(() => [ProgramAccountSummary], {
    description:
      'PROGRAM_MANAGEMENT: the accounts covered. Empty otherwise (business management: every account).',
  })
  async programAccounts(
    @Root() node: BusinessRelationshipNode,
    @Ctx() ctx: AppContext,
  ): Promise<ProgramAccountSummary[]> {
    const rows = await relationshipLoaders(ctx).programAccounts.load(node.id);
    const loaders = businessLoaders(ctx);
    // The client's own people see only the accounts in their scope (a PAM of RM0001 does not learn of RT0001
    // through a relationship); the provider's side sees what the relationship covers.
    const own = (await ctx.access.standing(node.clientBusinessId)).grants.find((grant) =>
      ownKinds.has(grant.kind),
    );
    const scope = own?.scope ?? 'ALL';
    const accounts = await Promise.all(
      rows
        .filter((row) => scope === 'ALL' || scope.has(row.programAccountId))
        .map((row) => loaders.programAccount.load(row.programAccountId)),
    );
    return accounts
      .filter((account) => account !== null)
      .sort((a, b) => a.accountNumber.localeCompare(b.accountNumber))
      .map((account) => ({ id: account.id, accountNumber: account.accountNumber, name: account.name }));
  }

  @FieldResolver(() => [RelationshipEventNode], {
    description: 'Oldest first: who did what, when.',
    deprecationReason: 'Use timelineConnection: the same events, in pages of at most 100.',
  })
  async timeline(
    @Root() node: BusinessRelationshipNode,
    @Ctx() ctx: AppContext,
  ): Promise<RelationshipEventNode[]> {
    return (await relationshipLoaders(ctx).timeline.load(node.id)).map(eventNode);
  }

  @FieldResolver(() => RelationshipEventConnection, {
    description:
      'Who did what to the relationship and when (requested, accepted, rejected, cancelled, expired, ended), oldest first. Seen by whoever may see the relationship.',
  })
  async timelineConnection(
    @Root() node: BusinessRelationshipNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<RelationshipEventConnection> {
    // Paged in SQL for every relationship of the request at once (ROW_NUMBER per relationship).
    const { dataSource } = ctx;
    const page = await sqlChildListRows<Record<string, unknown>>(
      ctx,
      'relationship.timeline',
      {
        select: entityColumns(dataSource, RelationshipEvent, 'e', 'e_'),
        from: 'relationship_event e',
        where: '1 = 1',
        params: {},
        parent: 'e.relationship_id',
        order: { keys: [{ sql: 'e.occurred_at', kind: 'date' }], id: 'e.id', direction: 'ASC' },
      },
      node.id,
      { first, after },
    );
    return sqlListConnection(
      page.rows.map((row) => hydrate(dataSource, RelationshipEvent, row, 'e_')!),
      page.size,
      (event) => ({ key: [event.occurredAt], id: event.id }),
      eventNode,
      page.count,
    );
  }
}

@Resolver(() => RelationshipEventNode)
export class RelationshipEventResolver {
  @FieldResolver(() => PersonSummary, { nullable: true, description: 'Null for the system (expiry).' })
  actor(@Root() event: RelationshipEventNode, @Ctx() ctx: AppContext): Promise<PersonSummary | null> {
    return event.actorId ? personSummary(businessLoaders(ctx), event.actorId) : Promise.resolve(null);
  }
}

@Resolver(() => BusinessRelationshipConnection)
export class BusinessRelationshipConnectionResolver {
  @FieldResolver(() => Int, { description: 'Every item of the list, not only this page.' })
  totalCount(@Root() connection: BusinessRelationshipConnection): Promise<number> {
    return connection.count();
  }
}

async function listOf(
  ctx: AppContext,
  node: BusinessNode,
  list: RelationshipList,
  options: { status?: RelationshipStatus | null; first?: number | null; after?: string | null },
): Promise<BusinessRelationshipConnection> {
  requireSession(ctx);
  const loaders = businessLoaders(ctx);
  const membership = await activeViewerMembership(loaders, node.id);
  const scope = membership ? await scopeOf(loaders, membership) : null;
  return relationshipConnection(
    ctx.dataSource,
    ctx.config.now(),
    node.id,
    { membership, scope },
    list,
    options,
  );
}

@Resolver(() => BusinessNode)
export class BusinessRelationshipsResolver {
  @Access(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => BusinessRelationshipConnection, {
    nullable: true,
    description:
      'Requests this business sent as a service provider, newest first. BAM only (else FORBIDDEN).',
  })
  sentRelationships(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('status', () => RelationshipStatus, {
      nullable: true,
      description: 'Only requests in this status; omit for all.',
    })
    status: RelationshipStatus | null,
    @Arg('first', () => Int, firstArg) first: number | null,
    @Arg('after', () => String, CURSOR_ARG) after: string | null,
  ): Promise<BusinessRelationshipConnection> {
    return listOf(ctx, node, 'SENT', { status, first, after });
  }

  @Access(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => BusinessRelationshipConnection, {
    nullable: true,
    description:
      'Requests this business received as a client, newest first. BAM; PAM for those concerning their programs (else FORBIDDEN).',
  })
  receivedRelationships(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('status', () => RelationshipStatus, {
      nullable: true,
      description: 'Only requests in this status; omit for all.',
    })
    status: RelationshipStatus | null,
    @Arg('first', () => Int, firstArg) first: number | null,
    @Arg('after', () => String, CURSOR_ARG) after: string | null,
  ): Promise<BusinessRelationshipConnection> {
    return listOf(ctx, node, 'RECEIVED', { status, first, after });
  }

  @Access(AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => BusinessRelationshipConnection, {
    nullable: true,
    description:
      'ACCEPTED relationships where this business is the provider or the client. BAM; PAM for those concerning their programs (else FORBIDDEN).',
  })
  activeRelationships(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, firstArg) first: number | null,
    @Arg('after', () => String, CURSOR_ARG) after: string | null,
  ): Promise<BusinessRelationshipConnection> {
    return listOf(ctx, node, 'ACTIVE', { first, after });
  }
}
