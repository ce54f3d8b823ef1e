import { type EntityManager } from 'typeorm';
import { type DomainEventPayloads, type PublishedEvent } from '../../common/events/domain-events.js';
import { type EventHandler, type EventSubscriber } from '../../common/events/event-bus.js';
import {
  businessesOfRegistry,
  businessSummaries,
  type BusinessSummary as BusinessInfo,
} from '../businesses/business-directory.service.js';
import { claimNoticeFacts } from '../claims/claims.service.js';
import { letterNoticeFacts } from '../messaging/letters.service.js';
import { threadNoticeFacts } from '../messaging/messaging.service.js';
import { personName } from '../profiles/profile.service.js';
import { programAccountSummaries } from '../registry/registry-lookups.service.js';
import { money, renderNotice, roleLabels, type Bilingual, type TemplateName } from './notice-templates.js';
import { type NoticeDraft, writeNotices } from './notice-writer.js';
import { NoticeType } from './notices.types.js';

// Notices from the domain events of the other modules (docs/notices.md "Sources"), as the notices module's
// subscriber on the event bus (decision 0020). Each handler runs inside the event's transaction: the
// notices and their emails exist exactly when the change does, and a rollback leaves none (decision 0013).
// Events with no handler here (registration locks, activation keys, settings, contacts, client groups,
// rulings, documents, finance, a claim's filing as a draft) concern the agency's or the actor's own work: no notice.

async function businessInfo(manager: EntityManager, id: string): Promise<BusinessInfo | undefined> {
  return (await businessSummaries(manager, [id])).get(id);
}

/** A notice to a business (the people who may see its type read it). */
function toBusiness(
  event: PublishedEvent,
  business: BusinessInfo,
  type: NoticeType,
  template: TemplateName,
  values: Record<string, string | Bilingual>,
  linkPath: string,
): NoticeDraft {
  return {
    type,
    businessId: business.id,
    accountNumber: business.businessNumber,
    recipientName: business.name,
    ...renderNotice(template, values),
    linkPath,
    sourceKey: `event:${event.id}:${business.id}`,
  };
}

/** A notice to one person, about a business (visible to that person only). */
async function toPerson(
  manager: EntityManager,
  event: PublishedEvent,
  userId: string,
  business: BusinessInfo,
  type: NoticeType,
  template: TemplateName,
  values: Record<string, string | Bilingual>,
  linkPath: string,
): Promise<NoticeDraft> {
  return {
    type,
    businessId: business.id,
    accountNumber: business.businessNumber,
    recipientUserId: userId,
    recipientName: (await personName(manager, userId)) || business.name,
    ...renderNotice(template, values),
    linkPath,
    sourceKey: `event:${event.id}:${userId}`,
  };
}

type Drafter<T extends keyof DomainEventPayloads> = (
  manager: EntityManager,
  event: PublishedEvent<T>,
) => Promise<NoticeDraft[]>;

/** A handler that writes (and mails) the notices the drafter calls for. */
function notify<T extends keyof DomainEventPayloads>(drafter: Drafter<T>): EventHandler<T> {
  return async (manager, event) => {
    await writeNotices(manager, await drafter(manager, event), event.occurredAt);
  };
}

/** A change of someone's own access, told to that person (never when they made it themselves). */
function toMember<
  T extends 'ACCESS_APPROVED' | 'ACCESS_REJECTED' | 'MEMBERSHIP_CHANGED' | 'MEMBERSHIP_REVOKED',
>(
  target: (payload: DomainEventPayloads[T]) => { userId: string; role?: string; selfService: boolean },
  type: NoticeType,
  template: TemplateName,
  link: string,
): EventHandler<T> {
  return notify<T>(async (manager, event) => {
    const { userId, role = '', selfService } = target(event.payload);
    // The person's own doing (registration, an activation key, their own change): nothing to tell them.
    if (!userId || selfService) return [];
    const business = await businessInfo(manager, event.payload.businessId);
    if (!business) return [];
    const values = {
      business: business.name,
      bn: business.businessNumber,
      role: roleLabels[role] ?? role,
    };
    return [await toPerson(manager, event, userId, business, type, template, values, link)];
  });
}

