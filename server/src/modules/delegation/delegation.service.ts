import { type DataSource } from 'typeorm';
import { type AppContext } from '../../app/context.js';
import { decodeCursor, encodeCursor, pageSize } from '../../common/graphql/connection.js';
import { PageInfo } from '../../common/graphql/connection.js';
import { reachCallerOf } from '../access/standing-source.js';
import { queryNamed } from '../../common/database/named-sql.js';
import {
  programAccountsOfBusinesses,
  type RegistryProgramAccount,
  registryBusinessRow,
} from '../registry/registry-lookups.service.js';
import { providerReach } from '../relationships/provider-reach.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { businessName, businessRow, personSummary } from '../businesses/business-view.service.js';
import {
  activeMembershipsOfBusiness,
  type Business,
  businessRefs,
  membershipScopes,
} from '../businesses/business-directory.service.js';
import { MembershipStatus, type ProgramAccountSummary } from '../businesses/businesses.types.js';
import {
  acceptedRelationshipsOfClient,
  type BusinessRelationship,
  namedProgramAccounts,
  relationshipRow,
} from '../relationships/relationships.queries.js';
import { RelationshipStatus, RelationshipType } from '../relationships/relationships.types.js';
import { DelegateKind, type DelegationNode } from './delegation.types.js';
import { coversWholeBusiness } from '../../common/auth/role-policy.js';

const summary = (account: RegistryProgramAccount): ProgramAccountSummary => ({
  id: account.id,
  accountNumber: account.accountNumber,
  name: account.name,
});

/** A raw row of the page: the relationship (r_), client (b_), registry record (rb_) and one account in scope. */
type PageRow = Record<string, unknown> & {
  r_id: string;
  a_id: string | null;
  a_number: string | null;
  a_name: string | null;
};

/** One client of a provider's page, with what was read for it in the page's statement. */
export interface ClientAccessRow {
  relationship: BusinessRelationship;
  client: Business;
  registry: ReturnType<typeof registryBusinessRow.hydrate>;
  /** The accounts in scope, by number: every account of the client (business management), else the named. */
  programAccounts: ProgramAccountSummary[];
}

/**
 * A page of the clients the caller can act for through a provider, most recently accepted first, after a
 * keyset cursor on (decided_at, id): one statement, whatever the portfolio. The reach is the access rules'
 * (relationships/provider-reach.ts: the provider's BAM, or assigned directly or through a group; a token of the
 * provider, every client or its groups'), the page is cut in SQL (`LIMIT size + 1`) and only the page's
 * clients, registry records and program accounts in scope are read. An accepted relationship always has its
 * decided_at (set on acceptance), the `since` of the list. `totalCount` is a second statement, when asked.
 */
