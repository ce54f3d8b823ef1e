import { type DataSource, type EntityManager, In } from 'typeorm';
import type { StandingGrant } from '../../common/auth/access-table.js';
import { registryBusinessNames } from '../registry/registry-lookups.service.js';
import { Business, BusinessMembership, MembershipProgramAccount } from './businesses.entities.js';
import { BusinessRole, MembershipStatus } from './businesses.types.js';
import { coversWholeBusiness, memberActorKind } from '../../common/auth/role-policy.js';

/** The businesses module's rows as other modules receive them (types only: read through its services). */
export type { Business, BusinessMembership } from './businesses.entities.js';

// What other modules may read of the portal's businesses and their members, without querying the
// businesses tables themselves (decision 0020).

export interface BusinessSummary {
  id: string;
  registryBusinessId: string;
  businessNumber: string;
  /** The registry's operating (else legal) name; the business number when the registry has no row. */
  name: string;
}

/** Registered businesses by portal id (two statements). */
export async function businessSummaries(
  manager: EntityManager,
  ids: string[],
): Promise<Map<string, BusinessSummary>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  return summaries(manager, await manager.findBy(Business, { id: In(wanted) }));
}

/** Registered businesses by registry business id (two statements); registry businesses not on the portal are absent. */
export async function businessesOfRegistry(
  manager: EntityManager,
  registryBusinessIds: string[],
): Promise<Map<string, BusinessSummary>> {
  const wanted = [...new Set(registryBusinessIds)];
  if (wanted.length === 0) return new Map();
  const rows = await summaries(manager, await manager.findBy(Business, { registryBusinessId: In(wanted) }));
  return new Map([...rows.values()].map((b) => [b.registryBusinessId, b]));
}

async function summaries(
  manager: EntityManager,
  businesses: Business[],
): Promise<Map<string, BusinessSummary>> {
  const names = businesses.length
    ? await registryBusinessNames(
        manager,
        businesses.map((b) => b.registryBusinessId),
      )
    : new Map<string, string>();
  return new Map(
    businesses.map((b) => [
      b.id,
      {
        id: b.id,
        registryBusinessId: b.registryBusinessId,
        businessNumber: b.businessNumber,
        name: names.get(b.registryBusinessId) ?? b.businessNumber,
      },
    ]),
  );
}

export interface MemberGrant {
  businessId: string;
  userId: string;
  /** The member's standing toward the business, for the access table (`decideAccess`). */
  grant: StandingGrant;
}

/**
 * The active members of the businesses and their standing (role and program scope), 200 ids a statement:
 * a fixed number of statements whatever the number of members.
 */
export async function activeMemberGrants(
  manager: EntityManager,
  businessIds: string[],
): Promise<MemberGrant[]> {
  const wanted = [...new Set(businessIds)];
  const memberships: BusinessMembership[] = [];
  for (let i = 0; i < wanted.length; i += 200)
    memberships.push(
      ...(await manager.findBy(BusinessMembership, {
        businessId: In(wanted.slice(i, i + 200)),
        status: MembershipStatus.ACTIVE,
      })),
    );
  const scoped = memberships.filter((m) => !coversWholeBusiness(m.role)).map((m) => m.id);
  const scopeRows: MembershipProgramAccount[] = [];
  for (let i = 0; i < scoped.length; i += 200)
    scopeRows.push(
      ...(await manager.findBy(MembershipProgramAccount, { membershipId: In(scoped.slice(i, i + 200)) })),
    );
  return memberships.map((m) => ({
    businessId: m.businessId,
    userId: m.userId,
    grant: {
      kind: memberActorKind[m.role],
      scope: coversWholeBusiness(m.role)
        ? 'ALL'
        : new Set(scopeRows.filter((r) => r.membershipId === m.id).map((r) => r.programAccountId)),
      mayEdit: true,
    },
  }));
}

/** The portal id of a registered registry business (one statement); null when it is not on the portal. */
export async function businessIdOfRegistry(
  manager: EntityManager,
  registryBusinessId: string,
): Promise<string | null> {
  const row = await manager.findOne(Business, { select: { id: true }, where: { registryBusinessId } });
  return row?.id ?? null;
}

