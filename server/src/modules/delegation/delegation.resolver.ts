import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/graphql/page-args.js';
import { type AppContext } from '../../app/context.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, ActorKind, decideAccess } from '../../common/auth/access-table.js';
import { standingsFromRows, type StandingRow } from '../access/standing-source.js';
import { BusinessRole } from '../businesses/businesses.types.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { findApiToken } from '../api-tokens/api-tokens.service.js';
import { tokenNode } from '../api-tokens/api-tokens.resolver.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { businessNode, visibleBusiness } from '../businesses/business-view.service.js';
import { activeBusinessOf } from '../businesses/businesses.service.js';
import { BusinessNode } from '../businesses/businesses.types.js';
import { readerSideOfRelationship } from '../relationships/access-owners.js';
import { findRelationship } from '../relationships/relationships.queries.js';
import { RelationshipsResolver } from '../relationships/relationships.resolver.js';
import { relationshipNode } from '../relationships/relationships.view.js';
import { encodeCursor, pageSize } from '../../common/graphql/connection.js';
import { requireTermsAccepted } from '../sessions/session.guards.js';
import { clientAccessPage, delegationPage } from './delegation.service.js';
import { ClientAccessConnection, type ClientAccessNode, DelegationConnection } from './delegation.types.js';
import { asNode, NodeInterface } from '../../common/graphql/node.type.js';
import { messagingNode } from '../messaging/messaging.resolver.js';

@Resolver()
export class DelegationQueryResolver {
  @Query(() => BusinessNode, {
    nullable: true,
    description:
      'The business the caller acts for: an API token’s business, or the business chosen in a browser session (switchBusiness; else the first). Null when signed out or without a business.',
  })
  async viewerBusiness(@Ctx() ctx: AppContext): Promise<BusinessNode | null> {
    const active = ctx.session.current;
    if (!active) return null;
    const loaders = businessLoaders(ctx);
    const token = ctx.session.apiToken;
    if (!token) {
      // A browser session: the same business as me.activeBusiness, the session's choice while the person
      // is still an active member of it, else the first active membership (a session starts with none).
      const business = await activeBusinessOf(ctx.dataSource, active.session, active.user.id);
      return business ? businessNode(loaders, business) : null;
    }
    const business = await loaders.business.load(token.token.businessId);
    return business ? businessNode(loaders, business) : null;
  }

  @Query(() => NodeInterface, {
    nullable: true,
    description:
      'Any object with a global id (Business, BusinessRelationship, ApiToken, MessageThread, Letter), if the caller may see it; null otherwise (unknown or out of reach alike).',
  })
  async node(
    @Arg('id', () => ID, { description: 'A global id, as returned by any `id` field of a Node.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<NodeInterface | null> {
    requireTermsAccepted(ctx);
    const loaders = businessLoaders(ctx);
    const [business, relationship, token] = await Promise.all([
      visibleBusiness(loaders, (businessId) => ctx.access.standing(businessId), id),
      findRelationship(ctx.dataSource, id),
      findApiToken(ctx.dataSource, id),
    ]);
    if (business) return asNode(await businessNode(loaders, business), 'Business');
    if (relationship) {
      // The same rule and checks as relationship(id:), run here because node() is not guarded itself.
      const owner = await readerSideOfRelationship({ id }, ctx);
      if (!owner) return null;
      const standing = await ctx.access.standing(owner.businessId);
      if (!decideAccess(standing, AccessArea.RELATIONSHIP_MANAGEMENT, AccessAction.VIEW, owner)) return null;
      try {
        const node = await new RelationshipsResolver().relationship(id, ctx);
        return node ? asNode(node, 'BusinessRelationship') : null;
      } catch (error) {
        if (error instanceof AppError && error.code === ErrorCode.FORBIDDEN) return null;
        throw error;
      }
    }
    if (!business && !relationship && !token) return messagingNode(ctx, id);
    if (token && !ctx.session.apiToken) {
      const standing = await ctx.access.standing(token.businessId);
      if (!standing.grants.some((g) => g.kind === ActorKind.BUSINESS_ACCOUNT_MANAGER)) return null;
      return asNode(tokenNode(token, [], ctx.config.now()), 'ApiToken');
    }
    return null;
  }
}

@Resolver(() => BusinessNode)
export class BusinessDelegationResolver {
  @Access(AccessArea.BUSINESS_IDENTITY, AccessAction.VIEW)
  @FieldResolver(() => ClientAccessConnection, {
    nullable: true,
    description:
      'For a service provider: the clients the caller can act for through it (accepted relationship; the provider’s BAM or an API token of the provider: every client, or a token’s client groups; an employee: their assigned clients), with the type and the program accounts in scope. Most recently accepted first.',
  })
  async clients(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<ClientAccessConnection> {
    requireTermsAccepted(ctx);
    const loaders = businessLoaders(ctx);
    const page = await clientAccessPage(ctx, node.id, pageSize(first), after);
    const token = ctx.session.apiToken;
    const now = ctx.config.now();
    const nodes = await Promise.all(
      page.rows.map(
        async ({ relationship, client, registry, programAccounts }): Promise<ClientAccessNode> => {
          // What the page's statement read is what the client's fields need: no second statement for them.
          loaders.business.prime(client.id, client);
          if (registry) loaders.registryBusiness.prime(registry.id, registry);
          // A token's standing toward its business's client is this relationship alone (standing-source.ts):
          // the page just read it with the same reach, so the loader's own rule makes it from these rows.
          if (token) {
            const rows: StandingRow[] = [null, ...programAccounts.map((a) => a.id)].map(
              (programAccountId) => ({
                via: 'PROVIDER',
                businessId: client.id,
                role: BusinessRole.BUSINESS_ACCOUNT_MANAGER, // the token's creator (mayEdit follows the token)
                sourceId: relationship.id,
                type: relationship.type,
                programAccountId,
              }),
            );
            const grants = standingsFromRows(rows, token.token.scope).get(client.id) ?? [];
            ctx.access.prime?.(client.id, { grants });
          }
          return {
            id: relationship.id,
            client: await businessNode(loaders, client),
            relationship: relationshipNode(relationship, now),
            type: relationship.type!, // set on acceptance: these are ACCEPTED
            programAccounts,
            since: relationship.decidedAt ?? relationship.requestedAt,
            clientBusinessId: client.id,
            relationshipType: relationship.type!,
          };
        },
      ),
    );
    const edges = nodes.map((item) => ({
      cursor: encodeCursor({ at: item.since, id: item.id }),
      node: item,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      get totalCount() {
        return page.totalCount() as unknown as number;
      },
    };
  }

  @Access(AccessArea.ACCESS_MANAGEMENT, AccessAction.VIEW)
  @FieldResolver(() => DelegationConnection, {
    nullable: true,
    description:
      'The delegation of authority report: who has which access to the business’s program accounts (its employees and its service providers). Business account managers and the business’s API tokens only (else FORBIDDEN).',
  })
  async delegations(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<DelegationConnection> {
    requireTermsAccepted(ctx);
    const standing = await ctx.access.standing(node.id);
    if (!standing.grants.some((grant) => grant.kind === ActorKind.BUSINESS_ACCOUNT_MANAGER))
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'errors.accessDenied.ACCESS_MANAGEMENT',
        {},
        { area: 'ACCESS_MANAGEMENT' },
      );
    const business = await businessLoaders(ctx).business.load(node.id);
    if (!business) throw new AppError(ErrorCode.NOT_FOUND, 'errors.notFound');
    return delegationPage(ctx, business, first, after);
  }
}