/** An employee's assignments changed by someone else: told to the employee. */
const assignmentsChanged = notify<'EMPLOYEE_ASSIGNED' | 'EMPLOYEE_UNASSIGNED'>(async (manager, event) => {
  const { userId, providerBusinessId, actorId } = event.payload;
  const business = await businessInfo(manager, providerBusinessId);
  if (!userId || !business || actorId === userId) return [];
  return [
    await toPerson(
      manager,
      event,
      userId,
      business,
      NoticeType.ACCESS_AUTHORIZATIONS_CHANGED,
      'assignmentsChanged',
      { business: business.name, bn: business.businessNumber },
      '/clients',
    ),
  ];
});

type RelationshipNoticeType =
  | 'RELATIONSHIP_REQUESTED'
  | 'RELATIONSHIP_CANCELLED'
  | 'RELATIONSHIP_ACCEPTED'
  | 'RELATIONSHIP_REJECTED'
  | 'RELATIONSHIP_EXPIRY_REMINDER'
  | 'RELATIONSHIP_EXPIRED'
  | 'RELATIONSHIP_ENDED';

/** Who hears of a relationship event: the provider, the client or both. */
function relationshipNotice<T extends RelationshipNoticeType>(
  recipients: Array<'provider' | 'client'>,
  type: NoticeType,
  template: TemplateName,
): EventHandler<T> {
  return notify<T>(async (manager, event) => {
    const p: DomainEventPayloads[RelationshipNoticeType] = event.payload;
    const both = await businessSummaries(manager, [p.providerBusinessId, p.clientBusinessId]);
    const provider = both.get(p.providerBusinessId);
    const client = both.get(p.clientBusinessId);
    if (!provider || !client) return [];
    const values = {
      provider: provider.name,
      providerBn: provider.businessNumber,
      client: client.name,
      clientBn: client.businessNumber,
      date: 'expiresAt' in p ? p.expiresAt.slice(0, 10) : '',
    };
    const link = `/business/relationships/${p.relationshipId}`;
    return recipients.map((side) =>
      toBusiness(event, side === 'provider' ? provider : client, type, template, values, link),
    );
  });
}

/**
 * "Statement of account issued" notices for statements the registry import has just created, to the
 * program account of a registered business (businesses not on the portal yet have nobody to tell).
 * Idempotent: the source key is the statement's, so importing the same file again writes nothing.
 */
const statementsIssued = notify<'STATEMENTS_ISSUED'>(async (manager, event) => {
  const { statements } = event.payload;
  if (statements.length === 0) return [];
  const accountById = await programAccountSummaries(
    manager,
    statements.map((s) => s.programAccountId),
  );
  const businessByRegistry = await businessesOfRegistry(
    manager,
    [...accountById.values()].map((a) => a.businessId),
  );
  const drafts: NoticeDraft[] = [];
  for (const s of statements) {
    const account = accountById.get(s.programAccountId);
    const business = account && businessByRegistry.get(account.businessId);
    if (!account || !business) continue;
    drafts.push({
      type: NoticeType.STATEMENT_OF_ACCOUNT_ISSUED,
      businessId: business.id,
      programAccountId: account.id,
      accountNumber: account.accountNumber,
      recipientName: account.name,
      ...renderNotice('statementIssued', {
        date: s.statementDate,
        account: account.accountNumber,
        start: s.periodStart,
        end: s.periodEnd,
        balance: money(s.balanceCents),
        due: money(s.amountDueCents),
        dueDate: s.dueDate,
      }),
      linkPath: `/business/program-accounts/${account.id}`,
      sourceKey: `statement:${account.id}:${s.statementDate}`,
    });
  }
  return drafts;
});

/**
 * The number a notice about a program account shows (else the business's BN9), and the notice's access owner:
 * the thread's or letter's own (decision 0038), so that a notice about the whole business reaches only those
 * who may read it (its program account is the messaging module's whole-business owner, which no scope holds).
 */
async function ownerFacts(
  manager: EntityManager,
  business: BusinessInfo,
  owner: { programAccountId?: string | null },
): Promise<{ programAccountId: string | null; accountNumber: string }> {
  const programAccountId = owner.programAccountId ?? null;
  const account = programAccountId
    ? (await programAccountSummaries(manager, [programAccountId])).get(programAccountId)
    : undefined;
  return { programAccountId, accountNumber: account?.accountNumber ?? business.businessNumber };
}

/**
 * The agency wrote in a thread (a reply, or a thread an officer opened): a notice, and its emails, for those
 * who may read the thread (MESSAGES). A person's own message tells nobody.
 */
