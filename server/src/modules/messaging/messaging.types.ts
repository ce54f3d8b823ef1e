import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AccessType } from '../../common/auth/access-directive.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { describedEnum } from '../../common/graphql/described-enum.js';
import { type ListConnection, listConnectionType } from '../../common/graphql/list-connection.js';
import { NodeInterface } from '../../common/graphql/node.type.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { UserError } from '../../common/graphql/user-error.type.js';
import { BusinessSummary, ProgramAccountSummary } from '../businesses/businesses.types.js';

// The API shapes of secure messaging and correspondence (docs/messaging.md).

export enum ThreadCategory {
  ACCOUNT_AND_BILLING = 'ACCOUNT_AND_BILLING',
  RULINGS = 'RULINGS',
  REGISTRATION_AND_ACCESS = 'REGISTRATION_AND_ACCESS',
  PROGRAM_ACCOUNT_CHANGES = 'PROGRAM_ACCOUNT_CHANGES',
  TECHNICAL_HELP = 'TECHNICAL_HELP',
  OTHER = 'OTHER',
}

export enum ThreadStatus {
  /** New (or reopened): the agency has not answered yet. */
  OPEN = 'OPEN',
  WAITING_FOR_CLIENT = 'WAITING_FOR_CLIENT',
  WAITING_FOR_AGENCY = 'WAITING_FOR_AGENCY',
  CLOSED = 'CLOSED',
}

export enum AuthorSide {
  CLIENT = 'CLIENT',
  AGENCY = 'AGENCY',
}

/** Why a letter was written: one of the portal's own decisions, or an officer's letter. */
export enum LetterKind {
  REGISTRATION_UNLOCKED = 'REGISTRATION_UNLOCKED',
  ACTIVATION_KEY_ISSUED = 'ACTIVATION_KEY_ISSUED',
  CLAIM_DECIDED = 'CLAIM_DECIDED',
  RULING_DECIDED = 'RULING_DECIDED',
  SECURITY_CHANGE_DECIDED = 'SECURITY_CHANGE_DECIDED',
  OFFICER_LETTER = 'OFFICER_LETTER',
}

describedEnum(
  ThreadCategory,
  'ThreadCategory',
  'What a message thread is about (it also decides which agency team answers).',
  {
    ACCOUNT_AND_BILLING: 'Account and billing.',
    RULINGS: 'Rulings.',
    REGISTRATION_AND_ACCESS: 'Registration and access to the portal.',
    PROGRAM_ACCOUNT_CHANGES: 'Changes to a program account.',
    TECHNICAL_HELP: 'Technical help with the portal.',
    OTHER: 'Anything else.',
  },
);
describedEnum(ThreadStatus, 'ThreadStatus', 'Where a message thread stands.', {
  OPEN: 'New or reopened; the agency has not answered yet.',
  WAITING_FOR_CLIENT: 'The agency answered; the business’s turn.',
  WAITING_FOR_AGENCY: 'The business wrote; the agency’s turn.',
  CLOSED: 'Closed by an officer; no reply until it is reopened.',
});
describedEnum(AuthorSide, 'AuthorSide', 'Who wrote a message: the business’s side or the agency.', {
  CLIENT: 'A person for the business (its own, or its service provider’s).',
  AGENCY: 'An agency officer.',
});
describedEnum(LetterKind, 'LetterKind', 'Why a letter was written.', {
  REGISTRATION_UNLOCKED: 'The agency unlocked the business’s registration.',
  ACTIVATION_KEY_ISSUED: 'The agency issued an activation key.',
  CLAIM_DECIDED: 'The agency approved (in full or in part) or rejected a claim.',
  RULING_DECIDED: 'The agency issued a ruling, or closed a ruling request without one.',
  SECURITY_CHANGE_DECIDED: 'The agency approved or rejected a change of financial security.',
  OFFICER_LETTER: 'A letter an officer posted.',
});

