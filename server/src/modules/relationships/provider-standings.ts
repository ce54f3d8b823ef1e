import { type DataSource } from 'typeorm';
import { queryNamed } from '../../common/database/named-sql.js';
import { BusinessRole, MembershipStatus } from '../businesses/businesses.types.js';
import { assignedSql } from './provider-reach.js';
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
 * `clientBusinessIds`, assigned or not (the rule of relationships/provider-reach.ts, which the request's
 * standings read). One SQL statement whatever the number of clients.
 */
export async function loadProviderStandings(
  dataSource: DataSource,
  userId: string,
  clientBusinessIds: string[],
): Promise<ProviderStanding[]> {
  const clients = [...new Set(clientBusinessIds)];
  if (clients.length === 0) return [];
  const rows = await queryNamed<
    Array<{
      relationshipId: string;
      providerBusinessId: string;
      clientBusinessId: string;
      type: ProviderStanding['type'];
      providerRole: BusinessRole;
      assigned: number | string;
      programAccountId: string | null;
    }>
  >(
    dataSource,
    'SELECT r.id AS relationshipId, r.provider_business_id AS providerBusinessId,' +
      ' r.client_business_id AS clientBusinessId, r.type AS type, pm.role AS providerRole,' +
      ` CASE WHEN ${assignedSql('r', 'pm')} THEN 1 ELSE 0 END AS assigned, rpa.program_account_id AS programAccountId` +
      ' FROM business_relationship r INNER JOIN business_membership pm ON pm.business_id = r.provider_business_id' +
      ' AND pm.user_id = :reachUser AND pm.status = :active' +
      " LEFT JOIN relationship_program_account rpa ON rpa.relationship_id = r.id AND r.type = 'PROGRAM_MANAGEMENT'" +
      ' WHERE r.status = :accepted AND r.client_business_id IN (:...clients)' +
      ' ORDER BY r.client_business_id ASC, r.provider_business_id ASC, rpa.program_account_id ASC',
    {
      reachUser: userId,
      reachBam: BusinessRole.BUSINESS_ACCOUNT_MANAGER,
      active: MembershipStatus.ACTIVE,
      accepted: RelationshipStatus.ACCEPTED,
      clients,
    },
  );
  const standings = new Map<string, ProviderStanding>();
  for (const row of rows) {
    const standing = standings.get(row.relationshipId) ?? {
      clientBusinessId: row.clientBusinessId,
      providerBusinessId: row.providerBusinessId,
      relationshipId: row.relationshipId,
      type: row.type,
      programAccountIds: [],
      providerRole: row.providerRole,
      assigned: Number(row.assigned) === 1,
    };
    if (row.programAccountId) standing.programAccountIds.push(row.programAccountId);
    standings.set(row.relationshipId, standing);
  }
  return [...standings.values()];
}
