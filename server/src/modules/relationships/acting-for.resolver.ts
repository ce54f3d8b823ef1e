import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type DataSource } from 'typeorm';
import { type AppContext } from '../../app/context.js';
import { queryNamed } from '../../common/database/named-sql.js';
import { sqlListConnection, sqlListRows } from '../../common/graphql/sql-list-page.js';
import { PageArgs } from '../../common/graphql/page-args.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { businessNode, businessRow, businessSummarySql } from '../businesses/business-view.service.js';
import { registryBusinessRow } from '../registry/registry-lookups.service.js';
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
    // One statement for the page (and one to count, when asked): the reach joined with the clients and their
    // registry records, DISTINCT (two providers may reach the same client), by name then id, in SQL.
    const { dataSource } = ctx;
    const reach = providerReach({ userId: viewer.id, token: null });
    const summary = businessSummarySql('r.client_business_id', 'cb', 'c_');
    const page = await sqlListRows<Record<string, unknown>>(
      dataSource,
      {
        select: '*',
        from:
          `(SELECT DISTINCT ${summary.select}, ${businessRow.columns(dataSource, 'cb', 'b_')},` +
          ` ${registryBusinessRow.columns(dataSource, 'cbr', 'rb_')} FROM ${reach.from}${summary.joins}` +
          ` WHERE ${reach.where}) d`,
        where: '1 = 1',
        params: reach.params,
        order: { keys: [{ sql: 'd.c_name', kind: 'text' }], id: 'd.c_id', direction: 'ASC' },
      },
      { first, after },
    );
    const loaders = businessLoaders(ctx);
    return sqlListConnection(
      page.rows,
      page.size,
      (row) => ({ key: [String(row.c_name)], id: String(row.c_id) }),
      (row) => {
        // What the page read is what the node needs: the loaders are primed, no second statement.
        const business = businessRow.hydrate(dataSource, row, 'b_')!;
        const registry = registryBusinessRow.hydrate(dataSource, row, 'rb_');
        loaders.business.prime(business.id, business);
        if (registry) loaders.registryBusiness.prime(registry.id, registry);
        return businessNode(loaders, business);
      },
      page.count,
    );
  }
}
