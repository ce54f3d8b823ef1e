import { type DataSource, In } from 'typeorm';
import { type AppContext } from '../../app/context.js';
import {
  decodeCursor,
  encodeCursor,
  type KeysetPosition,
  pageSize,
} from '../../common/graphql/connection.js';
import { PageInfo } from '../../common/graphql/connection.js';
import { clientsInGroups } from '../access/standing-source.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { businessName, personSummary } from '../businesses/business-view.service.js';
import { Business, BusinessMembership, MembershipProgramAccount } from '../businesses/businesses.entities.js';
import {
  BusinessRole,
  MembershipStatus,
  type ProgramAccountSummary,
} from '../businesses/businesses.types.js';
import { RegistryProgramAccount } from '../registry/program-account.entity.js';
import { loadProviderStandings } from '../relationships/provider-standings.js';
import { BusinessRelationship, RelationshipProgramAccount } from '../relationships/relationships.entities.js';
import { RelationshipStatus, RelationshipType } from '../relationships/relationships.types.js';
import { DelegateKind, type DelegationNode } from './delegation.types.js';

/** A page of an in-memory list sorted newest first by (at, id), after a keyset cursor. */
export function pageOf<T>(
  items: T[],
  positionOf: (item: T) => KeysetPosition,
  first: number | null,
  after: string | null,
): { edges: Array<{ cursor: string; node: T }>; pageInfo: PageInfo; totalCount: number } {
  const size = pageSize(first);
  const sorted = [...items].sort((a, b) => {
    const pa = positionOf(a);
    const pb = positionOf(b);
    return pb.at.getTime() - pa.at.getTime() || (pb.id < pa.id ? -1 : pb.id > pa.id ? 1 : 0);
  });
  const from = after ? decodeCursor(after) : null;
  const rest = from
    ? sorted.filter((item) => {
        const p = positionOf(item);
        return p.at < from.at || (p.at.getTime() === from.at.getTime() && p.id < from.id);
      })
    : sorted;
  const page = rest.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rest.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: items.length,
  };
}

const summary = (account: RegistryProgramAccount): ProgramAccountSummary => ({
  id: account.id,
  accountNumber: account.accountNumber,
  name: account.name,
});

/**
 * The accepted relationships through which the caller can act for a provider's clients: the caller must be
 * the provider's BAM or assigned to the client (as the access rules say, provider-standings.ts); a token of
 * the provider reaches every client, or those of its client groups. A fixed number of statements.
 */
export async function clientRelationshipsOf(
  ctx: AppContext,
  providerBusinessId: string,
): Promise<BusinessRelationship[]> {
  const user = ctx.session.current?.user;
  const token = ctx.session.apiToken;
  if (!user || (token && token.token.businessId !== providerBusinessId)) return [];
  const relationships = await ctx.dataSource.getRepository(BusinessRelationship).findBy({
    providerBusinessId,
    status: RelationshipStatus.ACCEPTED,
  });
  if (!relationships.length) return [];
  const standings = await loadProviderStandings(
    ctx.dataSource,
    user.id,
    relationships.map((r) => r.clientBusinessId),
  );
  const reachable = new Set(
    standings
      .filter((s) => s.providerBusinessId === providerBusinessId && s.assigned)
      .map((s) => s.relationshipId),
  );
  const groups = token?.clientGroupIds.length
    ? await clientsInGroups(ctx.dataSource, token.clientGroupIds)
    : null;
  return relationships.filter((r) => reachable.has(r.id) && (!groups || groups.has(r.clientBusinessId)));
}

/**
 * The program accounts each accepted relationship covers: all of the client's under business management,
 * those it names under program management. Three statements, whatever the number of relationships.
 */
