import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDateField } from '../../common/graphql/calendar-date.field.js';
import { PageInfo } from '../../common/graphql/connection.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';
import { BilingualBodyInput } from '../../common/graphql/bilingual-body.input.js';
import { Access, AccessType } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea } from '../../common/auth/access-table.js';

/** What a notice is about (seed 003 §2.4; domain.md §7). Labels in both languages below. */
export enum NoticeType {
  DELEGATION_PENDING_ACCESS = 'DELEGATION_PENDING_ACCESS',
  ACCESS_AUTHORIZATIONS_CHANGED = 'ACCESS_AUTHORIZATIONS_CHANGED',
  ACCESS_REQUEST_REJECTED = 'ACCESS_REQUEST_REJECTED',
  RELATIONSHIP_REQUEST_RECEIVED = 'RELATIONSHIP_REQUEST_RECEIVED',
  RELATIONSHIP_REQUEST_CANCELLED = 'RELATIONSHIP_REQUEST_CANCELLED',
  RELATIONSHIP_ACCEPTED = 'RELATIONSHIP_ACCEPTED',
  RELATIONSHIP_REJECTED = 'RELATIONSHIP_REJECTED',
  RELATIONSHIP_EXPIRING = 'RELATIONSHIP_EXPIRING',
  RELATIONSHIP_EXPIRED = 'RELATIONSHIP_EXPIRED',
  RELATIONSHIP_ENDED = 'RELATIONSHIP_ENDED',
  BUSINESS_REGISTRATION_COMPLETED = 'BUSINESS_REGISTRATION_COMPLETED',
  STATEMENT_OF_ACCOUNT_ISSUED = 'STATEMENT_OF_ACCOUNT_ISSUED',
  DAILY_NOTICE = 'DAILY_NOTICE',
  COLLECTIONS = 'COLLECTIONS',
  PAYMENT_ARRANGEMENT = 'PAYMENT_ARRANGEMENT',
  GENERAL = 'GENERAL',
  /** The agency wrote in a secure message thread (decision 0038). */
  MESSAGE_FROM_AGENCY = 'MESSAGE_FROM_AGENCY',
  /** A letter from the agency was added to the correspondence (decision 0038). */
  LETTER_ISSUED = 'LETTER_ISSUED',
  /** A claim's status changed, submitted included (docs/claims.md). */
  CLAIM_STATUS_CHANGED = 'CLAIM_STATUS_CHANGED',
  /** A claim's repayment became payable, was paid or was withheld (docs/claims.md). */
  REPAYMENT_STATUS_CHANGED = 'REPAYMENT_STATUS_CHANGED',
}

/** The areas of the access table a notice can belong to (its type decides). */
export type NoticeArea =
  | AccessArea.NOTICES
  | AccessArea.COLLECTIONS_NOTICES
  | AccessArea.ACCESS_MANAGEMENT
  | AccessArea.RELATIONSHIP_MANAGEMENT
  | AccessArea.MESSAGES
  | AccessArea.CORRESPONDENCE
  | AccessArea.REQUESTS_AND_TRANSACTIONS;

/**
 * Each type's area: who may see a business's notice of that type is the area's VIEW rule (seed 003 §3.2):
 * a provider never sees collections or payment-arrangement notices, nor the client's access requests or
 * relationships (the common restricted actions).
 */