@ObjectType('MessageAttachment', { description: 'A file attached to a message or a letter.' })
export class MessageAttachmentNode {
  @Field(() => ID, { description: 'The attachment’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'The file name as uploaded.' })
  fileName: string;

  @Field(() => String, { description: 'The media type, from the checked extension and content.' })
  contentType: string;

  @Field(() => Int, { description: 'Size in bytes (at most 15 MB).' })
  sizeBytes: number;

  @Field(() => String, {
    description:
      'Where to download it (GET, with the session cookie or token): the same access decision as what it is attached to.',
  })
  downloadUrl: string;
}

@AccessType(AccessArea.MESSAGES, AccessAction.VIEW)
@ObjectType('ThreadMessage', { description: 'One message of a thread.' })
export class ThreadMessageNode {
  @Field(() => ID, { description: 'The message’s id (opaque).' })
  id: string;

  @Field(() => AuthorSide, { description: 'CLIENT or AGENCY.' })
  authorSide: AuthorSide;

  @Field(() => String, {
    description:
      'Who wrote it: the person’s name, or “Agency officer” in the caller’s language (never an officer’s name or username).',
  })
  authorName: string;

  @Field(() => String, {
    description: 'The business the person wrote for, or the agency team that answered.',
  })
  authorOrganization: string;

  @Field(() => String, { description: 'The message (at most 5000 characters).' })
  body: string;

  @Field(() => DateTimeScalar, { description: 'When it was posted.' })
  postedAt: Date;

  @Field(() => [MessageAttachmentNode], { description: 'Its attachments (at most 10), oldest first.' })
  attachments: MessageAttachmentNode[];
}

export const ThreadMessageConnection = listConnectionType<ThreadMessageNode>(
  'ThreadMessage',
  ThreadMessageNode,
  { items: 'messages of a thread', item: 'a message', order: 'oldest first' },
);
export type ThreadMessageConnection = ListConnection<ThreadMessageNode>;

@AccessType(AccessArea.MESSAGES, AccessAction.VIEW)
@ObjectType('MessageThread', {
  implements: NodeInterface,
  description:
    'A secure conversation between a business and the agency. Reached only through guarded fields (MESSAGES VIEW) or the officer inbox.',
})
export class MessageThreadNode implements NodeInterface {
  @Field(() => ID, { description: 'The thread’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'The reference number to quote: M and 9 digits.' })
  referenceNumber: string;

  @Field(() => String, { description: 'The subject (at most 200 characters).' })
  subject: string;

  @Field(() => ThreadCategory, { description: 'What it is about.' })
  category: ThreadCategory;

  @Field(() => ThreadStatus, { description: 'Where it stands.' })
  status: ThreadStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The ruling case, claim or transaction number it is about, as given; null when none.',
  })
  caseReference: string | null;

  @Field(() => ProgramAccountSummary, {
    nullable: true,
    description: 'The program account it is about; null for a thread about the whole business.',
  })
  programAccount: ProgramAccountSummary | null;

  @Field(() => BusinessSummary, { description: 'The business the thread is with.' })
  business: BusinessSummary;

  @Field(() => String, {
    description: 'The agency team that answers (from the category), in the caller’s language.',
  })
  team: string;

  @Field(() => AuthorSide, { description: 'Who opened it.' })
  openedBySide: AuthorSide;

  @Field(() => DateTimeScalar, { description: 'When it was opened.' })
  openedAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the last message was posted.' })
  lastMessageAt: Date;

  @Field(() => DateTimeScalar, { description: 'Since when it waits in its status (the inbox’s order).' })
  waitingSince: Date;

  @Field(() => Int, { description: 'How many messages it has.' })
  messageCount: number;

  @Field(() => Int, {
    description: 'Messages from the other side the caller has not read (0 once they opened the thread).',
  })
  unreadCount: number;

  @Field(() => Boolean, { description: 'Whether an officer took the thread.' })
  assigned: boolean;

  @Field(() => Boolean, { description: 'Whether the calling officer took it (always false for others).' })
  assignedToMe: boolean;

  businessId: string;
  programAccountId: string | null;
  assignedOfficerId: string | null;
}

export const MessageThreadConnection = listConnectionType<MessageThreadNode>(
  'MessageThread',
  MessageThreadNode,
  { items: 'message threads', item: 'a thread', order: 'in the order the field says' },
);
export type MessageThreadConnection = ListConnection<MessageThreadNode>;

@AccessType(AccessArea.CORRESPONDENCE, AccessAction.VIEW)
@ObjectType('Letter', {
  implements: NodeInterface,
  description:
    'A letter from the agency to a business (and one of its program accounts). Reached only through guarded fields (CORRESPONDENCE VIEW).',
})
export class LetterNode implements NodeInterface {
  @Field(() => ID, { description: 'The letter’s id (opaque).' })
  id: string;

  @Field(() => LetterKind, { description: 'Why it was written.' })
  kind: LetterKind;

  @Field(() => String, { description: 'The subject in the caller’s language (both are kept).' })
  subject: string;

  @Field(() => String, {
    description: 'The letter’s text in the caller’s language: its accessible version (plain paragraphs).',
  })
  body: string;

  @Field(() => DateTimeScalar, { description: 'When it was issued.' })
  issuedAt: Date;

  @Field(() => ProgramAccountSummary, {
    nullable: true,
    description: 'The program account it is addressed to; null when addressed to the business.',
  })
  programAccount: ProgramAccountSummary | null;

  @Field(() => Boolean, { description: 'Whether the caller has read it.' })
  read: boolean;

  @Field(() => [MessageAttachmentNode], { description: 'Its attachments (an officer’s PDF).' })
  attachments: MessageAttachmentNode[];

  businessId: string;
  programAccountId: string | null;
}

export const LetterConnection = listConnectionType<LetterNode>('Letter', LetterNode, {
  items: 'letters',
  item: 'a letter',
  order: 'newest first',
});
export type LetterConnection = ListConnection<LetterNode>;

@InputType({ description: 'A new thread with the agency, with its first message.' })
export class OpenMessageThreadInput {
  @Field(() => ID, { description: 'The business the thread is for.' })
  businessId: string;

  @Field(() => String, { description: 'At most 200 characters.' })
  subject: string;

  @Field(() => ThreadCategory, { description: 'What it is about.' })
  category: ThreadCategory;

  @Field(() => ID, {
    nullable: true,
    description:
      'The program account it is about (required for a caller whose access is per program account).',
  })
  programAccountId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A ruling case, claim or transaction number it is about (at most 20 characters).',
  })
  caseReference?: string | null;