export async function withAccounts(
  dataSource: DataSource,
  relationships: BusinessRelationship[],
): Promise<Array<{ relationship: BusinessRelationship; programAccounts: ProgramAccountSummary[] }>> {
  if (!relationships.length) return [];
  const businesses = await dataSource
    .getRepository(Business)
    .findBy({ id: In([...new Set(relationships.map((r) => r.clientBusinessId))]) });
  const registryOf = new Map(businesses.map((b) => [b.id, b.registryBusinessId]));
  const programIds = relationships
    .filter((r) => r.type === RelationshipType.PROGRAM_MANAGEMENT)
    .map((r) => r.id);
  const covered = programIds.length
    ? await dataSource.getRepository(RelationshipProgramAccount).findBy({ relationshipId: In(programIds) })
    : [];
  const accounts = await dataSource
    .getRepository(RegistryProgramAccount)
    .find({ where: { businessId: In([...new Set(registryOf.values())]) }, order: { accountNumber: 'ASC' } });
  const accountsOf = new Map<string, RegistryProgramAccount[]>();
  for (const account of accounts)
    accountsOf.set(account.businessId, [...(accountsOf.get(account.businessId) ?? []), account]);
  const namedOf = new Map<string, Set<string>>();
  for (const row of covered)
    namedOf.set(row.relationshipId, (namedOf.get(row.relationshipId) ?? new Set()).add(row.programAccountId));
  return relationships.map((relationship) => {
    const ofClient = accountsOf.get(registryOf.get(relationship.clientBusinessId) ?? '') ?? [];
    const named = namedOf.get(relationship.id) ?? new Set<string>();
    return {
      relationship,
      programAccounts: (relationship.type === RelationshipType.PROGRAM_MANAGEMENT
        ? ofClient.filter((a) => named.has(a.id))
        : ofClient
      ).map(summary),
    };
  });
}

/**
 * The delegation of authority report of a business: its active employees with their role and program
 * accounts, and its service providers with the relationship's type and accounts. A fixed number of statements.
 */
export async function delegationsOf(ctx: AppContext, business: Business): Promise<DelegationNode[]> {
  const { dataSource } = ctx;
  const loaders = businessLoaders(ctx);
  const [memberships, relationships, accounts] = await Promise.all([
    dataSource
      .getRepository(BusinessMembership)
      .findBy({ businessId: business.id, status: MembershipStatus.ACTIVE }),
    dataSource
      .getRepository(BusinessRelationship)
      .findBy({ clientBusinessId: business.id, status: RelationshipStatus.ACCEPTED }),
    dataSource
      .getRepository(RegistryProgramAccount)
      .find({ where: { businessId: business.registryBusinessId }, order: { accountNumber: 'ASC' } }),
  ]);
  const scoped = memberships.filter((m) => m.role !== BusinessRole.BUSINESS_ACCOUNT_MANAGER);
  const scopes = scoped.length
    ? await dataSource
        .getRepository(MembershipProgramAccount)
        .findBy({ membershipId: In(scoped.map((m) => m.id)) })
    : [];
  const withProgramAccounts = await withAccounts(dataSource, relationships);
  const providers = await Promise.all(relationships.map((r) => loaders.business.load(r.providerBusinessId)));
  const registries = await Promise.all(
    providers.map((p) => (p ? loaders.registryBusiness.load(p.registryBusinessId) : Promise.resolve(null))),
  );
  const people = await Promise.all(memberships.map((m) => personSummary(loaders, m.userId)));
  const employees: DelegationNode[] = memberships.map((m, index) => {
    const all = m.role === BusinessRole.BUSINESS_ACCOUNT_MANAGER;
    const ids = new Set(scopes.filter((s) => s.membershipId === m.id).map((s) => s.programAccountId));
    return {
      id: m.id,
      kind: DelegateKind.EMPLOYEE,
      holderName: people[index].name,
      businessNumber: null,
      access: m.role,
      allProgramAccounts: all,
      programAccounts: (all ? accounts : accounts.filter((a) => ids.has(a.id))).map(summary),
      since: m.grantedAt,
    };
  });
  const serviceProviders: DelegationNode[] = withProgramAccounts.map(
    ({ relationship, programAccounts }, index) => ({
      id: relationship.id,
      kind: DelegateKind.SERVICE_PROVIDER,
      holderName: registries[index]
        ? businessName(registries[index])
        : (providers[index]?.businessNumber ?? ''),
      businessNumber: providers[index]?.businessNumber ?? null,
      access: relationship.type!, // set on acceptance: these are ACCEPTED
      allProgramAccounts: relationship.type === RelationshipType.BUSINESS_MANAGEMENT,
      programAccounts,
      since: relationship.decidedAt ?? relationship.requestedAt,
    }),
  );
  return [...employees, ...serviceProviders];
}