const messageFromAgency = notify<'MESSAGE_POSTED'>(async (manager, event) => {
  const { threadId, businessId, authorSide } = event.payload;
  if (authorSide !== 'AGENCY') return [];
  const [business, thread] = await Promise.all([
    businessInfo(manager, businessId),
    threadNoticeFacts(manager, threadId),
  ]);
  if (!business || !thread) return [];
  return [
    {
      ...toBusiness(
        event,
        business,
        NoticeType.MESSAGE_FROM_AGENCY,
        'messageFromAgency',
        {
          subject: thread.subject,
          reference: thread.referenceNumber,
          business: business.name,
          bn: business.businessNumber,
        },
        `/messages/${threadId}`,
      ),
      ...(await ownerFacts(manager, business, thread.owner)),
    },
  ];
});

/** A letter was issued (generated or posted): a notice, and its emails, for those who may read it. */
const letterIssued = notify<'LETTER_ISSUED'>(async (manager, event) => {
  const { letterId, businessId } = event.payload;
  const business = await businessInfo(manager, businessId);
  const letter = business && (await letterNoticeFacts(manager, letterId, businessId));
  if (!business || !letter) return [];
  return [
    {
      ...toBusiness(
        event,
        business,
        NoticeType.LETTER_ISSUED,
        'letterIssued',
        {
          subject: { en: letter.subjectEn, fr: letter.subjectFr },
          business: business.name,
          bn: business.businessNumber,
        },
        `/correspondence/${letterId}`,
      ),
      ...(await ownerFacts(manager, business, letter.owner)),
    },
  ];
});

/** Each claim status a notice tells of, and its text (IN_PROGRESS is the claimant's own draft: none). */
const claimTemplates: Partial<Record<string, TemplateName>> = {
  SUBMITTED: 'claimSubmitted',
  UNDER_REVIEW: 'claimUnderReview',
  INFORMATION_REQUESTED: 'claimInformationRequested',
  APPROVED: 'claimApproved',
  PARTIALLY_APPROVED: 'claimPartiallyApproved',
  REJECTED: 'claimRejected',
  WITHDRAWN: 'claimWithdrawn',
};

const repaymentTemplates: Partial<Record<string, TemplateName>> = {
  PAYABLE: 'repaymentPayable',
  PAID: 'repaymentPaid',
  UNPAID: 'repaymentUnpaid',
};

/**
 * A claim's or its repayment's status changed: a notice, and its emails, owned as the claim (its business and
 * program account, area REQUESTS_AND_TRANSACTIONS), so exactly those who may read the claim read it (a
 * provider within its relationship's scope too). The decision letter is the messaging module's (CLAIM_DECIDED).
 */
async function claimNotice(
  manager: EntityManager,
  event: PublishedEvent,
  ref: { claimId: string; businessId: string; programAccountId: string },
  type: NoticeType,
  template: TemplateName | undefined,
): Promise<NoticeDraft[]> {
  if (!template) return [];
  const [business, claim, accounts] = await Promise.all([
    businessInfo(manager, ref.businessId),
    claimNoticeFacts(manager, ref.claimId),
    programAccountSummaries(manager, [ref.programAccountId]),
  ]);
  const account = accounts.get(ref.programAccountId);
  if (!business || !claim) return [];
  const accountNumber = account?.accountNumber ?? business.businessNumber;
  const amount =
    type === NoticeType.REPAYMENT_STATUS_CHANGED
      ? (claim.repaymentCents ?? 0)
      : (claim.approvedCents ?? claim.claimedCents);
  return [
    {
      ...toBusiness(
        event,
        business,
        type,
        template,
        {
          case: claim.caseNumber,
          transaction: claim.transactionNumber,
          account: accountNumber,
          amount: money(amount),
          claimed: money(claim.claimedCents),
        },
        `/claims/${ref.claimId}`,
      ),
      programAccountId: ref.programAccountId,
      accountNumber,
    },
  ];
}

