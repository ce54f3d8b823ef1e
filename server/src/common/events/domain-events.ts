// Every domain event of the application, with its payload (decision 0020). Producers build one of these
// and `publish` it in their transaction; subscribers receive it narrowed by `type`, so a renamed or
// missing payload key is a compile error, not a notice that silently stops. The payloads are stored as
// JSON in domain_event.payload: keep keys stable (add, don't rename), old rows stay readable.
//
// Ids are the portal's UUIDs; `role` is a BusinessRole value; dates inside payloads are ISO strings.
// common/ never imports modules/, so payloads use plain strings rather than the modules' enums.

/** How a person became a member without anyone else deciding it. */
export type SelfServiceVia = 'QUESTIONS' | 'ACTIVATION_KEY';

interface RelationshipRef {
  relationshipId: string;
  providerBusinessId: string;
  clientBusinessId: string;
}

/** A change of a relationship made by someone (or by the system's expiry, actorId null). */
interface RelationshipChange extends RelationshipRef {
  actorId: string | null;
}

interface ClientGroupChange {
  providerBusinessId: string;
  actorId: string;
  groupId: string;
}

interface AssignmentChange {
  providerBusinessId: string;
  actorId: string;
  assignmentId: string;
  userId: string;
  clientBusinessId: string | null;
  clientGroupId: string | null;
}

/** The claim an event is about, and who acted (the claimant, or an agency officer). */
interface ClaimRef {
  claimId: string;
  businessId: string;
  programAccountId: string;
  caseNumber: string;
  actorId: string;
}

/** A statement the registry import created (not one it found again). */
export interface IssuedStatement {
  programAccountId: string;
  statementDate: string;
  periodStart: string;
  periodEnd: string;
  balanceCents: number;
  amountDueCents: number;
  dueDate: string;
}

/** A business notice the notices module wrote (its English and French subjects, for the webhooks). */
export interface CreatedNotice {
  noticeId: string;
  businessId: string;
  programAccountId: string | null;
  noticeType: string;
  /** The access-table area of the notice (its type's). */
  area: string;
  accountNumber: string;
  subjectEn: string;
  subjectFr: string;
  urgent: boolean;
}

