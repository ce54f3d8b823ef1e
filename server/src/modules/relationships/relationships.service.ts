import { And, type DataSource, type EntityManager, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { type Problem } from '../../common/errors/problems.js';
import { isMessageKey, type MessageKey, type MessageParams } from '../../common/i18n/messages.js';
import { type DomainEvent, type DomainEventPayloads } from '../../common/events/domain-events.js';
import { publish } from '../../common/events/event-bus.js';
import { recordBusinessAudit } from '../businesses/business-audit.service.js';
import {
  activeMemberOf,
  businessRef,
  businessRefByNumber,
  type BusinessRef,
  businessRefs,
  type MemberRef,
  membershipScope,
} from '../businesses/business-directory.service.js';
import { releaseClient } from '../client-groups/client-groups.service.js';
import {
  hasProgramAccounts,
  programAccountsByIds,
  registryBusinessesByIds,
} from '../registry/registry-lookups.service.js';
import {
  BusinessRelationship,
  RelationshipEvent,
  RelationshipProgramAccount,
} from './relationships.entities.js';
import { RelationshipEventType, RelationshipStatus, RelationshipType } from './relationships.types.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { mayDecideRelationshipRequests, mayManageBusiness } from '../../common/auth/role-policy.js';

export const RELATIONSHIP_TEXT_MAX_LENGTH = 500;
export const BULK_REQUEST_MAX = 50;
/** The expiry reminder goes out once a pending request is this close to expiring. */
export const REMINDER_DAYS_BEFORE_EXPIRY = 7;
const DAY_MS = 86_400_000;

export type RelationshipResult =
  { ok: true; relationship: BusinessRelationship } | { ok: false; problems: Problem[] };

/** A problem with a `relationships.<kind>.<CODE>` (else `relationships.<CODE>`) message. */
export function relationshipProblem(
  field: string[],
  code: string,
  params: MessageParams = {},
  kind?: string,
): Problem {
  const specific = kind ? `relationships.${kind}.${code}` : '';
  const general = `relationships.${code}`;
  const messageKey: MessageKey = isMessageKey(specific)
    ? specific
    : isMessageKey(general)
      ? general
      : 'errors.badRequest';
  return { field, code, messageKey, params };
}

const fail = (...problems: Problem[]): { ok: false; problems: Problem[] } => ({ ok: false, problems });

/** The status as it reads at `now`: a PENDING request past its expiry is EXPIRED before the job marks it. */
export function effectiveStatus(row: BusinessRelationship, now: Date): RelationshipStatus {
  return row.status === RelationshipStatus.PENDING && row.expiresAt.getTime() <= now.getTime()
    ? RelationshipStatus.EXPIRED
    : row.status;
}

function textProblems(
  text: string | null | undefined,
  field: string[],
  kind: 'message' | 'reason',
  required: boolean,
): Problem[] {
  const value = (text ?? '').trim();
  if (!value) return required ? [relationshipProblem(field, 'REQUIRED', {}, kind)] : [];
  if (characterCount(value) > RELATIONSHIP_TEXT_MAX_LENGTH)
    return [relationshipProblem(field, 'TOO_LONG', { max: RELATIONSHIP_TEXT_MAX_LENGTH }, kind)];
  return [];
}

function activeMembership(
  manager: EntityManager,
  businessId: string,
  userId: string,
): Promise<MemberRef | null> {
  return activeMemberOf(manager, businessId, userId);
}

type RelationshipChangeType = Extract<
  DomainEvent['type'],
  `RELATIONSHIP_${'REQUESTED' | 'CANCELLED' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED' | 'ENDED'}`
>;
/** What a change's event carries beyond the relationship's ids and the actor, which `record` adds. */
type ChangeDetail<T extends RelationshipChangeType> = Omit<
  DomainEventPayloads[T],
  'relationshipId' | 'providerBusinessId' | 'clientBusinessId' | 'actorId'
>;

/** One change: its timeline event, and the type of both its audit entry and its domain event. */
type Change = {
  [T in RelationshipChangeType]: {
    event: RelationshipEventType;
    type: T;
    actorId: string | null;
    detail?: string | null;
  } & (Partial<ChangeDetail<T>> extends ChangeDetail<T>
    ? { payload?: undefined }
    : { payload: ChangeDetail<T> });
}[RelationshipChangeType];

/** The timeline event, the audit of both businesses and the domain event of one change, in its transaction. */
async function record(
  manager: EntityManager,
  relationship: BusinessRelationship,
  change: Change,
  now: Date,
): Promise<void> {
  await manager.insert(RelationshipEvent, {
    id: timeOrderedId(),
    relationshipId: relationship.id,
    type: change.event,
    actorId: change.actorId,
    occurredAt: now,
    detail: change.detail ? change.detail.slice(0, RELATIONSHIP_TEXT_MAX_LENGTH) : null,
  });
  const businesses = await businessRefs(manager, [
    relationship.providerBusinessId,
    relationship.clientBusinessId,
  ]);
  const byId = new Map(businesses.map((business) => [business.id, business]));
  const provider = byId.get(relationship.providerBusinessId);
  const client = byId.get(relationship.clientBusinessId);
  for (const business of [provider, client]) {
    if (!business) continue;
    await recordBusinessAudit(manager, {
      registryBusinessId: business.registryBusinessId,
      type: change.type,
      actorId: change.actorId,
      details: {
        relationship: relationship.id,
        provider: provider?.businessNumber,
        client: client?.businessNumber,
        type: relationship.type,
      },
      occurredAt: now,
    });
  }
  await publish(
    manager,
    // The compiler cannot pair `change.type` with its own payload through the spread; Change does.
    {
      type: change.type,
      payload: {
        relationshipId: relationship.id,
        providerBusinessId: relationship.providerBusinessId,
        clientBusinessId: relationship.clientBusinessId,
        actorId: change.actorId,
        ...change.payload,
      },
    } as DomainEvent,
    now,
  );
}

/**
 * Moves a relationship on from `from`, only if it is still in that state (and, for PENDING, not past its
 * expiry): of concurrent changes, one wins. `open` stays true only for ACCEPTED.
 */
async function transition(
  manager: EntityManager,
  relationship: BusinessRelationship,
  from: RelationshipStatus,
  changes: Partial<BusinessRelationship> & { status: RelationshipStatus },
  now: Date,
): Promise<BusinessRelationship | null> {
  const settled = changes.status !== RelationshipStatus.ACCEPTED;
  const values = { ...changes, updatedAt: now, open: settled ? null : (true as const) };
  const query = manager
    .createQueryBuilder()
    .update(BusinessRelationship)
    .set(values)
    .where('id = :id AND status = :from', { id: relationship.id, from });
  if (from === RelationshipStatus.PENDING) query.andWhere('expires_at > :now', { now });
  const result = await query.execute();
  return (result.affected ?? 0) > 0 ? { ...relationship, ...values } : null;
}

/** Marks an overdue PENDING request EXPIRED (timeline, audit, domain event); false if someone else did. */
async function expire(
  manager: EntityManager,
  relationship: BusinessRelationship,
  now: Date,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(BusinessRelationship)
    .set({ status: RelationshipStatus.EXPIRED, open: null, updatedAt: now })
    .where('id = :id AND status = :pending AND expires_at <= :now', {
      id: relationship.id,
      pending: RelationshipStatus.PENDING,
      now,
    })
    .execute();
  if (!result.affected) return false;
  await record(
    manager,
    { ...relationship, status: RelationshipStatus.EXPIRED },
    {
      event: RelationshipEventType.EXPIRED,
      type: 'RELATIONSHIP_EXPIRED',
      actorId: null,
    },
    now,
  );
  return true;
}

/**
 * The provider for a request by `actorId`: a business the actor is the active BAM of (BUSINESS_NOT_FOUND,
 * NOT_ALLOWED), flagged as a service provider in the registry with at least one program account
 * (NOT_A_SERVICE_PROVIDER).
 */
async function requestingProvider(
  manager: EntityManager,
  actorId: string,
  providerBusinessId: string,
  field: string[],
): Promise<BusinessRef | Problem> {
  const provider = await businessRef(manager, providerBusinessId);
  const membership = provider ? await activeMembership(manager, provider.id, actorId) : null;
  if (!provider || !membership) return relationshipProblem(field, 'BUSINESS_NOT_FOUND');
  if (!mayManageBusiness(membership.role)) return relationshipProblem(field, 'NOT_ALLOWED');
  const [registry] = await registryBusinessesByIds(manager, [provider.registryBusinessId]);
  const hasAccount = await hasProgramAccounts(manager, provider.registryBusinessId);
  if (!registry?.isServiceProvider || !hasAccount)
    return relationshipProblem(field, 'NOT_A_SERVICE_PROVIDER');
  return provider;
}

function isProblem(value: BusinessRef | Problem): value is Problem {
  return 'messageKey' in value;
}

/** One request, in its own transaction. */
async function createRequest(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  provider: BusinessRef,
  businessNumber: string,
  message: string | null,
  field: string[],
): Promise<RelationshipResult> {
  const bn = businessNumber.trim();
  if (!/^\d{9}$/.test(bn)) return fail(relationshipProblem(field, 'INVALID_FORMAT', {}, 'businessNumber'));
  const now = config.now();
  const exists = fail(relationshipProblem(field, 'RELATIONSHIP_EXISTS'));
  const work = inTransaction(dataSource, async (manager): Promise<RelationshipResult> => {
    const client = await businessRefByNumber(manager, bn);
    if (!client) return fail(relationshipProblem(field, 'CLIENT_NOT_REGISTERED'));
    if (client.id === provider.id) return fail(relationshipProblem(field, 'SELF_RELATIONSHIP'));
    const open = await manager.findOneBy(BusinessRelationship, {
      providerBusinessId: provider.id,
      clientBusinessId: client.id,
      open: true,
    });
    // An overdue request the job has not marked yet no longer blocks the pair.
    if (
      open &&
      !(effectiveStatus(open, now) === RelationshipStatus.EXPIRED && (await expire(manager, open, now)))
    )
      return exists;
    const relationship = manager.create(BusinessRelationship, {
      id: timeOrderedId(),
      providerBusinessId: provider.id,
      clientBusinessId: client.id,
      type: null,
      status: RelationshipStatus.PENDING,
      message,
      requestedBy: actorId,
      requestedAt: now,
      expiresAt: new Date(now.getTime() + config.relationshipExpiryDays * DAY_MS),
      reminderSentAt: null,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      endedBy: null,
      endedAt: null,
      open: true,
      updatedAt: now,
    });
    await manager.insert(BusinessRelationship, relationship);
    await record(
      manager,
      relationship,
      {
        event: RelationshipEventType.REQUESTED,
        type: 'RELATIONSHIP_REQUESTED',
        actorId,
        payload: { expiresAt: relationship.expiresAt.toISOString() },
      },
      now,
    );
    return { ok: true, relationship };
  });
  // Concurrent requests for one pair: the open index lets one through; the others get the ordinary answer.
  return work.catch((error: unknown) => {
    if (isUniqueViolation(error)) return exists;
    throw error;
  });
}

/**
 * The provider's BAM asks a client (a portal-registered business, by BN) for a relationship, with an optional
 * message. Problems: BUSINESS_NOT_FOUND, NOT_ALLOWED, NOT_A_SERVICE_PROVIDER, INVALID_FORMAT,
 * CLIENT_NOT_REGISTERED, SELF_RELATIONSHIP, RELATIONSHIP_EXISTS, TOO_LONG. Throws nothing of its own.
 */
export async function requestRelationship(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { providerBusinessId: string; clientBusinessNumber: string; message?: string | null },
): Promise<RelationshipResult> {
  const problems = textProblems(input.message, ['input', 'message'], 'message', false);
  if (problems.length) return fail(...problems);
  const provider = await requestingProvider(dataSource.manager, actorId, input.providerBusinessId, [
    'input',
    'providerBusinessId',
  ]);
  if (isProblem(provider)) return fail(provider);
  const message = input.message?.trim() || null;
  return createRequest(dataSource, config, actorId, provider, input.clientBusinessNumber, message, [
    'input',
    'clientBusinessNumber',
  ]);
}

export type BulkRequestResult =
  | { ok: true; results: Array<{ businessNumber: string; result: RelationshipResult }> }
  | { ok: false; problems: Problem[] };

/**
 * requestRelationship for up to BULK_REQUEST_MAX BNs: each BN is answered on its own (created, or its
 * problems at ["input", "clientBusinessNumbers", i]), each creation in its own transaction. Problems with the
 * whole request (provider, list size, message) answer no BN.
 */
export async function requestRelationships(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { providerBusinessId: string; clientBusinessNumbers: string[]; message?: string | null },
): Promise<BulkRequestResult> {
  const listField = ['input', 'clientBusinessNumbers'];
  const problems = textProblems(input.message, ['input', 'message'], 'message', false);
  if (input.clientBusinessNumbers.length === 0)
    problems.unshift(relationshipProblem(listField, 'REQUIRED', {}, 'clientBusinessNumbers'));
  if (input.clientBusinessNumbers.length > BULK_REQUEST_MAX)
    problems.unshift(
      relationshipProblem(listField, 'TOO_MANY', { max: BULK_REQUEST_MAX }, 'clientBusinessNumbers'),
    );
  if (problems.length) return fail(...problems);
  const provider = await requestingProvider(dataSource.manager, actorId, input.providerBusinessId, [
    'input',
    'providerBusinessId',
  ]);
  if (isProblem(provider)) return fail(provider);
  const message = input.message?.trim() || null;
  const results: Array<{ businessNumber: string; result: RelationshipResult }> = [];
  for (const [index, businessNumber] of input.clientBusinessNumbers.entries())
    results.push({
      businessNumber,
      result: await createRequest(dataSource, config, actorId, provider, businessNumber, message, [
        ...listField,
        String(index),
      ]),
    });
  return { ok: true, results };
}

/**
 * The relationship and the actor's standing: RELATIONSHIP_NOT_FOUND when the actor is an active member of
 * neither business (as if it did not exist).
 */
async function relationshipFor(
  manager: EntityManager,
  actorId: string,
  relationshipId: string,
  field: string[],
): Promise<
  | {
      relationship: BusinessRelationship;
      provider: MemberRef | null;
      client: MemberRef | null;
    }
  | Problem
> {
  const relationship = await manager.findOneBy(BusinessRelationship, { id: relationshipId });
  if (!relationship) return relationshipProblem(field, 'RELATIONSHIP_NOT_FOUND');
  const provider = await activeMembership(manager, relationship.providerBusinessId, actorId);
  const client = await activeMembership(manager, relationship.clientBusinessId, actorId);
  if (!provider && !client) return relationshipProblem(field, 'RELATIONSHIP_NOT_FOUND');
  return { relationship, provider, client };
}

const isBam = (membership: MemberRef | null) => mayManageBusiness(membership?.role);

/** NOT_PENDING for a request already settled; an overdue one is marked EXPIRED on the way (committed). */
async function pendingProblem(
  manager: EntityManager,
  relationship: BusinessRelationship,
  now: Date,
  field: string[],
): Promise<Problem | null> {
  if (relationship.status !== RelationshipStatus.PENDING)
    return relationshipProblem(field, 'RELATIONSHIP_NOT_PENDING');
  if (effectiveStatus(relationship, now) === RelationshipStatus.EXPIRED) {
    await expire(manager, relationship, now);
    return relationshipProblem(field, 'RELATIONSHIP_NOT_PENDING');
  }
  return null;
}

export interface DecideRelationshipValues {
  relationshipId: string;
  approve: boolean;
  type?: RelationshipType | null;
  programAccountIds?: string[] | null;
  reason?: string | null;
}

/**
 * The client's BAM, or a PAM of the client (PROGRAM_MANAGEMENT over accounts in their own scope only),
 * approves a pending request choosing the type (and, for PROGRAM_MANAGEMENT, a non-empty subset of the
 * client's program accounts), or rejects it with a reason. Problems: RELATIONSHIP_NOT_FOUND, NOT_ALLOWED,
 * RELATIONSHIP_NOT_PENDING, TYPE_REQUIRED, PROGRAM_ACCOUNTS_REQUIRED, PROGRAM_ACCOUNT_NOT_OF_CLIENT,
 * OUT_OF_SCOPE, REQUIRED, TOO_LONG. Throws nothing of its own.
 */
export async function decideRelationship(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: DecideRelationshipValues,
): Promise<RelationshipResult> {
  const at = (field: string) => ['input', field];
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<RelationshipResult> => {
    const found = await relationshipFor(manager, actorId, input.relationshipId, at('relationshipId'));
    if (!('relationship' in found)) return fail(found);
    const { relationship, client: decider } = found;
    if (!decider || !mayDecideRelationshipRequests(decider.role))
      return fail(relationshipProblem(at('relationshipId'), 'NOT_ALLOWED'));
    const notPending = await pendingProblem(manager, relationship, now, at('relationshipId'));
    if (notPending) return fail(notPending);

    if (!input.approve) {
      const problems = textProblems(input.reason, at('reason'), 'reason', true);
      if (problems.length) return fail(...problems);
      const reason = input.reason!.trim();
      const rejected = await transition(
        manager,
        relationship,
        RelationshipStatus.PENDING,
        { status: RelationshipStatus.REJECTED, decidedAt: now, decidedBy: actorId, decisionReason: reason },
        now,
      );
      if (!rejected) return fail(relationshipProblem(at('relationshipId'), 'RELATIONSHIP_NOT_PENDING'));
      await record(
        manager,
        rejected,
        {
          event: RelationshipEventType.REJECTED,
          type: 'RELATIONSHIP_REJECTED',
          actorId,
          detail: reason,
        },
        now,
      );
      return { ok: true, relationship: rejected };
    }

    if (!input.type) return fail(relationshipProblem(at('type'), 'TYPE_REQUIRED'));
    const reasonProblems = textProblems(input.reason, at('reason'), 'reason', false);
    if (reasonProblems.length) return fail(...reasonProblems);
    let accountIds: string[] = [];
    if (input.type === RelationshipType.BUSINESS_MANAGEMENT) {
      if (!isBam(decider)) return fail(relationshipProblem(at('type'), 'NOT_ALLOWED', {}, 'type'));
    } else {
      accountIds = [...new Set(input.programAccountIds ?? [])];
      if (accountIds.length === 0)
        return fail(relationshipProblem(at('programAccountIds'), 'PROGRAM_ACCOUNTS_REQUIRED'));
      const client = await businessRef(manager, relationship.clientBusinessId);
      if (!client) throw new Error(`No business ${relationship.clientBusinessId}`);
      const accounts = await programAccountsByIds(manager, accountIds, client.registryBusinessId);
      if (accounts.length !== accountIds.length)
        return fail(relationshipProblem(at('programAccountIds'), 'PROGRAM_ACCOUNT_NOT_OF_CLIENT'));
      if (!isBam(decider)) {
        const scope = new Set(await membershipScope(manager, decider.id));
        if (accountIds.some((id) => !scope.has(id)))
          return fail(relationshipProblem(at('programAccountIds'), 'OUT_OF_SCOPE'));
      }
    }
    const accepted = await transition(
      manager,
      relationship,
      RelationshipStatus.PENDING,
      {
        status: RelationshipStatus.ACCEPTED,
        type: input.type,
        decidedAt: now,
        decidedBy: actorId,
        decisionReason: input.reason?.trim() || null,
      },
      now,
    );
    if (!accepted) return fail(relationshipProblem(at('relationshipId'), 'RELATIONSHIP_NOT_PENDING'));
    if (accountIds.length)
      await manager.insert(
        RelationshipProgramAccount,
        accountIds.map((programAccountId) => ({ relationshipId: relationship.id, programAccountId })),
      );
    await record(
      manager,
      accepted,
      {
        event: RelationshipEventType.ACCEPTED,
        type: 'RELATIONSHIP_ACCEPTED',
        actorId,
        detail: input.type,
        payload: { type: input.type, programAccountIds: accountIds },
      },
      now,
    );
    return { ok: true, relationship: accepted };
  });
}