export const noticeAreas: Record<NoticeType, NoticeArea> = {
  DELEGATION_PENDING_ACCESS: AccessArea.ACCESS_MANAGEMENT,
  ACCESS_AUTHORIZATIONS_CHANGED: AccessArea.ACCESS_MANAGEMENT,
  ACCESS_REQUEST_REJECTED: AccessArea.ACCESS_MANAGEMENT,
  RELATIONSHIP_REQUEST_RECEIVED: AccessArea.RELATIONSHIP_MANAGEMENT,
  RELATIONSHIP_REQUEST_CANCELLED: AccessArea.RELATIONSHIP_MANAGEMENT,
  RELATIONSHIP_ACCEPTED: AccessArea.RELATIONSHIP_MANAGEMENT,
  RELATIONSHIP_REJECTED: AccessArea.RELATIONSHIP_MANAGEMENT,
  RELATIONSHIP_EXPIRING: AccessArea.RELATIONSHIP_MANAGEMENT,
  RELATIONSHIP_EXPIRED: AccessArea.RELATIONSHIP_MANAGEMENT,
  RELATIONSHIP_ENDED: AccessArea.RELATIONSHIP_MANAGEMENT,
  BUSINESS_REGISTRATION_COMPLETED: AccessArea.NOTICES,
  STATEMENT_OF_ACCOUNT_ISSUED: AccessArea.NOTICES,
  DAILY_NOTICE: AccessArea.NOTICES,
  COLLECTIONS: AccessArea.COLLECTIONS_NOTICES,
  PAYMENT_ARRANGEMENT: AccessArea.COLLECTIONS_NOTICES,
  GENERAL: AccessArea.NOTICES,
  MESSAGE_FROM_AGENCY: AccessArea.MESSAGES,
  LETTER_ISSUED: AccessArea.CORRESPONDENCE,
  CLAIM_STATUS_CHANGED: AccessArea.REQUESTS_AND_TRANSACTIONS,
  REPAYMENT_STATUS_CHANGED: AccessArea.REQUESTS_AND_TRANSACTIONS,
};

/** The types' labels as the seed's list shows them ("Modifications apportées à la délégation - ..."). */
export const noticeTypeLabels: Record<NoticeType, { en: string; fr: string }> = {
  DELEGATION_PENDING_ACCESS: {
    en: 'Delegation changes - Pending access',
    fr: 'Modifications apportées à la délégation - En attente de l’accès',
  },
  ACCESS_AUTHORIZATIONS_CHANGED: {
    en: 'Delegation changes - Access authorizations changed',
    fr: 'Modifications apportées à la délégation - Autorisations d’accès modifiées',
  },
  ACCESS_REQUEST_REJECTED: {
    en: 'Delegation changes - Access request rejected',
    fr: 'Modifications apportées à la délégation - Demande d’accès refusée',
  },
  RELATIONSHIP_REQUEST_RECEIVED: {
    en: 'Business relationships - Request received',
    fr: 'Relations d’affaires - Demande reçue',
  },
  RELATIONSHIP_REQUEST_CANCELLED: {
    en: 'Business relationships - Request withdrawn',
    fr: 'Relations d’affaires - Demande retirée',
  },
  RELATIONSHIP_ACCEPTED: {
    en: 'Business relationships - Request accepted',
    fr: 'Relations d’affaires - Demande acceptée',
  },
  RELATIONSHIP_REJECTED: {
    en: 'Business relationships - Request rejected',
    fr: 'Relations d’affaires - Demande refusée',
  },
  RELATIONSHIP_EXPIRING: {
    en: 'Business relationships - Request expiring',
    fr: 'Relations d’affaires - Demande sur le point d’expirer',
  },
  RELATIONSHIP_EXPIRED: {
    en: 'Business relationships - Request expired',
    fr: 'Relations d’affaires - Demande expirée',
  },
  RELATIONSHIP_ENDED: {
    en: 'Business relationships - Relationship ended',
    fr: 'Relations d’affaires - Relation terminée',
  },
  BUSINESS_REGISTRATION_COMPLETED: {
    en: 'Business registration completed',
    fr: 'Inscription de l’entreprise terminée',
  },
  STATEMENT_OF_ACCOUNT_ISSUED: { en: 'Statement of account issued', fr: 'Relevé de compte émis' },
  DAILY_NOTICE: { en: 'Daily notice', fr: 'Avis quotidien' },
  COLLECTIONS: { en: 'Collections', fr: 'Recouvrement' },
  PAYMENT_ARRANGEMENT: { en: 'Payment arrangement', fr: 'Arrangement de paiement' },
  GENERAL: { en: 'General agency notice', fr: 'Avis général de l’agence' },
  MESSAGE_FROM_AGENCY: {
    en: 'Secure messages - New message from the agency',
    fr: 'Messagerie protégée - Nouveau message de l’agence',
  },
  LETTER_ISSUED: { en: 'Correspondence - New letter', fr: 'Correspondance - Nouvelle lettre' },
  CLAIM_STATUS_CHANGED: {
    en: 'Claims - Claim status changed',
    fr: 'Demandes de remboursement - Statut de la demande modifié',
  },
  REPAYMENT_STATUS_CHANGED: {
    en: 'Claims - Repayment status changed',
    fr: 'Demandes de remboursement - Statut du remboursement modifié',
  },
};