/** Event type → payload. The one list of events; `DomainEvent` is derived from it. */
export interface DomainEventPayloads {
  // Registration and membership (businesses)
  REGISTERED: { businessId: string; businessNumber: string; userId: string; via: SelfServiceVia };
  REGISTRATION_LOCKED: { registryBusinessId: string };
  REGISTRATION_UNLOCKED: { businessNumber: string; officerId: string };
  ACTIVATION_KEY_ISSUED: {
    activationKeyId: string;
    businessNumber: string;
    contactName: string;
    expiresAt: string;
  };
  /** A role change by a BAM (`changedBy`), or a self-service membership (`via`): nobody to tell then. */
  MEMBERSHIP_CHANGED:
    | { businessId: string; userId: string; role: string; programAccountIds: string[]; changedBy: string }
    | { businessId: string; userId: string; role: string; via: SelfServiceVia };
  ACCESS_REQUESTED: { requestId: string; businessId: string; businessNumber: string; requesterId: string };
  ACCESS_CANCELLED: { requestId: string; businessId: string; requesterId: string };
  ACCESS_APPROVED: {
    requestId: string;
    businessId: string;
    requesterId: string;
    decidedBy: string;
    role: string;
    programAccountIds: string[];
  };
  ACCESS_REJECTED: { requestId: string; businessId: string; requesterId: string; decidedBy: string };
  MEMBERSHIP_REVOKED: { businessId: string; userId: string; revokedBy: string };
  SETTINGS_CHANGED: { businessId: string; changedBy: string };
  PROGRAM_CONTACTS_CHANGED: { businessId: string; programAccountId: string; changedBy: string };
  // Rulings and documents
  RULING_REQUESTED: { rulingId: string; businessId: string; programAccountId: string; actorId: string };
  /**
   * An agency officer moved a ruling request (decision 0046): `from`/`to` are RulingStatus values; `noteEn`/
   * `noteFr` the officer's text (the question, the ruling given, or the reason it was closed; '' for none).
   */
  RULING_STATUS_CHANGED: {
    rulingId: string;
    businessId: string;
    programAccountId: string;
    caseNumber: string;
    from: string;
    to: string;
    noteEn: string;
    noteFr: string;
    actorId: string;
  };
  DOCUMENTS_UPLOADED: {
    /** The case's id: a ruling request's, or a claim's when `caseKind` is CLAIM (absent in older rows: RULING). */
    rulingId: string;
    caseKind?: 'RULING' | 'CLAIM';
    businessId: string;
    /** The ruling's program account (absent from events written before webhooks). */
    programAccountId?: string;
    uploadId: string;
    documentIds: string[];
    actorId: string;
  };
  // Finance
  CREDIT_APPLIED: {
    businessId: string;
    programAccountId: string;
    batchId: string;
    appliedBy: string;
    totalCents: number;
  };
  SECURITY_CHANGE_SUBMITTED: {
    businessId: string;
    programAccountId: string;
    changeId: string;
    submittedBy: string;
  };
  /** An agency officer approved or rejected a financial security change (decision 0046), with the reason. */
  SECURITY_CHANGE_DECIDED: {
    businessId: string;
    programAccountId: string;
    changeId: string;
    decision: 'APPROVED' | 'REJECTED';
    reasonEn: string;
    reasonFr: string;
    decidedBy: string;
  };
  PAD_CREATED: { businessId: string; programAccountId: string; agreementId: string; createdBy: string };
  PAD_CANCELLED: { businessId: string; programAccountId: string; agreementId: string; cancelledBy: string };
  // Claims and repayments (docs/claims.md). `from`/`to` are ClaimStatus / RepaymentStatus values.
  CLAIM_FILED: ClaimRef;
  CLAIM_SUBMITTED: ClaimRef & { claimedCents: number };
  CLAIM_STATUS_CHANGED: ClaimRef & { from: string; to: string };
  REPAYMENT_CREATED: {
    repaymentId: string;
    claimId: string;
    businessId: string;
    programAccountId: string;
    amountCents: number;
  };
  REPAYMENT_STATUS_CHANGED: {
    repaymentId: string;
    claimId: string;
    businessId: string;
    programAccountId: string;
    from: string;
    to: string;
    actorId: string;
  };
  // Relationships
  RELATIONSHIP_REQUESTED: RelationshipChange & { expiresAt: string };
  RELATIONSHIP_CANCELLED: RelationshipChange;
  RELATIONSHIP_ACCEPTED: RelationshipChange & { type: string; programAccountIds: string[] };
  RELATIONSHIP_REJECTED: RelationshipChange;
  RELATIONSHIP_EXPIRED: RelationshipChange;
  RELATIONSHIP_ENDED: RelationshipChange & { endedBySide: 'PROVIDER' | 'CLIENT' };
  RELATIONSHIP_EXPIRY_REMINDER: RelationshipRef & { expiresAt: string };
  // Client groups and employee assignments
  CLIENT_GROUP_CREATED: ClientGroupChange & { name: string };
  CLIENT_GROUP_RENAMED: ClientGroupChange & { name: string; previousName: string };
  CLIENT_GROUP_DELETED: ClientGroupChange;
  CLIENT_GROUP_CLIENTS_ADDED: ClientGroupChange & { clientBusinessIds: string[] };
  CLIENT_GROUP_CLIENTS_REMOVED: ClientGroupChange & { clientBusinessIds: string[] };
  EMPLOYEE_ASSIGNED: AssignmentChange;
  EMPLOYEE_UNASSIGNED: AssignmentChange;
  // Bulk exports (decision 0029): the file is ready to download, or the export stopped for good. `tokenId` is
  // the API token that started it, `userId` the person (null when a token did).
  EXPORT_READY: {
    exportId: string;
    businessId: string;
    tokenId: string | null;
    userId: string | null;
    format: string;
    rows: number;
    sizeBytes: number;
    downloadPath: string;
    expiresAt: string;
  };
  EXPORT_FAILED: {
    exportId: string;
    businessId: string;
    tokenId: string | null;
    userId: string | null;
    errorCode: string;
  };
  // Registry import (a batch of the statements one import created)
  STATEMENTS_ISSUED: { statements: IssuedStatement[] };
  // Notices (a batch of the business notices one write created; personal notices are not in it)
  NOTICES_CREATED: { notices: CreatedNotice[] };
  // Secure messaging and correspondence (modules/messaging, docs/messaging.md). `authorSide` says who wrote:
  // the business's side (a person, `actorId` theirs) or the agency (an officer).
  MESSAGE_THREAD_OPENED: {
    threadId: string;
    businessId: string;
    programAccountId: string | null;
    referenceNumber: string;
    category: string;
    authorSide: 'CLIENT' | 'AGENCY';
    actorId: string;
  };
  MESSAGE_POSTED: {
    threadId: string;
    messageId: string;
    businessId: string;
    programAccountId: string | null;
    referenceNumber: string;
    authorSide: 'CLIENT' | 'AGENCY';
    actorId: string;
    attachmentIds: string[];
  };
  THREAD_STATUS_CHANGED: {
    threadId: string;
    businessId: string;
    referenceNumber: string;
    from: string;
    to: string;
    actorId: string;
  };
  THREAD_ASSIGNED: { threadId: string; businessId: string; officerId: string | null; actorId: string };
  LETTER_ISSUED: {
    letterId: string;
    businessId: string;
    programAccountId: string | null;
    kind: string;
    /** The officer who posted it; null for a letter the portal wrote for one of its own decisions. */
    issuedBy: string | null;
  };
}

export type DomainEventType = keyof DomainEventPayloads;

type Events = { [T in DomainEventType]: { type: T; payload: DomainEventPayloads[T] } };

/** One event as a producer publishes it: `{ type, payload }`, narrowed by `type`. */
export type DomainEvent = Events[DomainEventType];

/** An event as subscribers receive it: with the outbox row's id and the time of the change. */
export type PublishedEvent<T extends DomainEventType = DomainEventType> = {
  [K in DomainEventType]: Events[K] & { id: string; occurredAt: Date };
}[T];