/**
 * The provider's BAM withdraws a pending request (CANCELLED). Problems: RELATIONSHIP_NOT_FOUND, NOT_ALLOWED,
 * RELATIONSHIP_NOT_PENDING. Throws nothing of its own.
 */
export async function cancelRelationship(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  relationshipId: string,
): Promise<RelationshipResult> {
  const field = ['relationshipId'];
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<RelationshipResult> => {
    const found = await relationshipFor(manager, actorId, relationshipId, field);
    if (!('relationship' in found)) return fail(found);
    if (!isBam(found.provider)) return fail(relationshipProblem(field, 'NOT_ALLOWED'));
    const notPending = await pendingProblem(manager, found.relationship, now, field);
    if (notPending) return fail(notPending);
    const cancelled = await transition(
      manager,
      found.relationship,
      RelationshipStatus.PENDING,
      { status: RelationshipStatus.CANCELLED },
      now,
    );
    if (!cancelled) return fail(relationshipProblem(field, 'RELATIONSHIP_NOT_PENDING'));
    await record(
      manager,
      cancelled,
      {
        event: RelationshipEventType.CANCELLED,
        type: 'RELATIONSHIP_CANCELLED',
        actorId,
      },
      now,
    );
    return { ok: true, relationship: cancelled };
  });
}

