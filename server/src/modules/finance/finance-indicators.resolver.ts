import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, visibleScope } from '../../common/auth/access-table.js';
import { agencyDay } from '../../common/time/agency-date.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { BusinessNode, ProgramAccount } from '../businesses/businesses.types.js';
import { accountFinanceSums, type AccountFinanceSums } from '../registry/registry-finance.service.js';
import { AccountIndicators } from './finance.types.js';

// Account indicators (issue 16 item 5): amounts overdue and statements due under the requests-and-transactions
// area, financial security on file against what the agency requires (decision 0044) under the
// financial-security area. One statement for the figures, whatever the number of accounts: a business's
// accounts in one call, and every ProgramAccount.accountIndicators of a request in one batch (a per-request
// loader).

type Scope = 'ALL' | ReadonlySet<string>;

const inScope = (scope: Scope, id: string) => scope === 'ALL' || scope.has(id);

/** The indicators of `accounts` (already within the caller's requests-and-transactions scope). */
export function combineIndicators(
  sums: ReadonlyMap<string, AccountFinanceSums>,
  accounts: readonly string[],
  securityScope: Scope,
): AccountIndicators {
  const indicators: AccountIndicators = {
    overdueCount: 0,
    overdueCents: 0,
    statementsDueCount: 0,
    statementsDueCents: 0,
    securityOnFileCents: null,
    securityRequiredCents: null,
    securityShortfallCents: null,
  };
  let secured = 0;
  let requirementKnown = true;
  for (const id of accounts) {
    const sum = sums.get(id);
    if (inScope(securityScope, id)) {
      secured += 1;
      const onFile = sum?.securityCents ?? 0;
      const required = sum ? sum.securityRequiredCents : 0;
      indicators.securityOnFileCents = (indicators.securityOnFileCents ?? 0) + onFile;
      if (required === null) requirementKnown = false;
      else {
        indicators.securityRequiredCents = (indicators.securityRequiredCents ?? 0) + required;
        indicators.securityShortfallCents =
          (indicators.securityShortfallCents ?? 0) + Math.max(0, required - onFile);
      }
    }
    if (!sum) continue;
    indicators.overdueCount += sum.overdueCount;
    indicators.overdueCents += sum.overdueCents;
    indicators.statementsDueCount += sum.statementsDueCount;
    indicators.statementsDueCents += sum.statementsDueCents;
  }
  // Never present a partial sum as the agency's requirement.
  if (!requirementKnown || secured === 0) {
    indicators.securityRequiredCents = null;
    indicators.securityShortfallCents = null;
  }
  return indicators;
}

const perRequest = new WeakMap<object, DataLoader<string, AccountIndicators>>();

/** Every program account's indicators asked in this request, in one batch: a fixed number of statements. */
function accountIndicatorsLoader(ctx: AppContext): DataLoader<string, AccountIndicators> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, AccountIndicators>(async (ids) => {
      const loaders = businessLoaders(ctx);
      const registry = await loaders.programAccount.loadMany([...ids]);
      const registryBusinessOf = new Map<string, string>();
      registry.forEach((row, i) => {
        if (row && !(row instanceof Error)) registryBusinessOf.set(ids[i], row.businessId);
      });
      const businesses = await loaders.businessOfRegistry.loadMany([...new Set(registryBusinessOf.values())]);
      const scopeOf = new Map<string, Scope>();
      for (const business of businesses) {
        if (!business || business instanceof Error || scopeOf.has(business.registryBusinessId)) continue;
        scopeOf.set(
          business.registryBusinessId,
          visibleScope(
            await ctx.access.standing(business.id),
            AccessArea.FINANCIAL_SECURITY,
            AccessAction.VIEW,
          ),
        );
      }
      const sums = await accountFinanceSums(ctx.dataSource, ids, agencyDay(ctx.config.now()));
      return ids.map((id) => {
        const registryBusiness = registryBusinessOf.get(id);
        const scope = (registryBusiness && scopeOf.get(registryBusiness)) || new Set<string>();
        return combineIndicators(sums, [id], scope);
      });
    });
    perRequest.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => BusinessNode)
export class BusinessAccountIndicatorsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => AccountIndicators, {
    nullable: true,
    description:
      'Amounts overdue, statements due and financial security on file against what the agency requires, over every program account the caller may see (the home page’s account indicators).',
  })
  async accountIndicators(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<AccountIndicators> {
    const standing = await ctx.access.standing(node.id);
    const scope = visibleScope(standing, AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW);
    const security = visibleScope(standing, AccessArea.FINANCIAL_SECURITY, AccessAction.VIEW);
    const accounts = await businessLoaders(ctx).programAccountsOfRegistryBusiness.load(
      node.registryBusinessId,
    );
    const ids = accounts.filter((a) => inScope(scope, a.id)).map((a) => a.id);
    const sums = await accountFinanceSums(ctx.dataSource, ids, agencyDay(ctx.config.now()));
    return combineIndicators(sums, ids, security);
  }
}

@Resolver(() => ProgramAccount)
export class ProgramAccountIndicatorsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => AccountIndicators, {
    nullable: true,
    description:
      'The account’s amounts overdue, statements due and financial security on file against what the agency requires, at a glance.',
  })
  accountIndicators(@Root() account: ProgramAccount, @Ctx() ctx: AppContext): Promise<AccountIndicators> {
    return accountIndicatorsLoader(ctx).load(account.id);
  }
}