  @Field(() => String, { description: 'The first message: at most 5000 characters.' })
  body: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Attachments uploaded beforehand (POST /api/messaging/attachments) by the caller for this business; at most 10.',
  })
  attachmentIds?: string[] | null;
}

@InputType({ description: 'A reply in a thread.' })
export class PostMessageInput {
  @Field(() => ID, { description: 'The thread.' })
  threadId: string;

  @Field(() => String, { description: 'At most 5000 characters.' })
  body: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Attachments uploaded beforehand by the caller for the thread’s business; at most 10.',
  })
  attachmentIds?: string[] | null;
}

@InputType({ description: 'A letter an officer posts to a business or one of its program accounts.' })
export class IssueLetterInput {
  @Field(() => ID, { description: 'The business.' })
  businessId: string;

  @Field(() => ID, { nullable: true, description: 'The program account, when the letter is about one.' })
  programAccountId?: string | null;

  @Field(() => String, { description: 'English subject, at most 200 characters.' })
  subjectEn: string;

  @Field(() => String, { description: 'French subject, at most 200 characters.' })
  subjectFr: string;

  @Field(() => String, { description: 'English text, at most 5000 characters.' })
  bodyEn: string;

  @Field(() => String, { description: 'French text, at most 5000 characters.' })
  bodyFr: string;

  @Field(() => [ID], {
    description: 'The letter’s PDF, uploaded beforehand by the officer for this business (exactly one PDF).',
  })
  attachmentIds: string[];
}

@ObjectType({ description: 'The thread, or the problems with the input.' })
export class MessageThreadPayload {
  @Field(() => MessageThreadNode, { nullable: true, description: 'The thread; null when nothing changed.' })
  thread: MessageThreadNode | null;

  @Field(() => [UserError], { description: 'What was wrong; empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'The letter, or the problems with the input.' })
export class IssueLetterPayload {
  @Field(() => LetterNode, { nullable: true, description: 'The letter; null when the input had problems.' })
  letter: LetterNode | null;

  @Field(() => [UserError], { description: 'What was wrong; empty on success.' })
  userErrors: UserError[];
}