/**
 * Either side's BAM ends an ACCEPTED relationship (ENDED). The provider's direct assignments of its employees
 * to the client and the client's place in the provider's groups go with it. Problems: RELATIONSHIP_NOT_FOUND,
 * NOT_ALLOWED, RELATIONSHIP_NOT_ACTIVE. Throws nothing of its own.
 */
export async function endRelationship(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  relationshipId: string,
): Promise<RelationshipResult> {
  const field = ['relationshipId'];
  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<RelationshipResult> => {
    const found = await relationshipFor(manager, actorId, relationshipId, field);
    if (!('relationship' in found)) return fail(found);
    if (!isBam(found.provider) && !isBam(found.client))
      return fail(relationshipProblem(field, 'NOT_ALLOWED'));
    const ended = await transition(
      manager,
      found.relationship,
      RelationshipStatus.ACCEPTED,
      { status: RelationshipStatus.ENDED, endedAt: now, endedBy: actorId },
      now,
    );
    if (!ended) return fail(relationshipProblem(field, 'RELATIONSHIP_NOT_ACTIVE'));
    await releaseClient(manager, ended.providerBusinessId, ended.clientBusinessId);
    await record(
      manager,
      ended,
      {
        event: RelationshipEventType.ENDED,
        type: 'RELATIONSHIP_ENDED',
        actorId,
        payload: { endedBySide: isBam(found.provider) ? 'PROVIDER' : 'CLIENT' },
      },
      now,
    );
    return { ok: true, relationship: ended };
  });
}