export async function clientAccessPage(
  ctx: AppContext,
  providerBusinessId: string,
  size: number,
  after: string | null,
): Promise<{ rows: ClientAccessRow[]; hasNextPage: boolean; totalCount: () => Promise<number> }> {
  const caller = reachCallerOf(ctx.session);
  if (!caller || (caller.token && caller.token.businessId !== providerBusinessId))
    return { rows: [], hasNextPage: false, totalCount: () => Promise.resolve(0) };
  const { dataSource } = ctx;
  const reach = providerReach(caller);
  const params: Record<string, unknown> = {
    ...reach.params,
    provider: providerBusinessId,
    businessManagement: RelationshipType.BUSINESS_MANAGEMENT,
  };
  let keyset = '';
  if (after) {
    const position = decodeCursor(after);
    // Not the row-value form (decided_at, id) < (?, ?): MariaDB scans the whole index for it.
    keyset = ' AND (r.decided_at < :afterAt OR (r.decided_at = :afterAt AND r.id < :afterId))';
    Object.assign(params, { afterAt: position.at, afterId: position.id });
  }
  const reached = `FROM ${reach.from} WHERE ${reach.where} AND r.provider_business_id = :provider`;
  const relationshipColumns = relationshipRow.plainColumns(dataSource, 'r');
  const rows = await queryNamed<Array<PageRow>>(
    dataSource,
    `SELECT ${relationshipRow.columns(dataSource, 'p', 'r_')}, ${businessRow.columns(dataSource, 'b', 'b_')},` +
      ` ${registryBusinessRow.columns(dataSource, 'rb', 'rb_')}, a.id AS a_id, a.account_number AS a_number, a.name AS a_name` +
      ` FROM (SELECT ${relationshipColumns} ${reached}${keyset} ORDER BY r.decided_at DESC, r.id DESC LIMIT ${size + 1}) p` +
      ' INNER JOIN business b ON b.id = p.client_business_id' +
      ' LEFT JOIN registry_business rb ON rb.id = b.registry_business_id' +
      ' LEFT JOIN registry_program_account a ON a.business_id = b.registry_business_id AND (p.type = :businessManagement' +
      ' OR EXISTS (SELECT 1 FROM relationship_program_account rp WHERE rp.relationship_id = p.id AND rp.program_account_id = a.id))' +
      ' ORDER BY p.decided_at DESC, p.id DESC, a.account_number ASC',
    params,
  );
  const page = new Map<string, ClientAccessRow>();
  for (const row of rows) {
    const id = row.r_id;
    let item = page.get(id);
    if (!item) {
      item = {
        relationship: relationshipRow.hydrate(dataSource, row, 'r_')!,
        client: businessRow.hydrate(dataSource, row, 'b_')!,
        registry: registryBusinessRow.hydrate(dataSource, row, 'rb_'),
        programAccounts: [],
      };
      page.set(id, item);
    }
    if (row.a_id)
      item.programAccounts.push({
        id: row.a_id,
        accountNumber: row.a_number ?? '',
        name: row.a_name ?? '',
      });
  }
  const all = [...page.values()];
  return {
    rows: all.slice(0, size),
    hasNextPage: all.length > size,
    totalCount: async () => {
      const [count] = await queryNamed<Array<{ total: number | string }>>(
        dataSource,
        `SELECT COUNT(*) AS total ${reached}`,
        params,
      );
      return Number(count?.total ?? 0);
    },
  };
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
  const businesses = await businessRefs(dataSource.manager, [
    ...new Set(relationships.map((r) => r.clientBusinessId)),
  ]);
  const registryOf = new Map(businesses.map((b) => [b.id, b.registryBusinessId]));
  const programIds = relationships
    .filter((r) => r.type === RelationshipType.PROGRAM_MANAGEMENT)
    .map((r) => r.id);
  const covered = await namedProgramAccounts(dataSource, programIds);
  const accounts = await programAccountsOfBusinesses(dataSource, [...new Set(registryOf.values())]);
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
export async function delegationsOf(
  ctx: AppContext,
  business: Business,
  only?: { membershipIds: string[]; relationshipIds: string[] },
): Promise<DelegationNode[]> {
  const { dataSource } = ctx;
  const loaders = businessLoaders(ctx);
  const [memberships, relationships, accounts] = await Promise.all([
    only && !only.membershipIds.length
      ? []
      : activeMembershipsOfBusiness(dataSource, business.id, only?.membershipIds),
    only && !only.relationshipIds.length
      ? []
      : acceptedRelationshipsOfClient(dataSource, business.id, only?.relationshipIds),
    programAccountsOfBusinesses(dataSource, [business.registryBusinessId]),
  ]);
  const scoped = memberships.filter((m) => !coversWholeBusiness(m.role));
  const scopes = await membershipScopes(
    dataSource,
    scoped.map((m) => m.id),
  );
  const withProgramAccounts = await withAccounts(dataSource, relationships);
  const providers = await Promise.all(relationships.map((r) => loaders.business.load(r.providerBusinessId)));
  const registries = await Promise.all(
    providers.map((p) => (p ? loaders.registryBusiness.load(p.registryBusinessId) : Promise.resolve(null))),
  );
  const people = await Promise.all(memberships.map((m) => personSummary(loaders, m.userId)));
  const employees: DelegationNode[] = memberships.map((m, index) => {
    const all = coversWholeBusiness(m.role);
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

/**
 * A page of the delegation report, newest first by (since, id), cut in SQL: the ids of the page's employees
 * (active memberships, since granted) and service providers (accepted relationships, since decided) are one
 * `UNION ALL` statement with the keyset and `LIMIT size + 1`; the page's lines are then built for those ids only
 * (delegationsOf, a fixed number of statements). `totalCount` counts the union, when selected.
 */
export async function delegationPage(
  ctx: AppContext,
  business: Business,
  first: number | null,
  after: string | null,
): Promise<{
  edges: Array<{ cursor: string; node: DelegationNode }>;
  pageInfo: PageInfo;
  totalCount: number;
}> {
  const size = pageSize(first);
  const params: Record<string, unknown> = {
    business: business.id,
    active: MembershipStatus.ACTIVE,
    accepted: RelationshipStatus.ACCEPTED,
  };
  const union =
    "SELECT 'E' AS kind, m.id AS id, m.granted_at AS since FROM business_membership m" +
    ' WHERE m.business_id = :business AND m.status = :active UNION ALL' +
    " SELECT 'P' AS kind, r.id AS id, COALESCE(r.decided_at, r.requested_at) AS since FROM business_relationship r" +
    ' WHERE r.client_business_id = :business AND r.status = :accepted';
  let keyset = '';
  if (after) {
    const position = decodeCursor(after);
    keyset = ' WHERE (d.since < :afterAt OR (d.since = :afterAt AND d.id < :afterId))';
    Object.assign(params, { afterAt: position.at, afterId: position.id });
  }
  const ids = await queryNamed<Array<{ kind: string; id: string }>>(
    ctx.dataSource,
    `SELECT d.kind AS kind, d.id AS id FROM (${union}) d${keyset} ORDER BY d.since DESC, d.id DESC LIMIT ${size + 1}`,
    params,
  );
  const page = ids.slice(0, size);
  const lines = page.length
    ? await delegationsOf(ctx, business, {
        membershipIds: page.filter((row) => row.kind === 'E').map((row) => row.id),
        relationshipIds: page.filter((row) => row.kind === 'P').map((row) => row.id),
      })
    : [];
  const lineOf = new Map(lines.map((line) => [line.id, line]));
  const edges = page
    .map((row) => lineOf.get(row.id))
    .filter((line): line is DelegationNode => line !== undefined)
    .map((node) => ({ cursor: encodeCursor({ at: node.since, id: node.id }), node }));
  let counted: Promise<number> | null = null;
  return {
    edges,
    pageInfo: { hasNextPage: ids.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    get totalCount() {
      counted ??= queryNamed<Array<{ total: number | string }>>(
        ctx.dataSource,
        `SELECT COUNT(*) AS total FROM (${union}) d`,
        params,
      ).then(([row]) => Number(row?.total ?? 0));
      return counted as unknown as number;
    },
  };
}
