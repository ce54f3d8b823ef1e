import { AccessArea } from '../../common/auth/access-table.js';
import { type DomainEventPayloads, type DomainEventType } from '../../common/events/domain-events.js';

// The public event catalogue (decision 0028, docs/api.md "Events"): which domain events a business's systems
// are told about, under which public type and version, and what each event's payload holds. It is a contract:
// a type's payload only gains fields within a version; removing or renaming one is a new version. Adding an
// event is one entry below (its domain event first, in common/events/domain-events.ts). The webhooks and the
// changes feed both read this list; docs/api.md's table is generated from it (`npm run docs:events`).

/** One public event as it is kept (webhook_event): what it is about and everything it may say. */
export interface PublicEventDraft {
  /** The business the event concerns: its own systems see it, and its service providers' as the table allows. */
  businessId: string;
  /** The program account it concerns, when it is that precise (program management sees only its accounts). */
  programAccountId: string | null;
  /** The area whose VIEW rule decides who is told at all (the entry's, unless the event says otherwise). */
  area?: AccessArea;
  /** The payload before cutting: every field a BAM of the business may see. */
  data: Record<string, unknown>;
}

export interface CatalogueEntry<T extends DomainEventType = DomainEventType> {
  /** The public type, `<subject>.<verb>`, snake case. */
  type: string;
  version: number;
  /** The domain event it comes from. */
  source: T;
  /** Who is told at all: the VIEW rule of this area on (business, program account). */
  area: AccessArea;
  /** Fields that need another area than `area` to be seen (the same areas as the matching GraphQL fields). */
  fields?: Record<string, AccessArea>;
  /** English description for the docs. */
  description: string;
  /** The public events one domain event makes (one per business it concerns; none for what no one is told). */
  events(payload: DomainEventPayloads[T]): PublicEventDraft[];
}

/** The fields every relationship event gives, about the other side. */
function relationshipEvents(
  p: { relationshipId: string; providerBusinessId: string; clientBusinessId: string },
  extra: Record<string, unknown> = {},
): PublicEventDraft[] {
  const data = {
    relationshipId: p.relationshipId,
    providerBusinessId: p.providerBusinessId,
    clientBusinessId: p.clientBusinessId,
    ...extra,
  };
  // Each side is told about its own relationship (RELATIONSHIP_MANAGEMENT of its own business): a provider's
  // systems never see a client's relationships with others through it.
  return [
    { businessId: p.providerBusinessId, programAccountId: null, data: { ...data, side: 'PROVIDER' } },
    { businessId: p.clientBusinessId, programAccountId: null, data: { ...data, side: 'CLIENT' } },
  ];
}

function entry<T extends DomainEventType>(e: CatalogueEntry<T>): CatalogueEntry {
  return e;
}

const R = AccessArea.RELATIONSHIP_MANAGEMENT;
const ACCESS = AccessArea.ACCESS_MANAGEMENT;

