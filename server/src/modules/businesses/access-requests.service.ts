import { type DataSource, type EntityManager } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { type Problem } from '../../common/errors/problems.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { hasProfile } from '../profiles/profile.service.js';
import { programAccountsByIds, registryBusinessesByIds } from '../registry/registry-lookups.service.js';
import { countInBucket, minutesUntil } from '../throttling/throttling.service.js';
import { publish } from '../../common/events/event-bus.js';
import { recordBusinessAudit } from './business-audit.service.js';
import { businessName } from './business-view.service.js';
import {
  AccessRequest,
  Business,
  BusinessMembership,
  MembershipProgramAccount,
} from './businesses.entities.js';
import { AccessRequestStatus, BusinessRole, MembershipStatus } from './businesses.types.js';
import { businessProblem } from './registration.service.js';
import { characterCount } from '../../common/rules/text-rules.js';
import {
  coversWholeBusiness,
  isBusinessAccountManager,
  mayDecideAccessRequests,
  mayManageBusiness,
} from '../../common/auth/role-policy.js';

export const REASON_MAX_LENGTH = 500;

/**
 * The name of a portal-registered business, for a person about to ask their employer for access; null when
 * the BN is not registered on the portal (registry-only businesses are not revealed). Counted per person
 * (ADDRESS_LOOKUP_LIMIT per window): THROTTLED with extensions.retryAt past it.
 */
export async function employerPreview(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  businessNumber: string,
): Promise<{ businessNumber: string; name: string } | null> {
  const counted = await countInBucket(dataSource, config, `employer:${userId}`);
  if (!counted.allowed)
    throw new AppError(
      ErrorCode.THROTTLED,
      'errors.throttled',
      { minutes: minutesUntil(counted.retryAt, config.now()) },
      { retryAt: counted.retryAt.toISOString() },
    );
  const bn = businessNumber.trim();
  if (!/^\d{9}$/.test(bn)) return null;
  const business = await dataSource.getRepository(Business).findOneBy({ businessNumber: bn });
  if (!business) return null;
  const [registry] = await registryBusinessesByIds(dataSource, [business.registryBusinessId]);
  if (!registry) throw new Error(`No registry business ${business.registryBusinessId}`);
  return { businessNumber: bn, name: businessName(registry) };
}

function reasonProblems(reason: string | null | undefined, field: string[]): Problem[] {
  const text = (reason ?? '').trim();
  if (!text) return [businessProblem(field, 'REQUIRED', {}, 'reason')];
  if (characterCount(text) > REASON_MAX_LENGTH)
    return [businessProblem(field, 'TOO_LONG', { max: REASON_MAX_LENGTH }, 'reason')];
  return [];
}

type RequestResult = { ok: true; request: AccessRequest } | { ok: false; problems: Problem[] };

/**
 * An employee asks for access to a portal-registered business, with a reason. One pending request per
 * person and business; not for a business the person is already an active member of. Audit and domain
 * event ACCESS_REQUESTED (the notices module tells the BAMs). Throws nothing of its own.
 */
export async function requestEmployerAccess(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  input: { businessNumber: string; reason: string },
): Promise<RequestResult> {
  const problems = reasonProblems(input.reason, ['input', 'reason']);
  const bn = input.businessNumber.trim();
  if (!/^\d{9}$/.test(bn))
    problems.unshift(businessProblem(['input', 'businessNumber'], 'INVALID_FORMAT', {}, 'businessNumber'));
  if (problems.length) return { ok: false, problems };
  if (!(await hasProfile(dataSource, userId)))
    return { ok: false, problems: [businessProblem([], 'PROFILE_REQUIRED')] };
  const now = config.now();
  const pending: RequestResult = {
    ok: false,
    problems: [businessProblem(['input', 'businessNumber'], 'REQUEST_PENDING')],
  };
  const work = inTransaction(dataSource, async (manager): Promise<RequestResult> => {
    const business = await manager.findOneBy(Business, { businessNumber: bn });
    if (!business)
      return {
        ok: false,
        problems: [businessProblem(['input', 'businessNumber'], 'BUSINESS_NOT_REGISTERED')],
      };
    if (
      await manager.existsBy(BusinessMembership, {
        businessId: business.id,
        userId,
        status: MembershipStatus.ACTIVE,
      })
    )
      return { ok: false, problems: [businessProblem(['input', 'businessNumber'], 'ALREADY_MEMBER')] };
    if (
      await manager.existsBy(AccessRequest, {
        businessId: business.id,
        requesterId: userId,
        status: AccessRequestStatus.PENDING,
      })
    )
      return pending;
    const request = manager.create(AccessRequest, {
      id: timeOrderedId(),
      businessId: business.id,
      requesterId: userId,
      reason: input.reason.trim(),
      status: AccessRequestStatus.PENDING,
      requestedAt: now,
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
      grantedRole: null,
      pending: true,
    });
    await manager.insert(AccessRequest, request);
    await recordBusinessAudit(manager, {
      registryBusinessId: business.registryBusinessId,
      type: 'ACCESS_REQUESTED',
      actorId: userId,
      details: { request: request.id },
      occurredAt: now,
    });
    await publish(
      manager,
      {
        type: 'ACCESS_REQUESTED',
        payload: { requestId: request.id, businessId: business.id, businessNumber: bn, requesterId: userId },
      },
      now,
    );
    return { ok: true, request };
  });
  // The same person asking twice at once: the pending index lets one through; the other is the
  // ordinary REQUEST_PENDING answer, not a database error.
  return work.catch((error: unknown) => {
    if (isUniqueViolation(error)) return pending;
    throw error;
  });
}

