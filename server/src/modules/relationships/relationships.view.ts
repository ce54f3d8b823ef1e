import { type DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { decodeCursor, keysetBefore, pageSize, toConnectionPage } from '../../common/graphql/connection.js';
import { BusinessRole } from '../businesses/businesses.types.js';
import { effectiveStatus } from './relationships.service.js';
import { BusinessRelationship } from './relationships.entities.js';
import {
  type BusinessRelationshipConnection,
  type BusinessRelationshipNode,
  RelationshipStatus,
  RelationshipType,
} from './relationships.types.js';

// Read side of the relationships module: the lists on Business and the API shapes built from rows.

export function relationshipNode(row: BusinessRelationship, now: Date): BusinessRelationshipNode {
  return {
    id: row.id,
    type: row.type,
    status: effectiveStatus(row, now),
    message: row.message,
    requestedAt: row.requestedAt,
    expiresAt: row.expiresAt,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    endedAt: row.endedAt,
    providerBusinessId: row.providerBusinessId,
    clientBusinessId: row.clientBusinessId,
  };
}

export type RelationshipList = 'SENT' | 'RECEIVED' | 'ACTIVE';

export interface ListViewer {
  /** The viewer's active membership of the business, if any. */
  membership: { role: BusinessRole } | null;
  /** The PAM's program accounts (null for a BAM: every account). */
  scope: Set<string> | null;
}

/**
 * A page of a business's relationships, newest request first. SENT: the BAM only. RECEIVED and ACTIVE: the BAM,
 * and a PAM for those concerning their programs (business management ones, program management ones naming
 * an account in their scope, and received requests never accepted, which name no program yet). ACTIVE is
 * ACCEPTED ones where the business is the provider or the client (a PAM: the client only). Throws FORBIDDEN
 * for anyone else, BAD_USER_INPUT for a bad `first` or `after`.
 */
export async function relationshipConnection(
  dataSource: DataSource,
  now: Date,
  businessId: string,
  viewer: ListViewer,
  list: RelationshipList,
  options: { status?: RelationshipStatus | null; first?: number | null; after?: string | null },
): Promise<BusinessRelationshipConnection> {
  const role = viewer.membership?.role;
  const isBam = role === BusinessRole.BUSINESS_ACCOUNT_MANAGER;
  const isPam = role === BusinessRole.PROGRAM_ACCOUNT_MANAGER;
  if (!isBam && !(isPam && list !== 'SENT')) throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
  const size = pageSize(options.first);
  const after = options.after ? decodeCursor(options.after) : null;

  const query = dataSource.getRepository(BusinessRelationship).createQueryBuilder('r');
  if (list === 'SENT') query.where('r.provider_business_id = :businessId', { businessId });
  else if (list === 'RECEIVED' || isPam) query.where('r.client_business_id = :businessId', { businessId });
  else
    query.where('(r.provider_business_id = :businessId OR r.client_business_id = :businessId)', {
      businessId,
    });

  if (isPam) {
    const concerning = ['r.type = :businessManagement'];
    if (list === 'RECEIVED') concerning.push('r.type IS NULL');
    const scope = [...(viewer.scope ?? [])];
    if (scope.length)
      concerning.push(
        'EXISTS (SELECT 1 FROM relationship_program_account rpa WHERE rpa.relationship_id = r.id AND rpa.program_account_id IN (:...scope))',
      );
    query.andWhere(`(${concerning.join(' OR ')})`, {
      businessManagement: RelationshipType.BUSINESS_MANAGEMENT,
      scope,
    });
  }

  const status = list === 'ACTIVE' ? RelationshipStatus.ACCEPTED : options.status;
  // A PENDING request past its expiry is EXPIRED already, whether or not the job marked it.
  if (status === RelationshipStatus.PENDING)
    query.andWhere('r.status = :pending AND r.expires_at > :now', {
      pending: RelationshipStatus.PENDING,
      now,
    });
  else if (status === RelationshipStatus.EXPIRED)
    query.andWhere('(r.status = :expired OR (r.status = :pending AND r.expires_at <= :now))', {
      expired: RelationshipStatus.EXPIRED,
      pending: RelationshipStatus.PENDING,
      now,
    });
  else if (status) query.andWhere('r.status = :status', { status });

  const counting = query.clone();
  if (after) {
    const keyset = keysetBefore('r.requested_at', 'r.id', after);
    query.andWhere(keyset.sql, keyset.params);
  }
  const rows = await query
    .orderBy('r.requestedAt', 'DESC')
    .addOrderBy('r.id', 'DESC')
    .limit(size + 1)
    .getMany();
  return {
    ...toConnectionPage(
      rows,
      size,
      (row) => ({ at: row.requestedAt, id: row.id }),
      (row) => relationshipNode(row, now),
    ),
    count: () => counting.getCount(),
  };
}