/** The catalogue, in the order docs/api.md lists it. */
export const eventCatalogue: readonly CatalogueEntry[] = [
  entry({
    type: 'notice.created',
    version: 1,
    source: 'NOTICES_CREATED',
    area: AccessArea.NOTICES,
    description:
      'A notice was written for the business (statements, agency notices, relationship and access notices); who is told follows the notice’s area, as in the portal.',
    events: (p) =>
      p.notices.map((n) => ({
        businessId: n.businessId,
        programAccountId: n.programAccountId,
        area: n.area as AccessArea,
        data: {
          noticeId: n.noticeId,
          noticeType: n.noticeType,
          accountNumber: n.accountNumber,
          subject: { en: n.subjectEn, fr: n.subjectFr },
          urgent: n.urgent,
        },
      })),
  }),
  entry({
    type: 'relationship.requested',
    version: 1,
    source: 'RELATIONSHIP_REQUESTED',
    area: R,
    description: 'A provider asked a client for a business relationship; it expires at `expiresAt`.',
    events: (p) => relationshipEvents(p, { expiresAt: p.expiresAt }),
  }),
  entry({
    type: 'relationship.cancelled',
    version: 1,
    source: 'RELATIONSHIP_CANCELLED',
    area: R,
    description: 'The provider withdrew its pending request.',
    events: (p) => relationshipEvents(p),
  }),
  entry({
    type: 'relationship.accepted',
    version: 1,
    source: 'RELATIONSHIP_ACCEPTED',
    area: R,
    description:
      'The client accepted: `relationshipType` (BUSINESS_MANAGEMENT or PROGRAM_MANAGEMENT) and the program accounts it covers.',
    events: (p) =>
      relationshipEvents(p, { relationshipType: p.type, programAccountIds: p.programAccountIds }),
  }),
  entry({
    type: 'relationship.rejected',
    version: 1,
    source: 'RELATIONSHIP_REJECTED',
    area: R,
    description: 'The client refused the request.',
    events: (p) => relationshipEvents(p),
  }),
  entry({
    type: 'relationship.ended',
    version: 1,
    source: 'RELATIONSHIP_ENDED',
    area: R,
    description:
      'Either side ended an accepted relationship (`endedBySide`); the provider is told nothing more about the client.',
    events: (p) => relationshipEvents(p, { endedBySide: p.endedBySide }),
  }),
  entry({
    type: 'relationship.expired',
    version: 1,
    source: 'RELATIONSHIP_EXPIRED',
    area: R,
    description: 'A request nobody answered expired.',
    events: (p) => relationshipEvents(p),
  }),
  entry({
    type: 'relationship.expiring_soon',
    version: 1,
    source: 'RELATIONSHIP_EXPIRY_REMINDER',
    area: R,
    description: 'A pending request expires soon (`expiresAt`).',
    events: (p) => relationshipEvents(p, { expiresAt: p.expiresAt }),
  }),
  entry({
    type: 'access.granted',
    version: 1,
    source: 'ACCESS_APPROVED',
    area: ACCESS,
    description: 'A person’s access request was approved, with a role and program accounts.',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: null,
        data: { userId: p.requesterId, role: p.role, programAccountIds: p.programAccountIds },
      },
    ],
  }),
  entry({
    type: 'access.changed',
    version: 1,
    source: 'MEMBERSHIP_CHANGED',
    area: ACCESS,
    description: 'A business account manager changed a member’s role or program accounts.',
    events: (p) =>
      'changedBy' in p
        ? [
            {
              businessId: p.businessId,
              programAccountId: null,
              data: { userId: p.userId, role: p.role, programAccountIds: p.programAccountIds },
            },
          ]
        : [],
  }),
  entry({
    type: 'access.revoked',
    version: 1,
    source: 'MEMBERSHIP_REVOKED',
    area: ACCESS,
    description: 'A member’s access to the business was revoked.',
    events: (p) => [{ businessId: p.businessId, programAccountId: null, data: { userId: p.userId } }],
  }),
  entry({
    type: 'client_group.created',
    version: 1,
    source: 'CLIENT_GROUP_CREATED',
    area: ACCESS,
    description: 'The provider created a client group.',
    events: (p) => [
      {
        businessId: p.providerBusinessId,
        programAccountId: null,
        data: { groupId: p.groupId, name: p.name },
      },
    ],
  }),
  entry({
    type: 'client_group.renamed',
    version: 1,
    source: 'CLIENT_GROUP_RENAMED',
    area: ACCESS,
    description: 'A client group was renamed.',
    events: (p) => [
      {
        businessId: p.providerBusinessId,
        programAccountId: null,
        data: { groupId: p.groupId, name: p.name, previousName: p.previousName },
      },
    ],
  }),
  entry({
    type: 'client_group.deleted',
    version: 1,
    source: 'CLIENT_GROUP_DELETED',
    area: ACCESS,
    description: 'A client group was deleted (its assignments with it).',
    events: (p) => [
      { businessId: p.providerBusinessId, programAccountId: null, data: { groupId: p.groupId } },
    ],
  }),
  entry({
    type: 'client_group.clients_added',
    version: 1,
    source: 'CLIENT_GROUP_CLIENTS_ADDED',
    area: ACCESS,
    description: 'Clients were added to a client group.',
    events: (p) => [
      {
        businessId: p.providerBusinessId,
        programAccountId: null,
        data: { groupId: p.groupId, clientBusinessIds: p.clientBusinessIds },
      },
    ],
  }),
  entry({
    type: 'client_group.clients_removed',
    version: 1,
    source: 'CLIENT_GROUP_CLIENTS_REMOVED',
    area: ACCESS,
    description: 'Clients were removed from a client group.',
    events: (p) => [
      {
        businessId: p.providerBusinessId,
        programAccountId: null,
        data: { groupId: p.groupId, clientBusinessIds: p.clientBusinessIds },
      },
    ],
  }),
  entry({
    type: 'employee.assigned',
    version: 1,
    source: 'EMPLOYEE_ASSIGNED',
    area: ACCESS,
    description: 'An employee was assigned to a client or a client group.',
    events: (p) => [
      {
        businessId: p.providerBusinessId,
        programAccountId: null,
        data: {
          assignmentId: p.assignmentId,
          userId: p.userId,
          clientBusinessId: p.clientBusinessId,
          clientGroupId: p.clientGroupId,
        },
      },
    ],
  }),
  entry({
    type: 'employee.unassigned',
    version: 1,
    source: 'EMPLOYEE_UNASSIGNED',
    area: ACCESS,
    description: 'An employee’s assignment was removed.',
    events: (p) => [
      {
        businessId: p.providerBusinessId,
        programAccountId: null,
        data: {
          assignmentId: p.assignmentId,
          userId: p.userId,
          clientBusinessId: p.clientBusinessId,
          clientGroupId: p.clientGroupId,
        },
      },
    ],
  }),
  entry({
    type: 'ruling.status_changed',
    version: 1,
    source: 'RULING_REQUESTED',
    area: AccessArea.REQUESTS_AND_TRANSACTIONS,
    description: 'A ruling request was submitted (`status` SUBMITTED); later statuses use the same type.',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: { rulingId: p.rulingId, programAccountId: p.programAccountId, status: 'SUBMITTED' },
      },
    ],
  }),
  // The same public type as the submission above (its contract says later statuses use it): one more source.
  entry({
    type: 'ruling.status_changed',
    version: 1,
    source: 'RULING_STATUS_CHANGED',
    area: AccessArea.REQUESTS_AND_TRANSACTIONS,
    description:
      'The agency moved a ruling request (`status` UNDER_REVIEW, INFORMATION_REQUESTED, ISSUED or CLOSED; `previousStatus` where it stood); the ruling’s page and letter give the text.',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: {
          rulingId: p.rulingId,
          programAccountId: p.programAccountId,
          caseNumber: p.caseNumber,
          status: p.to,
          previousStatus: p.from,
        },
      },
    ],
  }),
  entry({
    type: 'documents.uploaded',
    version: 1,
    source: 'DOCUMENTS_UPLOADED',
    area: AccessArea.REQUESTS_AND_TRANSACTIONS,
    description:
      'Documents were uploaded to a case: a ruling request or a claim (`caseKind`; `rulingId` holds the case’s id).',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId ?? null,
        data: {
          rulingId: p.rulingId,
          caseKind: p.caseKind ?? 'RULING',
          programAccountId: p.programAccountId ?? null,
          uploadId: p.uploadId,
          documentIds: p.documentIds,
        },
      },
    ],
  }),
  entry({
    type: 'credit.applied',
    version: 1,
    source: 'CREDIT_APPLIED',
    area: AccessArea.REQUESTS_AND_TRANSACTIONS,
    description: 'A credit was applied to invoices of a program account.',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: { programAccountId: p.programAccountId, batchId: p.batchId, totalCents: p.totalCents },
      },
    ],
  }),
  entry({
    type: 'financial_security.changed',
    version: 1,
    source: 'SECURITY_CHANGE_SUBMITTED',
    area: AccessArea.FINANCIAL_SECURITY,
    description: 'A change of a program account’s financial security was submitted.',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: { programAccountId: p.programAccountId, changeId: p.changeId },
      },
    ],
  }),
  entry({
    type: 'financial_security.decided',
    version: 1,
    source: 'SECURITY_CHANGE_DECIDED',
    area: AccessArea.FINANCIAL_SECURITY,
    description:
      'The agency approved or rejected a change of a program account’s financial security (`decision`).',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: { programAccountId: p.programAccountId, changeId: p.changeId, decision: p.decision },
      },
    ],
  }),
  entry({
    type: 'pad.created',
    version: 1,
    source: 'PAD_CREATED',
    area: AccessArea.PAD,
    description: 'A pre-authorized debit agreement was created.',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: { programAccountId: p.programAccountId, agreementId: p.agreementId },
      },
    ],
  }),
  entry({
    type: 'pad.cancelled',
    version: 1,
    source: 'PAD_CANCELLED',
    area: AccessArea.PAD,
    description: 'A pre-authorized debit agreement was cancelled.',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: { programAccountId: p.programAccountId, agreementId: p.agreementId },
      },
    ],
  }),
  entry({
    type: 'program_account.contacts_changed',
    version: 1,
    source: 'PROGRAM_CONTACTS_CHANGED',
    area: AccessArea.PROGRAM_PROFILE,
    description: 'A program account’s contacts were changed.',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: { programAccountId: p.programAccountId },
      },
    ],
  }),
  entry({
    type: 'claim.submitted',
    version: 1,
    source: 'CLAIM_SUBMITTED',
    area: AccessArea.REQUESTS_AND_TRANSACTIONS,
    description: 'A claim (adjustment or drawback) was submitted to the agency, with the refund claimed.',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: {
          claimId: p.claimId,
          caseNumber: p.caseNumber,
          programAccountId: p.programAccountId,
          claimedCents: p.claimedCents,
        },
      },
    ],
  }),
  entry({
    type: 'claim.status_changed',
    version: 1,
    source: 'CLAIM_STATUS_CHANGED',
    area: AccessArea.REQUESTS_AND_TRANSACTIONS,
    description:
      'A claim changed status (under review, information requested, approved, approved in part, rejected, withdrawn).',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: {
          claimId: p.claimId,
          caseNumber: p.caseNumber,
          programAccountId: p.programAccountId,
          from: p.from,
          to: p.to,
        },
      },
    ],
  }),
  entry({
    type: 'repayment.created',
    version: 1,
    source: 'REPAYMENT_CREATED',
    area: AccessArea.REQUESTS_AND_TRANSACTIONS,
    description: 'An approved claim made a repayment payable to the business.',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: {
          repaymentId: p.repaymentId,
          claimId: p.claimId,
          programAccountId: p.programAccountId,
          amountCents: p.amountCents,
        },
      },
    ],
  }),
  entry({
    type: 'repayment.status_changed',
    version: 1,
    source: 'REPAYMENT_STATUS_CHANGED',
    area: AccessArea.REQUESTS_AND_TRANSACTIONS,
    description: 'A repayment was paid, or withheld (unpaid).',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: {
          repaymentId: p.repaymentId,
          claimId: p.claimId,
          programAccountId: p.programAccountId,
          from: p.from,
          to: p.to,
        },
      },
    ],
  }),
  entry({
    type: 'message.thread_opened',
    version: 1,
    source: 'MESSAGE_THREAD_OPENED',
    area: AccessArea.MESSAGES,
    description: 'A message thread with the agency was opened, by the business or by an agency officer.',
    events: (p) => [messageEvent(p, { category: p.category, authorSide: p.authorSide })],
  }),
  entry({
    type: 'message.posted',
    version: 1,
    source: 'MESSAGE_POSTED',
    area: AccessArea.MESSAGES,
    description: 'A message was posted in a thread (`authorSide` AGENCY for an officer’s reply).',
    events: (p) => [
      messageEvent(p, {
        messageId: p.messageId,
        authorSide: p.authorSide,
        attachmentCount: p.attachmentIds.length,
      }),
    ],
  }),
  entry({
    type: 'letter.issued',
    version: 1,
    source: 'LETTER_ISSUED',
    area: AccessArea.CORRESPONDENCE,
    description:
      'A letter from the agency was added to the business’s correspondence (never sent to providers).',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: p.programAccountId,
        data: { letterId: p.letterId, programAccountId: p.programAccountId, kind: p.kind },
      },
    ],
  }),
  entry({
    type: 'export.ready',
    version: 1,
    source: 'EXPORT_READY',
    area: AccessArea.ACCESS_MANAGEMENT,
    description:
      'A bulk export the business started is ready to download (only whoever started it may download it).',
    events: (p) => [
      {
        businessId: p.businessId,
        programAccountId: null,
        data: { exportId: p.exportId, format: p.format, rows: p.rows, expiresAt: p.expiresAt },
      },
    ],
  }),
];