export const MailStatus = { PENDING: 'PENDING', SENT: 'SENT', DEAD: 'DEAD' } as const;
export type MailStatus = (typeof MailStatus)[keyof typeof MailStatus];

/** Who an officer's notice goes to. */
export enum NoticeAudience {
  BUSINESS = 'BUSINESS',
  PROGRAM_TYPE = 'PROGRAM_TYPE',
  EVERYONE = 'EVERYONE',
}

/** The program types an officer may target (registry program types). */
export enum NoticeProgramType {
  IMPORTER = 'IMPORTER',
  EXPORTER = 'EXPORTER',
  CUSTOMS_BROKER = 'CUSTOMS_BROKER',
  TRADE_CONSULTANT = 'TRADE_CONSULTANT',
  GST_HST = 'GST_HST',
  PAYROLL = 'PAYROLL',
  CORPORATE_INCOME_TAX = 'CORPORATE_INCOME_TAX',
}

registerEnumType(NoticeType, {
  name: 'NoticeType',
  description: 'What a notice is about; `Notice.typeLabel` gives its label in the caller’s language.',
  valuesConfig: {
    DELEGATION_PENDING_ACCESS: {
      description: 'Someone asked for access to the business; it awaits a decision.',
    },
    ACCESS_AUTHORIZATIONS_CHANGED: { description: 'The recipient’s access to the business changed.' },
    ACCESS_REQUEST_REJECTED: { description: 'The recipient’s access request was rejected.' },
    RELATIONSHIP_REQUEST_RECEIVED: { description: 'A service provider asked for a business relationship.' },
    RELATIONSHIP_REQUEST_CANCELLED: { description: 'A service provider withdrew its relationship request.' },
    RELATIONSHIP_ACCEPTED: { description: 'The client accepted a relationship request.' },
    RELATIONSHIP_REJECTED: { description: 'The client rejected a relationship request.' },
    RELATIONSHIP_EXPIRING: { description: 'A pending relationship request will soon expire unanswered.' },
    RELATIONSHIP_EXPIRED: { description: 'A relationship request expired unanswered.' },
    RELATIONSHIP_ENDED: { description: 'An active relationship was ended.' },
    BUSINESS_REGISTRATION_COMPLETED: { description: 'The business was registered on the portal.' },
    STATEMENT_OF_ACCOUNT_ISSUED: { description: 'A statement of account was issued.' },
    DAILY_NOTICE: { description: 'The daily notice of a program account’s transactions.' },
    COLLECTIONS: { description: 'A notice about amounts in collections.' },
    PAYMENT_ARRANGEMENT: { description: 'A notice about a payment arrangement.' },
    GENERAL: { description: 'A general notice from the agency.' },
    MESSAGE_FROM_AGENCY: {
      description: 'The agency wrote in a message thread (for those who may read the thread).',
    },
    LETTER_ISSUED: {
      description: 'A letter from the agency is in the correspondence (for those who may read it).',
    },
    CLAIM_STATUS_CHANGED: {
      description:
        'A claim was submitted, taken for review, asked about, approved, rejected or withdrawn (for those who may read the claim).',
    },
    REPAYMENT_STATUS_CHANGED: {
      description:
        'A claim’s repayment became payable, was paid or was withheld (for those who may read the claim).',
    },
  },
});
registerEnumType(NoticeAudience, {
  name: 'NoticeAudience',
  description: 'Who an officer’s notice goes to.',
  valuesConfig: {
    BUSINESS: { description: 'One registered business (by BN).' },
    PROGRAM_TYPE: { description: 'Every registered business with a program account of a type.' },
    EVERYONE: { description: 'Every registered business.' },
  },
});
registerEnumType(NoticeProgramType, {
  name: 'NoticeProgramType',
  description: 'The registry program types an officer’s notice may target.',
  valuesConfig: {
    IMPORTER: { description: 'Importer accounts.' },
    EXPORTER: { description: 'Exporter accounts.' },
    CUSTOMS_BROKER: { description: 'Customs broker accounts.' },
    TRADE_CONSULTANT: { description: 'Trade consultant accounts.' },
    GST_HST: { description: 'GST/HST accounts.' },
    PAYROLL: { description: 'Payroll accounts.' },
    CORPORATE_INCOME_TAX: { description: 'Corporate income tax accounts.' },
  },
});

