import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { type StandingSource } from '../../common/auth/access-directive.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { ActorKind, type Standing, type StandingGrant } from '../../common/auth/access-table.js';
import { BusinessMembership, MembershipProgramAccount } from '../businesses/businesses.entities.js';
import { BusinessRole, MembershipStatus } from '../businesses/businesses.types.js';
import { type AuthenticatedToken } from '../api-tokens/api-tokens.service.js';
import { ClientGroup, ClientGroupMember } from '../client-groups/client-groups.entities.js';
import { loadProviderStandings } from '../relationships/provider-standings.js';
import { type RequestSession } from '../sessions/request-session.js';
import { PersonRole } from '../users/user.types.js';

const ownKinds: Record<BusinessRole, ActorKind> = {
  BUSINESS_ACCOUNT_MANAGER: ActorKind.BUSINESS_ACCOUNT_MANAGER,
  PROGRAM_ACCOUNT_MANAGER: ActorKind.PROGRAM_ACCOUNT_MANAGER,
  EDITOR: ActorKind.EDITOR,
  READER: ActorKind.READER,
};

/** Grants of the businesses' own people: their active memberships, with the program scope of non-BAMs. */
async function ownGrants(
  dataSource: DataSource,
  userId: string,
  businessIds: readonly string[],
): Promise<Map<string, StandingGrant>> {
  const memberships = await dataSource.getRepository(BusinessMembership).findBy({
    userId,
    businessId: In([...businessIds]),
    status: MembershipStatus.ACTIVE,
  });
  const scoped = memberships.filter((m) => m.role !== BusinessRole.BUSINESS_ACCOUNT_MANAGER);
  const scopeRows = scoped.length
    ? await dataSource
        .getRepository(MembershipProgramAccount)
        .findBy({ membershipId: In(scoped.map((m) => m.id)) })
    : [];
  const grants = new Map<string, StandingGrant>();
  for (const membership of memberships) {
    const scope =
      membership.role === BusinessRole.BUSINESS_ACCOUNT_MANAGER
        ? ('ALL' as const)
        : new Set(scopeRows.filter((r) => r.membershipId === membership.id).map((r) => r.programAccountId));
    grants.set(membership.businessId, { kind: ownKinds[membership.role], scope, mayEdit: true });
  }
  return grants;
}

/**
 * Grants through service providers: person → active role in the provider → the provider's BAM or assigned
 * (directly or through a group) → accepted relationship → client. Not assigned: no grant at all. A provider
 * employee whose role is Reader views and changes nothing.
 */
async function providerGrants(
  dataSource: DataSource,
  userId: string,
  businessIds: readonly string[],
): Promise<Map<string, StandingGrant[]>> {
  const grants = new Map<string, StandingGrant[]>();
  for (const standing of await loadProviderStandings(dataSource, userId, [...businessIds])) {
    if (!standing.assigned) continue;
    const grant: StandingGrant =
      standing.type === 'BUSINESS_MANAGEMENT'
        ? {
            kind: ActorKind.BUSINESS_MANAGEMENT,
            scope: 'ALL',
            mayEdit: standing.providerRole !== BusinessRole.READER,
          }
        : {
            kind: ActorKind.PROGRAM_MANAGEMENT,
            scope: new Set(standing.programAccountIds),
            mayEdit: standing.providerRole !== BusinessRole.READER,
          };
    grants.set(standing.clientBusinessId, [...(grants.get(standing.clientBusinessId) ?? []), grant]);
  }
  return grants;
}

/** The clients (business.id) in these client groups, deleted groups left out. */
export async function clientsInGroups(dataSource: DataSource, groupIds: string[]): Promise<Set<string>> {
  const rows = await dataSource
    .createQueryBuilder()
    .select('cm.client_business_id', 'clientBusinessId')
    .from(ClientGroupMember, 'cm')
    .innerJoin(ClientGroup, 'g', 'g.id = cm.group_id AND g.deleted_at IS NULL')
    .where('cm.group_id IN (:...groups)', { groups: groupIds })
    .getRawMany<{ clientBusinessId: string }>();
  return new Set(rows.map((row) => row.clientBusinessId));
}

/**
 * Grants of an API token toward its business's clients: like the provider's BAM (every accepted relationship),
 * or, for a token limited to client groups, only the clients in those (non-deleted) groups. READ tokens
 * change nothing (the session plugin refuses their mutations; mayEdit says the same to the table).
 */
async function tokenProviderGrants(
  dataSource: DataSource,
  { token, clientGroupIds }: AuthenticatedToken,
  businessIds: readonly string[],
): Promise<Map<string, StandingGrant[]>> {
  const standings = (await loadProviderStandings(dataSource, token.createdBy, [...businessIds])).filter(
    (standing) => standing.providerBusinessId === token.businessId,
  );
  const inGroups = clientGroupIds.length ? await clientsInGroups(dataSource, clientGroupIds) : null;
  const mayEdit = token.scope === 'READ_WRITE';
  const grants = new Map<string, StandingGrant[]>();
  for (const standing of standings) {
    if (inGroups && !inGroups.has(standing.clientBusinessId)) continue;
    const grant: StandingGrant =
      standing.type === 'BUSINESS_MANAGEMENT'
        ? { kind: ActorKind.BUSINESS_MANAGEMENT, scope: 'ALL', mayEdit }
        : { kind: ActorKind.PROGRAM_MANAGEMENT, scope: new Set(standing.programAccountIds), mayEdit };
    grants.set(standing.clientBusinessId, [...(grants.get(standing.clientBusinessId) ?? []), grant]);
  }
  return grants;
}

/**
 * The caller's standing toward businesses, loaded once per business per request and batched: a list of
 * 500 businesses costs the same few statements as one. Nobody signed in: UNAUTHENTICATED.
 */
export function createStandingSource(dataSource: DataSource, session: RequestSession): StandingSource {
  const loader = new DataLoader<string, Standing>(async (businessIds) => {
    const user = session.current?.user;
    // Signed out: every guarded field says so, rather than "forbidden".
    if (!user)
      return businessIds.map(() => new AppError(ErrorCode.UNAUTHENTICATED, 'errors.unauthenticated'));
    const officer: StandingGrant[] =
      user.role === PersonRole.OFFICER
        ? [{ kind: ActorKind.AGENCY_OFFICER, scope: 'ALL', mayEdit: false }]
        : [];
    const token = session.apiToken;
    const [own, providers] = await Promise.all([
      ownGrants(dataSource, user.id, businessIds),
      token
        ? tokenProviderGrants(dataSource, token, businessIds)
        : providerGrants(dataSource, user.id, businessIds),
    ]);
    // A token stands only toward its own business (as its BAM: its creator is one) and that business's clients.
    if (token)
      for (const [id, grant] of own)
        if (id !== token.token.businessId) own.delete(id);
        else grant.mayEdit = token.token.scope === 'READ_WRITE';
    return businessIds.map((id) => {
      const grant = own.get(id);
      return { grants: [...officer, ...(grant ? [grant] : []), ...(providers.get(id) ?? [])] };
    });
  });
  return {
    standing: (businessId) => loader.load(businessId),
    forget() {
      loader.clearAll();
    },
    callerId: () => session.current?.user?.id ?? null,
    requireCaller() {
      if (!session.current?.user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'errors.unauthenticated');
    },
  };
}