const EXPIRY_BATCH = 500;

/**
 * The expiry job (main.ts runs it every 10 minutes): marks PENDING requests past their expiry EXPIRED
 * (timeline, audits, domain event RELATIONSHIP_EXPIRED) and publishes RELATIONSHIP_EXPIRY_REMINDER once for each
 * request within REMINDER_DAYS_BEFORE_EXPIRY days of expiring (reminder_sent_at). Each row in its own short
 * transaction, with conditional updates, so runs that overlap (two servers) do each thing once.
 */
export async function expireRelationships(
  dataSource: DataSource,
  config: AppConfig,
): Promise<{ expired: number; reminded: number }> {
  const now = config.now();
  const repository = dataSource.getRepository(BusinessRelationship);
  let expired = 0;
  for (;;) {
    const overdue = await repository.find({
      where: { status: RelationshipStatus.PENDING, expiresAt: LessThanOrEqual(now) },
      order: { expiresAt: 'ASC', id: 'ASC' },
      take: EXPIRY_BATCH,
    });
    for (const row of overdue)
      if (await inTransaction(dataSource, (manager) => expire(manager, row, now))) expired += 1;
    if (overdue.length < EXPIRY_BATCH) break;
  }
  const horizon = new Date(now.getTime() + REMINDER_DAYS_BEFORE_EXPIRY * DAY_MS);
  let reminded = 0;
  for (;;) {
    const due = await repository.find({
      where: {
        status: RelationshipStatus.PENDING,
        reminderSentAt: IsNull(),
        expiresAt: And(MoreThan(now), LessThanOrEqual(horizon)),
      },
      order: { expiresAt: 'ASC', id: 'ASC' },
      take: EXPIRY_BATCH,
    });
    for (const row of due) {
      const sent = await inTransaction(dataSource, async (manager) => {
        const result = await manager
          .createQueryBuilder()
          .update(BusinessRelationship)
          .set({ reminderSentAt: now })
          .where('id = :id AND status = :pending AND reminder_sent_at IS NULL', {
            id: row.id,
            pending: RelationshipStatus.PENDING,
          })
          .execute();
        if (!result.affected) return false;
        await publish(
          manager,
          {
            type: 'RELATIONSHIP_EXPIRY_REMINDER',
            payload: {
              relationshipId: row.id,
              providerBusinessId: row.providerBusinessId,
              clientBusinessId: row.clientBusinessId,
              expiresAt: row.expiresAt.toISOString(),
            },
          },
          now,
        );
        return true;
      });
      if (sent) reminded += 1;
    }
    if (due.length < EXPIRY_BATCH) break;
  }
  return { expired, reminded };
}
