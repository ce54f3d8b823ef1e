import { type DataSource } from 'typeorm';
import { AccessRequest, type BusinessMembership } from './businesses.entities.js';
import { AccessRequestStatus, type AccessRequestNode, BusinessRole } from './businesses.types.js';

export function accessRequestNode(row: AccessRequest): AccessRequestNode {
  return {
    id: row.id,
    reason: row.reason,
    status: row.status,
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    grantedRole: row.grantedRole,
    businessId: row.businessId,
    requesterId: row.requesterId,
    decidedBy: row.decidedBy,
  };
}

/**
 * Pending requests of a business for a member who may decide them: a BAM, or a PAM (a request names no
 * program accounts; a PAM may approve it only within their own scope). Others see none.
 */
export async function pendingAccessRequestsOf(
  dataSource: DataSource,
  membership: BusinessMembership,
): Promise<AccessRequestNode[]> {
  if (
    membership.role !== BusinessRole.BUSINESS_ACCOUNT_MANAGER &&
    membership.role !== BusinessRole.PROGRAM_ACCOUNT_MANAGER
  )
    return [];
  const rows = await dataSource.getRepository(AccessRequest).find({
    where: { businessId: membership.businessId, status: AccessRequestStatus.PENDING },
    order: { requestedAt: 'ASC', id: 'ASC' },
  });
  return rows.map(accessRequestNode);
}

/** The person's own access requests, newest first. */
export async function viewerAccessRequests(
  dataSource: DataSource,
  userId: string,
): Promise<AccessRequestNode[]> {
  const rows = await dataSource.getRepository(AccessRequest).find({
    where: { requesterId: userId },
    order: { requestedAt: 'DESC', id: 'DESC' },
  });
  return rows.map(accessRequestNode);
}
