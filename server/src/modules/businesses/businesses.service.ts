import { type DataSource } from 'typeorm';
import { type Problem } from '../../common/errors/problems.js';
import { type ActiveSession, setActiveBusiness } from '../sessions/session.service.js';
import { Business as BusinessEntity, type Business, BusinessMembership } from './businesses.entities.js';
import { MembershipStatus } from './businesses.types.js';
import { businessProblem } from './registration.service.js';
import { activeMembershipsOf } from './business-view.service.js';

/**
 * The business the person acts for in this session: the session's choice while the person is still an
 * active member of it, else the first active membership; null without any. Throws nothing of its own.
 */
export async function activeBusinessOf(
  dataSource: DataSource,
  session: ActiveSession['session'],
  userId: string,
): Promise<Business | null> {
  const memberships = await activeMembershipsOf(dataSource, userId);
  if (memberships.length === 0) return null;
  const chosen =
    memberships.find((membership) => membership.businessId === session.activeBusinessId) ?? memberships[0];
  return dataSource.getRepository(BusinessEntity).findOneBy({ id: chosen.businessId });
}

/**
 * Makes a business the session's active business; the person must be an active member of it (else
 * NOT_FOUND at businessId, the same answer as an unknown id). Throws nothing of its own.
 */
export async function switchBusiness(
  dataSource: DataSource,
  session: ActiveSession['session'],
  userId: string,
  businessId: string,
): Promise<{ ok: true; business: Business } | { ok: false; problems: Problem[] }> {
  const membership = await dataSource
    .getRepository(BusinessMembership)
    .findOneBy({ businessId, userId, status: MembershipStatus.ACTIVE });
  if (!membership) return { ok: false, problems: [businessProblem(['businessId'], 'BUSINESS_NOT_FOUND')] };
  await setActiveBusiness(dataSource, session, businessId);
  const business = await dataSource.getRepository(BusinessEntity).findOneByOrFail({ id: businessId });
  return { ok: true, business };
}
