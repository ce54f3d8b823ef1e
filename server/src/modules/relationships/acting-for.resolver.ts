import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { In, type DataSource } from 'typeorm';
import { type AppContext } from '../../app/context.js';
import { AFTER_ARG, FIRST_ARG, listConnection } from '../../common/graphql/list-connection.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { businessNode } from '../businesses/business-view.service.js';
import { BusinessMembership } from '../businesses/businesses.entities.js';
import { BusinessConnection, BusinessNode, MembershipStatus } from '../businesses/businesses.types.js';
import { Viewer } from '../users/viewer.type.js';
import { loadProviderStandings } from './provider-standings.js';
import { BusinessRelationship } from './relationships.entities.js';
import { RelationshipStatus } from './relationships.types.js';

/**
 * The clients a person can act for through the service providers they work for: an accepted relationship,
 * and the person is the provider's BAM or assigned to the client (directly or through a group). A fixed
 * number of statements whatever the number of clients.
 */
export async function actingForClientIds(dataSource: DataSource, userId: string): Promise<string[]> {
  const memberships = await dataSource.getRepository(BusinessMembership).find({
    select: { id: true, businessId: true },
    where: { userId, status: MembershipStatus.ACTIVE },
  });
  if (!memberships.length) return [];
  const relationships = await dataSource.getRepository(BusinessRelationship).find({
    select: { id: true, clientBusinessId: true },
    where: {
      providerBusinessId: In(memberships.map((m) => m.businessId)),
      status: RelationshipStatus.ACCEPTED,
    },
  });
  const candidates = [...new Set(relationships.map((r) => r.clientBusinessId))];
  const standings = await loadProviderStandings(dataSource, userId, candidates);
  return [...new Set(standings.filter((s) => s.assigned).map((s) => s.clientBusinessId))];
}

@Resolver(() => Viewer)
export class ViewerActingForResolver {
  @FieldResolver(() => [BusinessNode], {
    description:
      'The clients the person can act for as a service provider’s employee (accepted relationship; the provider’s BAM, or assigned directly or through a client group), by name. Their fields are guarded by @access.',
    deprecationReason: 'Use actingForConnection: the same clients, in pages of at most 100.',
  })
  async actingFor(@Root() viewer: Viewer, @Ctx() ctx: AppContext): Promise<BusinessNode[]> {
    const loaders = businessLoaders(ctx);
    const ids = await actingForClientIds(ctx.dataSource, viewer.id);
    const businesses = await Promise.all(ids.map((id) => loaders.business.load(id)));
    const nodes = await Promise.all(
      businesses.filter((b) => b !== null).map((business) => businessNode(loaders, business)),
    );
    return nodes.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  @FieldResolver(() => BusinessConnection, {
    description:
      'The client businesses the person can act for as a service provider’s employee: an accepted relationship, and the person is the provider’s business account manager or assigned to the client (directly or through a client group). By name; each client’s fields are guarded by @access.',
  })
  async actingForConnection(
    @Root() viewer: Viewer,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<BusinessConnection> {
    return listConnection(
      await this.actingFor(viewer, ctx),
      { first, after },
      { key: (business) => [business.name], id: (business) => business.id, direction: 'ASC' },
      (business) => business,
    );
  }
}
