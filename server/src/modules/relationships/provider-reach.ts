import { type DataSource, type EntityManager } from 'typeorm';
import { BusinessRole, MembershipStatus } from '../businesses/businesses.types.js';
import { PersonRole } from '../users/user.types.js';
import { RelationshipStatus } from './relationships.types.js';

// What a caller reaches through the service providers they work for, as SQL (docs/decisions/0022): the
// clients, their notices, their transactions and rulings all follow from the accepted relationships this
// predicate keeps. It joins the relationship, membership, assignment and client-group tables, so a statement
// costs the same with 5 clients as with 5,000; nothing lists the reachable businesses in the SQL text.

/** Who asks: a person in a browser session, or an API token of a provider (acting as its creator). */
export interface ReachCaller {
  userId: string;
  /** The token's business, client groups (none: every client of the business) and scope (READ, READ_WRITE). */
  token: { businessId: string; clientGroupIds: readonly string[]; scope: string } | null;
}

/** SQL text over aliases the caller chose, with named parameters (prefixed `reach`, the same in every use). */
export interface ReachSql {
  /** `business_relationship <r> INNER JOIN business_membership <pm> ON …`: a FROM clause. */
  from: string;
  /** The condition on that FROM. */
  where: string;
  params: Record<string, unknown>;
}

/**
 * The accepted relationships `r` through which the caller acts for a client, joined with the caller's ACTIVE
 * membership `pm` in the provider (pm.role is the caller's role there). A person: the provider's BAM, or
 * assigned to the client directly or through one of the provider's client groups (not deleted). A token: the
 * relationships of its own business (its creator is that business's BAM, checked when the token is read), and
 * only the clients of its client groups (not deleted) when it is limited to some. The same rule as the
 * standings of the access table (modules/access/standing-source.ts reads it).
 */
export function providerReach(caller: ReachCaller, r = 'r', pm = 'pm'): ReachSql {
  const params: Record<string, unknown> = {
    reachUser: caller.userId,
    reachAccepted: RelationshipStatus.ACCEPTED,
    reachActive: MembershipStatus.ACTIVE,
  };
  const from =
    `business_relationship ${r} INNER JOIN business_membership ${pm} ON ${pm}.business_id = ${r}.provider_business_id` +
    ` AND ${pm}.user_id = :reachUser AND ${pm}.status = :reachActive`;
  const accepted = `${r}.status = :reachAccepted`;
  if (caller.token) {
    params.reachProvider = caller.token.businessId;
    let where = `${accepted} AND ${r}.provider_business_id = :reachProvider`;
    if (caller.token.clientGroupIds.length) {
      params.reachGroups = [...caller.token.clientGroupIds];
      where +=
        ` AND EXISTS (SELECT 1 FROM client_group_member tgm INNER JOIN client_group tg ON tg.id = tgm.group_id` +
        ` AND tg.deleted_at IS NULL WHERE tgm.client_business_id = ${r}.client_business_id AND tgm.group_id IN (:...reachGroups))`;
    }
    return { from, where, params };
  }
  params.reachBam = BusinessRole.BUSINESS_ACCOUNT_MANAGER;
  return { from, where: `${accepted} AND ${assignedSql(r, pm)}`, params };
}

/**
 * Whether the person (`:reachUser`, whose membership in r's provider is `pm`) may act for r's client: the
 * provider's BAM (`:reachBam`), or assigned to the client directly or through one of the provider's client
 * groups that is not deleted.
 */
export function assignedSql(r: string, pm: string, user = ':reachUser'): string {
  const direct =
    `EXISTS (SELECT 1 FROM employee_assignment ea WHERE ea.provider_business_id = ${r}.provider_business_id` +
    ` AND ea.user_id = ${user} AND ea.client_business_id = ${r}.client_business_id)`;
  const viaGroup =
    `EXISTS (SELECT 1 FROM employee_assignment ga INNER JOIN client_group gg ON gg.id = ga.client_group_id` +
    ` AND gg.provider_business_id = ga.provider_business_id AND gg.deleted_at IS NULL` +
    ` INNER JOIN client_group_member gm ON gm.group_id = gg.id` +
    ` WHERE ga.user_id = ${user} AND ga.provider_business_id = ${r}.provider_business_id` +
    ` AND gm.client_business_id = ${r}.client_business_id)`;
  return `(${pm}.role = :reachBam OR ${direct} OR ${viaGroup})`;
}

/**
 * The people who reach each of `clientBusinessIds` as a provider, now: providerReach read the other way, from
 * the client to the active members of its accepted providers who are the provider's BAM, assigned to the client
 * (directly or through a client group), or agency officers (whose standing reads every client of their
 * businesses). The live bell signals them when a client's notice is written (notice-writer.ts); what each may
 * read of it is still the notices service's decision. One statement per call (its caller chunks the ids).
 */
export async function peopleReachingClients(
  manager: EntityManager,
  clientBusinessIds: readonly string[],
): Promise<Array<{ clientBusinessId: string; userId: string }>> {
  if (clientBusinessIds.length === 0) return [];
  const rows = await manager
    .createQueryBuilder()
    .select('r.client_business_id', 'clientBusinessId')
    .addSelect('pm.user_id', 'userId')
    .distinct(true)
    .from('business_relationship', 'r')
    .innerJoin(
      'business_membership',
      'pm',
      'pm.business_id = r.provider_business_id AND pm.status = :reachActive',
    )
    .where('r.client_business_id IN (:...reachClients) AND r.status = :reachAccepted', {
      reachClients: [...clientBusinessIds],
    })
    .andWhere(
      `(${assignedSql('r', 'pm', 'pm.user_id')} OR EXISTS (SELECT 1 FROM app_user ru WHERE ru.id = pm.user_id AND ru.role = :reachOfficer))`,
      {
        reachBam: BusinessRole.BUSINESS_ACCOUNT_MANAGER,
        reachOfficer: PersonRole.OFFICER,
        reachActive: MembershipStatus.ACTIVE,
        reachAccepted: RelationshipStatus.ACCEPTED,
      },
    )
    .getRawMany<{ clientBusinessId: string; userId: string }>();
  return rows;
}

/**
 * The businesses a person is an active member of, and whether any of them provides to a client (an accepted
 * relationship as provider): one statement.
 */
export async function ownBusinessesOf(
  dataSource: DataSource,
  userId: string,
): Promise<{ own: string[]; provides: boolean }> {
  const rows = await dataSource
    .createQueryBuilder()
    .select('m.business_id', 'businessId')
    .addSelect(
      'CASE WHEN EXISTS (SELECT 1 FROM business_relationship r WHERE r.provider_business_id = m.business_id AND r.status = :accepted) THEN 1 ELSE 0 END',
      'provides',
    )
    .from('business_membership', 'm')
    .where('m.user_id = :userId AND m.status = :active', {
      userId,
      active: MembershipStatus.ACTIVE,
      accepted: RelationshipStatus.ACCEPTED,
    })
    .getRawMany<{ businessId: string; provides: number | string }>();
  return { own: rows.map((row) => row.businessId), provides: rows.some((row) => Number(row.provides) === 1) };
}