/** The notices module's reactions to domain events, registered through its manifest. */
export const noticeSubscriber: EventSubscriber = {
  name: 'notices',
  handlers: {
    ACCESS_REQUESTED: notify(async (manager, event) => {
      const business = await businessInfo(manager, event.payload.businessId);
      if (!business) return [];
      const person = await personName(manager, event.payload.requesterId);
      return [
        toBusiness(
          event,
          business,
          NoticeType.DELEGATION_PENDING_ACCESS,
          'accessRequested',
          { person, business: business.name, bn: business.businessNumber },
          '/business/employees',
        ),
      ];
    }),
    ACCESS_APPROVED: toMember(
      (p) => ({ userId: p.requesterId, role: p.role, selfService: false }),
      NoticeType.ACCESS_AUTHORIZATIONS_CHANGED,
      'accessApproved',
      '/business',
    ),
    ACCESS_REJECTED: toMember(
      (p) => ({ userId: p.requesterId, selfService: false }),
      NoticeType.ACCESS_REQUEST_REJECTED,
      'accessRejected',
      '/setup',
    ),
    MEMBERSHIP_CHANGED: toMember(
      (p) => ({ userId: p.userId, role: p.role, selfService: 'via' in p || p.changedBy === p.userId }),
      NoticeType.ACCESS_AUTHORIZATIONS_CHANGED,
      'roleChanged',
      '/business',
    ),
    MEMBERSHIP_REVOKED: toMember(
      (p) => ({ userId: p.userId, selfService: false }),
      NoticeType.ACCESS_AUTHORIZATIONS_CHANGED,
      'membershipRevoked',
      '/setup',
    ),
    EMPLOYEE_ASSIGNED: assignmentsChanged,
    EMPLOYEE_UNASSIGNED: assignmentsChanged,
    REGISTERED: notify(async (manager, event) => {
      const business = await businessInfo(manager, event.payload.businessId);
      if (!business) return [];
      return [
        toBusiness(
          event,
          business,
          NoticeType.BUSINESS_REGISTRATION_COMPLETED,
          'registered',
          { business: business.name, bn: business.businessNumber },
          '/business',
        ),
      ];
    }),
    RELATIONSHIP_REQUESTED: relationshipNotice(
      ['client'],
      NoticeType.RELATIONSHIP_REQUEST_RECEIVED,
      'relationshipRequested',
    ),
    RELATIONSHIP_CANCELLED: relationshipNotice(
      ['client'],
      NoticeType.RELATIONSHIP_REQUEST_CANCELLED,
      'relationshipCancelled',
    ),
    RELATIONSHIP_ACCEPTED: relationshipNotice(
      ['provider'],
      NoticeType.RELATIONSHIP_ACCEPTED,
      'relationshipAccepted',
    ),
    RELATIONSHIP_REJECTED: relationshipNotice(
      ['provider'],
      NoticeType.RELATIONSHIP_REJECTED,
      'relationshipRejected',
    ),
    RELATIONSHIP_EXPIRY_REMINDER: relationshipNotice(
      ['client'],
      NoticeType.RELATIONSHIP_EXPIRING,
      'relationshipExpiring',
    ),
    RELATIONSHIP_EXPIRED: relationshipNotice(
      ['provider', 'client'],
      NoticeType.RELATIONSHIP_EXPIRED,
      'relationshipExpired',
    ),
    RELATIONSHIP_ENDED: relationshipNotice(
      ['provider', 'client'],
      NoticeType.RELATIONSHIP_ENDED,
      'relationshipEnded',
    ),
    STATEMENTS_ISSUED: statementsIssued,
    MESSAGE_POSTED: messageFromAgency,
    LETTER_ISSUED: letterIssued,
    CLAIM_SUBMITTED: notify((manager, event) =>
      claimNotice(manager, event, event.payload, NoticeType.CLAIM_STATUS_CHANGED, 'claimSubmitted'),
    ),
    CLAIM_STATUS_CHANGED: notify((manager, event) =>
      claimNotice(
        manager,
        event,
        event.payload,
        NoticeType.CLAIM_STATUS_CHANGED,
        // A draft withdrawn never reached the agency: the claimant's own doing, as its filing, tells nobody.
        event.payload.from === 'IN_PROGRESS' ? undefined : claimTemplates[event.payload.to],
      ),
    ),
    REPAYMENT_CREATED: notify((manager, event) =>
      claimNotice(manager, event, event.payload, NoticeType.REPAYMENT_STATUS_CHANGED, 'repaymentPayable'),
    ),
    REPAYMENT_STATUS_CHANGED: notify((manager, event) =>
      claimNotice(
        manager,
        event,
        event.payload,
        NoticeType.REPAYMENT_STATUS_CHANGED,
        repaymentTemplates[event.payload.to],
      ),
    ),
  },
};
