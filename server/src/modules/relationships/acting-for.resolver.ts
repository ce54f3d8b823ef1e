import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type DataSource } from 'typeorm';
import { type AppContext } from '../../app/context.js';
import { queryNamed } from '../../common/database/named-sql.js';
import { listConnection } from '../../common/graphql/list-connection.js';
import { PageArgs } from '../../common/graphql/page-args.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { businessNode } from '../businesses/business-view.service.js';
import { BusinessConnection, BusinessNode } from '../businesses/businesses.types.js';
import { Viewer } from '../users/viewer.type.js';
import { providerReach } from './provider-reach.js';

/**
 * The clients a person can act for through the service providers they work for: an accepted relationship,
 * and the person is the provider's BAM or assigned to the client (directly or through a group). One
 * statement whatever the number of clients (relationships/provider-reach.ts).
 */
export async function actingForClientIds(dataSource: DataSource, userId: string): Promise<string[]> {
  const reach = providerReach({ userId, token: null });
  const rows = await queryNamed<Array<{ clientBusinessId: string }>>(
    dataSource,
    `SELECT DISTINCT r.client_business_id AS clientBusinessId FROM ${reach.from} WHERE ${reach.where}`,
    reach.params,
  );
  return rows.map((row) => row.clientBusinessId);
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
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<BusinessConnection> {
    return listConnection(
      await this.actingFor(viewer, ctx),
      { first, after },
      { key: (business) => [business.name], id: (business) => business.id, direction: 'ASC' },
      (business) => business,
    );
  }
}