/** Moves a PENDING request on, only if it is still pending (concurrent decisions: one wins). */
async function settle(manager: EntityManager, id: string, changes: Partial<AccessRequest>): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(AccessRequest)
    .set({ ...changes, pending: null })
    .where('id = :id AND status = :pending', { id, pending: AccessRequestStatus.PENDING })
    .execute();
  return (result.affected ?? 0) > 0;
}

/** The requester cancels their own pending request. Audit and domain event ACCESS_CANCELLED. */
export async function cancelAccessRequest(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  requestId: string,
): Promise<RequestResult> {
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<RequestResult> => {
    const request = await manager.findOneBy(AccessRequest, { id: requestId, requesterId: userId });
    if (!request) return { ok: false, problems: [businessProblem(['requestId'], 'REQUEST_NOT_FOUND')] };
    if (!(await settle(manager, request.id, { status: AccessRequestStatus.CANCELLED, decidedAt: now })))
      return { ok: false, problems: [businessProblem(['requestId'], 'REQUEST_NOT_PENDING')] };
    const business = await manager.findOneByOrFail(Business, { id: request.businessId });
    await recordBusinessAudit(manager, {
      registryBusinessId: business.registryBusinessId,
      type: 'ACCESS_CANCELLED',
      actorId: userId,
      details: { request: request.id },
      occurredAt: now,
    });
    await publish(
      manager,
      {
        type: 'ACCESS_CANCELLED',
        payload: { requestId: request.id, businessId: business.id, requesterId: userId },
      },
      now,
    );
    return { ok: true, request: { ...request, status: AccessRequestStatus.CANCELLED, decidedAt: now } };
  });
}

export interface DecideInput {
  requestId: string;
  approve: boolean;
  role?: BusinessRole | null;
  programAccountIds?: string[] | null;
  reason?: string | null;
}

/**
 * Scope problems for granting `role` with `programAccountIds` in `business`, by `decider`: the accounts
 * must be the business's (required and non-empty unless the role is BAM, ignored for a BAM); a PAM may not
 * grant BAM, and only accounts within their own scope.
 */
export async function grantProblems(
  manager: EntityManager,
  business: Business,
  decider: BusinessMembership,
  role: BusinessRole | null | undefined,
  programAccountIds: string[] | null | undefined,
  at: (field: string) => string[],
): Promise<{ problems: Problem[]; accountIds: string[] }> {
  if (!role) return { problems: [businessProblem(at('role'), 'REQUIRED', {}, 'role')], accountIds: [] };
  const deciderIsBam = mayManageBusiness(decider.role);
  if (isBusinessAccountManager(role))
    return deciderIsBam
      ? { problems: [], accountIds: [] }
      : { problems: [businessProblem(at('role'), 'NOT_ALLOWED')], accountIds: [] };
  const ids = [...new Set(programAccountIds ?? [])];
  if (ids.length === 0)
    return {
      problems: [businessProblem(at('programAccountIds'), 'REQUIRED', {}, 'programAccountIds')],
      accountIds: [],
    };
  const accounts = await programAccountsByIds(manager, ids, business.registryBusinessId);
  if (accounts.length !== ids.length)
    return {
      problems: [businessProblem(at('programAccountIds'), 'UNKNOWN_PROGRAM_ACCOUNT')],
      accountIds: [],
    };
  if (!deciderIsBam) {
    const scope = new Set(
      (await manager.findBy(MembershipProgramAccount, { membershipId: decider.id })).map(
        (row) => row.programAccountId,
      ),
    );
    if (ids.some((id) => !scope.has(id)))
      return { problems: [businessProblem(at('programAccountIds'), 'OUT_OF_SCOPE')], accountIds: [] };
  }
  return { problems: [], accountIds: ids };
}