export enum MailDeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  DEAD = 'DEAD',
}
registerEnumType(MailDeliveryStatus, {
  name: 'MailDeliveryStatus',
  description: 'Where an email is in the outbox.',
  valuesConfig: {
    PENDING: { description: 'Waiting to be sent, or to be retried.' },
    SENT: { description: 'Accepted by the SMTP server.' },
    DEAD: { description: 'Given up after MAIL_MAX_ATTEMPTS failures (dead letter).' },
  },
});

/**
 * A notice. Its content is guarded by @access NOTICES (the owner is its business and program account); the
 * list and `notice(id)` also apply the area of its type (collections, access, relationships) and answer a
 * person-addressed notice to that person only.
 */
@AccessType(AccessArea.NOTICES, AccessAction.VIEW)
@ObjectType('Notice', { description: 'A notice from the agency or the portal (seed 003 §2.4).' })
export class NoticeNode {
  @Field(() => ID, { description: 'The notice’s id (opaque).' })
  id: string;

  @CalendarDateField('The agency day it is dated')
  displayDate: string;

  @Field(() => NoticeType, {
    description: 'What the notice is about (drives its label, its link and who may see it).',
  })
  type: NoticeType;

  @Field(() => String, { description: 'The type’s label in the caller’s language.' })
  typeLabel: string;

  @Field(() => Boolean, {
    description: 'Urgent notices are emailed to every recipient, whatever their email preference.',
  })
  urgent: boolean;

  @Field(() => Boolean, { description: 'Whether the caller has opened it.' })
  read: boolean;

  @Access(AccessArea.NOTICES, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description: 'The program account number, else the BN9; empty for a notice addressed to a person.',
  })
  accountNumber: string;

  @Access(AccessArea.NOTICES, AccessAction.VIEW)
  @Field(() => String, { nullable: true, description: 'In the caller’s language.' })
  subject: string;

  @Access(AccessArea.NOTICES, AccessAction.VIEW)
  @Field(() => String, { nullable: true, description: 'Plain text in the caller’s language.' })
  body: string;

  @Access(AccessArea.NOTICES, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description: 'The recipient: the business’s name, or the person’s.',
  })
  recipient: string;

  @Access(AccessArea.NOTICES, AccessAction.VIEW)
  @Field(() => String, {
    nullable: true,
    description: 'The portal page it concerns, without the language (e.g. /business/employees).',
  })
  linkPath: string | null;

  @Field(() => ID, { nullable: true, description: 'The business it concerns, if any.' })
  businessId: string | null;
}

@ObjectType({ description: 'A notice in a list, with its cursor.' })
export class NoticeEdge {
  @Field(() => String, { description: 'Pass as `after` to read the notices after this one.' })
  cursor: string;

  @Field(() => NoticeNode, { description: 'The notice.' })
  node: NoticeNode;
}

@ObjectType({ description: 'A page of notices, newest first.' })
export class NoticeConnection {
  @Field(() => [NoticeEdge], { description: 'The notices of this page.' })
  edges: NoticeEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;

  @Field(() => Int, {
    description:
      'Every notice matching the filter (for “1 to 10 of 13”), within its date range: by default the last 6 months, not all time. Counted only when asked for.',
  })
  totalCount: number;
}

@InputType({ description: 'The list’s search. Dates are YYYY-MM-DD, inclusive.' })
export class NoticeFilterInput {
  @Field(() => String, { nullable: true, description: 'Default: 6 months before today (agency day).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Default: today.' })
  to?: string | null;

  @Field(() => NoticeType, { nullable: true, description: 'Only notices of this type; omit for every type.' })
  type?: NoticeType | null;

  @Field(() => ID, { nullable: true, description: 'Only the notices of this business.' })
  businessId?: string | null;
}

