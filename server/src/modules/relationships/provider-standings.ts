import { type DataSource, In } from 'typeorm';
import { BusinessMembership } from '../businesses/businesses.entities.js';
import { BusinessRole, MembershipStatus } from '../businesses/businesses.types.js';
import {
  ClientGroup,
  ClientGroupMember,
  EmployeeAssignment,
} from '../client-groups/client-groups.entities.js';
import { BusinessRelationship, RelationshipProgramAccount } from './relationships.entities.js';
import { RelationshipStatus } from './relationships.types.js';

/** What a person may do for a client through a service provider they work for (read by the access rules). */
export interface ProviderStanding {
  clientBusinessId: string;
  providerBusinessId: string;
  relationshipId: string;
  type: 'BUSINESS_MANAGEMENT' | 'PROGRAM_MANAGEMENT';
  /** The accounts a PROGRAM_MANAGEMENT relationship covers; empty for BUSINESS_MANAGEMENT (every account). */
  programAccountIds: string[];
  /** The person's role in the provider. */
  providerRole: BusinessRole;
  /** The person is the provider's BAM, or assigned to the client directly or through a non-deleted group. */
  assigned: boolean;
}

/**
 * One row per ACCEPTED relationship between a provider the person is an ACTIVE member of and each of
 * `clientBusinessIds`. At most four SQL statements whatever the number of clients (relationships with the
 * person's role; their program accounts; direct assignments; group assignments).
 */
export async function loadProviderStandings(
  dataSource: DataSource,
  userId: string,
  clientBusinessIds: string[],
): Promise<ProviderStanding[]> {
  const clients = [...new Set(clientBusinessIds)];
  if (clients.length === 0) return [];
  const rows = await dataSource
    .createQueryBuilder()
    .select('r.id', 'relationshipId')
    .addSelect('r.provider_business_id', 'providerBusinessId')
    .addSelect('r.client_business_id', 'clientBusinessId')
    .addSelect('r.type', 'type')
    .addSelect('m.role', 'providerRole')
    .from(BusinessRelationship, 'r')
    .innerJoin(
      BusinessMembership,
      'm',
      'm.business_id = r.provider_business_id AND m.user_id = :userId AND m.status = :active',
      { userId, active: MembershipStatus.ACTIVE },
    )
    .where('r.status = :accepted AND r.client_business_id IN (:...clients)', {
      accepted: RelationshipStatus.ACCEPTED,
      clients,
    })
    .orderBy('r.client_business_id', 'ASC')
    .addOrderBy('r.provider_business_id', 'ASC')
    .getRawMany<{
      relationshipId: string;
      providerBusinessId: string;
      clientBusinessId: string;
      type: ProviderStanding['type'];
      providerRole: BusinessRole;
    }>();
  if (rows.length === 0) return [];

  const programIds = rows.filter((row) => row.type === 'PROGRAM_MANAGEMENT').map((row) => row.relationshipId);
  const accounts = programIds.length
    ? await dataSource
        .getRepository(RelationshipProgramAccount)
        .find({ where: { relationshipId: In(programIds) }, order: { programAccountId: 'ASC' } })
    : [];
  const accountsOf = new Map<string, string[]>();
  for (const row of accounts)
    accountsOf.set(row.relationshipId, [...(accountsOf.get(row.relationshipId) ?? []), row.programAccountId]);

  // Assignments matter only where the person is not the provider's BAM (a BAM is assigned to every client).
  const providers = [
    ...new Set(
      rows
        .filter((row) => row.providerRole !== BusinessRole.BUSINESS_ACCOUNT_MANAGER)
        .map((r) => r.providerBusinessId),
    ),
  ];
  const assigned = new Set<string>();
  const pair = (providerId: string, clientId: string) => `${providerId}|${clientId}`;
  if (providers.length) {
    const direct = await dataSource.getRepository(EmployeeAssignment).find({
      select: { providerBusinessId: true, clientBusinessId: true },
      where: { userId, providerBusinessId: In(providers), clientBusinessId: In(clients) },
    });
    for (const row of direct) assigned.add(pair(row.providerBusinessId, row.clientBusinessId!));
    const viaGroups = await dataSource
      .createQueryBuilder()
      .select('a.provider_business_id', 'providerBusinessId')
      .addSelect('cm.client_business_id', 'clientBusinessId')
      .from(EmployeeAssignment, 'a')
      .innerJoin(
        ClientGroup,
        'g',
        'g.id = a.client_group_id AND g.provider_business_id = a.provider_business_id AND g.deleted_at IS NULL',
      )
      .innerJoin(ClientGroupMember, 'cm', 'cm.group_id = g.id')
      .where('a.user_id = :userId AND a.provider_business_id IN (:...providers)', { userId, providers })
      .andWhere('cm.client_business_id IN (:...clients)', { clients })
      .getRawMany<{ providerBusinessId: string; clientBusinessId: string }>();
    for (const row of viaGroups) assigned.add(pair(row.providerBusinessId, row.clientBusinessId));
  }

  return rows.map((row) => ({
    clientBusinessId: row.clientBusinessId,
    providerBusinessId: row.providerBusinessId,
    relationshipId: row.relationshipId,
    type: row.type,
    programAccountIds: row.type === 'PROGRAM_MANAGEMENT' ? (accountsOf.get(row.relationshipId) ?? []) : [],
    providerRole: row.providerRole,
    assigned:
      row.providerRole === BusinessRole.BUSINESS_ACCOUNT_MANAGER ||
      assigned.has(pair(row.providerBusinessId, row.clientBusinessId)),
  }));
}