/** Gives the person `role` with `accountIds` in the business: creates, reactivates or replaces the membership. */
export async function grantMembership(
  manager: EntityManager,
  businessId: string,
  userId: string,
  role: BusinessRole,
  accountIds: string[],
  grantedBy: string,
  now: Date,
): Promise<BusinessMembership> {
  const existing = await manager.findOneBy(BusinessMembership, { businessId, userId });
  let membership: BusinessMembership;
  if (existing) {
    const reactivated = existing.status !== MembershipStatus.ACTIVE;
    membership = {
      ...existing,
      role,
      status: MembershipStatus.ACTIVE,
      updatedAt: now,
      ...(reactivated ? { grantedAt: now, grantedBy } : {}),
    };
    await manager.update(
      BusinessMembership,
      { id: existing.id },
      {
        role,
        status: MembershipStatus.ACTIVE,
        updatedAt: now,
        grantedAt: membership.grantedAt,
        grantedBy: membership.grantedBy,
      },
    );
    await manager.delete(MembershipProgramAccount, { membershipId: existing.id });
  } else {
    membership = manager.create(BusinessMembership, {
      id: timeOrderedId(),
      businessId,
      userId,
      role,
      status: MembershipStatus.ACTIVE,
      grantedAt: now,
      grantedBy,
      updatedAt: now,
    });
    await manager.insert(BusinessMembership, membership);
  }
  if (!coversWholeBusiness(role) && accountIds.length)
    await manager.insert(
      MembershipProgramAccount,
      accountIds.map((programAccountId) => ({ membershipId: membership.id, programAccountId })),
    );
  return membership;
}

/**
 * A BAM (any request) or a PAM (accounts within their scope, never the BAM role) approves a pending request
 * with a role and program accounts, or rejects it with a reason. Audit and domain event ACCESS_APPROVED /
 * ACCESS_REJECTED. Throws nothing of its own.
 */
export async function decideAccessRequest(
  dataSource: DataSource,
  config: AppConfig,
  deciderId: string,
  input: DecideInput,
): Promise<RequestResult> {
  const at = (field: string) => ['input', field];
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<RequestResult> => {
    const request = await manager.findOneBy(AccessRequest, { id: input.requestId });
    const decider = request
      ? await manager.findOneBy(BusinessMembership, {
          businessId: request.businessId,
          userId: deciderId,
          status: MembershipStatus.ACTIVE,
        })
      : null;
    // Not a BAM or PAM of the request's business: as if the request did not exist.
    if (!request || !decider || !mayDecideAccessRequests(decider.role))
      return { ok: false, problems: [businessProblem(at('requestId'), 'REQUEST_NOT_FOUND')] };
    if (request.status !== AccessRequestStatus.PENDING)
      return { ok: false, problems: [businessProblem(at('requestId'), 'REQUEST_NOT_PENDING')] };
    const business = await manager.findOneByOrFail(Business, { id: request.businessId });

    if (!input.approve) {
      const problems = reasonProblems(input.reason, at('reason'));
      if (problems.length) return { ok: false, problems };
      const changes = {
        status: AccessRequestStatus.REJECTED,
        decidedAt: now,
        decidedBy: deciderId,
        decisionReason: input.reason!.trim(),
      };
      if (!(await settle(manager, request.id, changes)))
        return { ok: false, problems: [businessProblem(at('requestId'), 'REQUEST_NOT_PENDING')] };
      await recordBusinessAudit(manager, {
        registryBusinessId: business.registryBusinessId,
        type: 'ACCESS_REJECTED',
        actorId: deciderId,
        details: { request: request.id },
        occurredAt: now,
      });
      await publish(
        manager,
        {
          type: 'ACCESS_REJECTED',
          payload: {
            requestId: request.id,
            businessId: business.id,
            requesterId: request.requesterId,
            decidedBy: deciderId,
          },
        },
        now,
      );
      return { ok: true, request: { ...request, ...changes } };
    }

    const grant = await grantProblems(manager, business, decider, input.role, input.programAccountIds, at);
    if (grant.problems.length) return { ok: false, problems: grant.problems };
    const role = input.role!;
    const changes = {
      status: AccessRequestStatus.APPROVED,
      decidedAt: now,
      decidedBy: deciderId,
      decisionReason: input.reason?.trim() || null,
      grantedRole: role,
    };
    if (changes.decisionReason && characterCount(changes.decisionReason) > REASON_MAX_LENGTH)
      return { ok: false, problems: reasonProblems(changes.decisionReason, at('reason')) };
    if (!(await settle(manager, request.id, changes)))
      return { ok: false, problems: [businessProblem(at('requestId'), 'REQUEST_NOT_PENDING')] };
    await grantMembership(manager, business.id, request.requesterId, role, grant.accountIds, deciderId, now);
    await recordBusinessAudit(manager, {
      registryBusinessId: business.registryBusinessId,
      type: 'ACCESS_APPROVED',
      actorId: deciderId,
      details: { request: request.id, role, accounts: grant.accountIds.length },
      occurredAt: now,
    });
    await publish(
      manager,
      {
        type: 'ACCESS_APPROVED',
        payload: {
          requestId: request.id,
          businessId: business.id,
          requesterId: request.requesterId,
          decidedBy: deciderId,
          role,
          programAccountIds: grant.accountIds,
        },
      },
      now,
    );
    return { ok: true, request: { ...request, ...changes } };
  });
}