/**
 * A thread's event: about one program account, under MESSAGES; about the whole business, only for those who
 * deal with the whole business (its own people and business management providers, not program management),
 * as the messaging service decides for the thread itself (docs/messaging.md).
 */
function messageEvent(
  p: { threadId: string; businessId: string; programAccountId: string | null; referenceNumber: string },
  extra: Record<string, unknown>,
): PublicEventDraft {
  return {
    businessId: p.businessId,
    programAccountId: p.programAccountId,
    ...(p.programAccountId ? {} : { area: AccessArea.BUSINESS_PROFILE }),
    data: {
      threadId: p.threadId,
      referenceNumber: p.referenceNumber,
      programAccountId: p.programAccountId,
      ...extra,
    },
  };
}

/** The test event an endpoint's owner sends to it (never in the feed). */
export const TEST_EVENT_TYPE = 'webhook.test';

/**
 * Every public type, in catalogue order, once: two entries may share a type when one public event has two
 * domain sources (ruling.status_changed: the business submits, the agency moves it; decision 0046).
 */
export const publicEventTypes: readonly string[] = [...new Set(eventCatalogue.map((e) => e.type))];

/** Catalogue entries by domain event type (one domain event may feed several public types). */
export const entriesBySource: ReadonlyMap<DomainEventType, readonly CatalogueEntry[]> = (() => {
  const map = new Map<DomainEventType, CatalogueEntry[]>();
  for (const e of eventCatalogue) map.set(e.source, [...(map.get(e.source) ?? []), e]);
  return map;
})();

export const entryByType: ReadonlyMap<string, CatalogueEntry> = new Map(
  eventCatalogue.map((e) => [e.type, e]),
);
