import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, visibleScope } from '../../common/auth/access-table.js';
import { agencyDay } from '../../common/time/agency-date.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { BusinessNode, ProgramAccount } from '../businesses/businesses.types.js';
import { accountFinanceSums } from '../registry/registry-finance.service.js';
import { AccountIndicators } from './finance.types.js';

// Account indicators (issue 16 item 5): amounts overdue and statements due under the requests-and-transactions
// area, financial security on file against what it must cover under the financial-security area. One grouped
// statement per field, whatever the number of accounts.

type Scope = 'ALL' | ReadonlySet<string>;

const inScope = (scope: Scope, id: string) => scope === 'ALL' || scope.has(id);

/** The indicators of `accounts` (already within the caller's requests-and-transactions scope). */
async function indicatorsOf(
  ctx: AppContext,
  accounts: readonly string[],
  securityScope: Scope,
): Promise<AccountIndicators> {
  const sums = await accountFinanceSums(ctx.dataSource, accounts, agencyDay(ctx.config.now()));
  const indicators: AccountIndicators = {
    overdueCount: 0,
    overdueCents: 0,
    statementsDueCount: 0,
    statementsDueCents: 0,
    securityOnFileCents: null,
    securityRequiredCents: null,
  };
  for (const id of accounts) {
    const sum = sums.get(id);
    const security = inScope(securityScope, id);
    if (security) {
      indicators.securityOnFileCents = (indicators.securityOnFileCents ?? 0) + (sum?.securityCents ?? 0);
      indicators.securityRequiredCents =
        (indicators.securityRequiredCents ?? 0) + (sum ? sum.overdueCents + sum.statementsDueCents : 0);
    }
    if (!sum) continue;
    indicators.overdueCount += sum.overdueCount;
    indicators.overdueCents += sum.overdueCents;
    indicators.statementsDueCount += sum.statementsDueCount;
    indicators.statementsDueCents += sum.statementsDueCents;
  }
  return indicators;
}

@Resolver(() => BusinessNode)
export class BusinessAccountIndicatorsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => AccountIndicators, {
    nullable: true,
    description:
      'Amounts overdue, statements due and financial security over every program account the caller may see (the home page’s account indicators).',
  })
  async accountIndicators(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<AccountIndicators> {
    const standing = await ctx.access.standing(node.id);
    const scope = visibleScope(standing, AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW);
    const security = visibleScope(standing, AccessArea.FINANCIAL_SECURITY, AccessAction.VIEW);
    const accounts = await businessLoaders(ctx).programAccountsOfRegistryBusiness.load(
      node.registryBusinessId,
    );
    const ids = accounts.filter((a) => inScope(scope, a.id)).map((a) => a.id);
    return indicatorsOf(ctx, ids, security);
  }
}

@Resolver(() => ProgramAccount)
export class ProgramAccountIndicatorsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => AccountIndicators, {
    nullable: true,
    description: 'The account’s amounts overdue, statements due and financial security at a glance.',
  })
  async accountIndicators(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
  ): Promise<AccountIndicators> {
    const loaders = businessLoaders(ctx);
    const registry = await loaders.programAccount.load(account.id);
    const business = registry ? await loaders.businessOfRegistry.load(registry.businessId) : undefined;
    const security = business
      ? visibleScope(await ctx.access.standing(business.id), AccessArea.FINANCIAL_SECURITY, AccessAction.VIEW)
      : new Set<string>();
    return indicatorsOf(ctx, [account.id], security);
  }
}