/** The registry business of a portal business (one statement); throws when the id is unknown. */
export async function registryIdOfBusiness(manager: EntityManager, businessId: string): Promise<string> {
  return (await manager.findOneByOrFail(Business, { id: businessId })).registryBusinessId;
}

/** A portal business by id, as other modules need it (one statement); null when there is none. */
export interface BusinessRef {
  id: string;
  registryBusinessId: string;
  businessNumber: string;
}
const refOf = (row: Business): BusinessRef => ({
  id: row.id,
  registryBusinessId: row.registryBusinessId,
  businessNumber: row.businessNumber,
});
export async function businessRef(manager: EntityManager, businessId: string): Promise<BusinessRef | null> {
  const row = await manager.findOneBy(Business, { id: businessId });
  return row && refOf(row);
}

/** Portal businesses by id (one statement; those that exist, in no particular order). */
export async function businessRefs(
  manager: EntityManager,
  businessIds: readonly string[],
): Promise<BusinessRef[]> {
  if (businessIds.length === 0) return [];
  return (await manager.findBy(Business, { id: In([...businessIds]) })).map(refOf);
}

/** The portal business of a business number (one statement); null when it is not registered. */
export async function businessRefByNumber(
  manager: EntityManager,
  businessNumber: string,
): Promise<BusinessRef | null> {
  const row = await manager.findOneBy(Business, { businessNumber });
  return row && refOf(row);
}

/** The portal business of a registry business (one statement); null when it is not on the portal. */
export async function businessRefOfRegistry(
  manager: EntityManager,
  registryBusinessId: string,
): Promise<BusinessRef | null> {
  const row = await manager.findOneBy(Business, { registryBusinessId });
  return row && refOf(row);
}

/** Every portal business, by business number (one statement). */
export async function allBusinessRefs(manager: EntityManager): Promise<BusinessRef[]> {
  return (await manager.find(Business, { order: { businessNumber: 'ASC' } })).map(refOf);
}

/** A person's active membership of a business (its id and role; one statement); else null. */
export interface MemberRef {
  id: string;
  businessId: string;
  userId: string;
  role: BusinessRole;
}
export async function activeMemberOf(
  manager: EntityManager,
  businessId: string,
  userId: string,
): Promise<MemberRef | null> {
  const row = await manager.findOneBy(BusinessMembership, {
    businessId,
    userId,
    status: MembershipStatus.ACTIVE,
  });
  return row && { id: row.id, businessId: row.businessId, userId: row.userId, role: row.role };
}

/** The program accounts a (PAM, editor or reader) membership is limited to (one statement). */
export async function membershipScope(manager: EntityManager, membershipId: string): Promise<string[]> {
  return (await manager.findBy(MembershipProgramAccount, { membershipId })).map(
    (row) => row.programAccountId,
  );
}

/** A person's role in a business when their membership is active (one statement); else null. */
export async function activeMemberRole(
  manager: EntityManager,
  businessId: string,
  userId: string,
): Promise<BusinessRole | null> {
  return (await activeMemberOf(manager, businessId, userId))?.role ?? null;
}
/** Whether a portal business of this id exists (one statement). */
export function businessExists(manager: EntityManager, businessId: string): Promise<boolean> {
  return manager.existsBy(Business, { id: businessId });
}

/** The active memberships of a business (only `ids` when given; one statement). */
export function activeMembershipsOfBusiness(
  manager: EntityManager | DataSource,
  businessId: string,
  ids?: readonly string[],
): Promise<BusinessMembership[]> {
  return manager.getRepository(BusinessMembership).findBy({
    businessId,
    status: MembershipStatus.ACTIVE,
    ...(ids ? { id: In([...ids]) } : {}),
  });
}

/** The program accounts memberships are limited to (one statement). */
export async function membershipScopes(
  manager: EntityManager | DataSource,
  membershipIds: readonly string[],
): Promise<Array<{ membershipId: string; programAccountId: string }>> {
  if (membershipIds.length === 0) return [];
  return manager.getRepository(MembershipProgramAccount).findBy({ membershipId: In([...membershipIds]) });
}