@InputType({ description: 'An officer’s notice; subject and body in both languages.' })
export class PostNoticeInput extends BilingualBodyInput {
  @Field(() => NoticeAudience, {
    description:
      'Who receives it: one BUSINESS, every business with a program account of a PROGRAM_TYPE, or EVERYONE.',
  })
  audience: NoticeAudience;

  @Field(() => String, { nullable: true, description: 'The BN9, for audience BUSINESS.' })
  businessNumber?: string | null;

  @Field(() => NoticeProgramType, { nullable: true, description: 'For audience PROGRAM_TYPE.' })
  programType?: NoticeProgramType | null;

  @Field(() => Boolean, {
    description:
      'Whether it is urgent: then it is emailed to every recipient, whatever their email preference.',
  })
  urgent: boolean;

  @Field(() => String, { description: 'The subject in English, 1 to 200 characters.' })
  subjectEn: string;

  @Field(() => String, { description: 'The subject in French, 1 to 200 characters.' })
  subjectFr: string;
}

@ObjectType({ description: 'How many notices and emails were written, or the problems with the input.' })
export class PostNoticePayload extends UserErrorsPayload {
  @Field(() => Int, { description: 'Notices written (one per business, or per program account).' })
  noticeCount: number;

  @Field(() => Int, { description: 'Emails queued.' })
  emailCount: number;
}

@ObjectType({ description: 'The notice opened and the caller’s new unread count.' })
export class MarkNoticeReadPayload {
  @Field(() => NoticeNode, {
    nullable: true,
    description: 'The notice, now read; null when the caller can see no notice with this id.',
  })
  notice: NoticeNode | null;

  @Field(() => Int, {
    description:
      'How many of the caller’s notices are still unread, counted up to 100: 100 means 100 or more (the app shows “99+”).',
  })
  unreadCount: number;
}

@ObjectType('MailDelivery', { description: 'One email of the outbox, for officers (no address shown).' })
export class MailDeliveryNode {
  @Field(() => ID, { description: 'The mail delivery’s id (opaque).' })
  id: string;

  @Field(() => ID, { description: 'The id of the notice the email is about.' })
  noticeId: string;

  @Field(() => String, {
    description: 'The subject of the notice the email is about, in the caller’s language.',
  })
  noticeSubject: string;

  @Field(() => MailDeliveryStatus, {
    description: 'PENDING (to be sent or retried), SENT, or DEAD (gave up after the last retry).',
  })
  status: MailDeliveryStatus;

  @Field(() => Int, { description: 'How many times sending was tried.' })
  attempts: number;

  @Field(() => String, {
    nullable: true,
    description: 'The mail server’s answer to the last failed attempt; null when none failed.',
  })
  lastError: string | null;

  @Field(() => DateTimeScalar, { description: 'When the email was queued (with the notice).' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When it last changed (sent, retried or given up).' })
  updatedAt: Date;
}

@ObjectType({ description: 'A dead letter in a list, with its cursor.' })
export class MailDeliveryEdge {
  @Field(() => String, { description: 'Pass as `after` to read the dead letters after this one.' })
  cursor: string;

  @Field(() => MailDeliveryNode, { description: 'The dead letter.' })
  node: MailDeliveryNode;
}

@ObjectType({ description: 'A page of dead letters, most recently failed first.' })
export class MailDeliveryConnection {
  @Field(() => [MailDeliveryEdge], { description: 'The dead letters of this page.' })
  edges: MailDeliveryEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;
}

@ObjectType({
  description:
    'The notice email outbox at a glance, for agency officers: counts by status and the latest dead letters.',
})
export class MailOutboxSummary {
  @Field(() => Int, { description: 'Emails waiting to be sent or retried.' })
  pending: number;

  @Field(() => Int, { description: 'Emails the mail server accepted.' })
  sent: number;

  @Field(() => Int, { description: 'Emails given up after the last retry (dead letters).' })
  dead: number;

  @Field(() => [MailDeliveryNode], {
    description: 'The latest dead letters, newest first (at most 50).',
    deprecationReason: 'Use `Query.mailDeadLetters`, paged.',
  })
  deadLetters: MailDeliveryNode[];
}
