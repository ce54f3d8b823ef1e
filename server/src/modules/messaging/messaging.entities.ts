import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';
import {
  type AuthorSide,
  type LetterKind,
  type ThreadCategory,
  type ThreadStatus,
} from './messaging.types.js';

// Secure messaging and correspondence (docs/messaging.md). Ids are time-ordered UUIDs, so id order is
// creation order. Attachments are the documents module's (its `attachment` table and storage), referred to
// by owner id: this module never touches their rows.

/** A conversation between a business and the agency. */
@Entity('message_thread')
// A business's threads, most recent activity first (the messages list).
@Index('IDX_message_thread_business', ['businessId', 'lastMessageAt', 'id'])
// The officer inbox: by status, oldest waiting first.
@Index('IDX_message_thread_inbox', ['status', 'waitingSince', 'id'])
@Index('IDX_message_thread_reference', ['referenceNumber'], { unique: true })
export class MessageThread {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** What people quote on the phone: `M` and 9 digits. */
  @Column({ name: 'reference_number', type: 'varchar', length: 10 })
  referenceNumber: string;

  @UuidColumn('business_id')
  businessId: string;

  /** The registry program account the thread is about; null for a business-level thread. */
  @UuidColumn('program_account_id', { nullable: true })
  programAccountId: string | null;

  /** A ruling case number, claim or transaction number the thread is about, as typed ('' when none). */
  @Column({ name: 'case_reference', type: 'varchar', length: 20 })
  caseReference: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'varchar', length: 40 })
  category: ThreadCategory;

  @Column({ type: 'varchar', length: 30 })
  status: ThreadStatus;

  /** Who opened it: the business's side or the agency. */
  @Column({ name: 'opened_by_side', type: 'varchar', length: 10 })
  openedBySide: AuthorSide;

  @UuidColumn('opened_by')
  openedBy: string;

  /** The officer who took the thread (assign to oneself); null while nobody has. */
  @UuidColumn('assigned_officer_id', { nullable: true })
  assignedOfficerId: string | null;

  @InstantColumn('opened_at')
  openedAt: Date;

  @InstantColumn('last_message_at')
  lastMessageAt: Date;

  /**
   * Since when the thread waits in its status (the inbox sorts on it, oldest first): the time of the message
   * or change that put it there.
   */
  @InstantColumn('waiting_since')
  waitingSince: Date;

  @Column({ name: 'message_count', type: 'integer' })
  messageCount: number;
}

/** One message of a thread. The author's name is kept as shown when it was written (never a username). */
@Entity('thread_message')
@Index('IDX_thread_message_thread', ['threadId', 'postedAt', 'id'])
export class ThreadMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('thread_id')
  threadId: string;

  @Column({ name: 'author_side', type: 'varchar', length: 10 })
  authorSide: AuthorSide;

  /** The person or officer who wrote it (never shown for an officer). */
  @UuidColumn('author_id')
  authorId: string;

  /** A person's name; '' for an officer (shown as "Agency officer"). */
  @Column({ name: 'author_name', type: 'varchar', length: 201 })
  authorName: string;

  /** The business a person wrote for (theirs, or their provider's); the team for an officer. */
  @Column({ name: 'author_organization', type: 'varchar', length: 200 })
  authorOrganization: string;

  @Column({ type: 'text' })
  body: string;

  @InstantColumn('posted_at')
  postedAt: Date;
}

/** Up to where a person has read a thread (the unread count is the messages after it). */
@Entity('thread_read')
export class ThreadRead {
  @PrimaryColumn({ name: 'thread_id', type: 'varchar', length: 36 })
  threadId: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @InstantColumn('read_at')
  readAt: Date;
}

/**
 * A letter from the agency, addressed to a registry business (so that a business that registers later
 * finds the letters written before, such as its activation key's) and, when it is that precise, one of its
 * program accounts. Both language texts are kept; each reader sees their own language.
 */
@Entity('letter')
@Index('IDX_letter_business', ['registryBusinessId', 'issuedAt', 'id'])
@Index('IDX_letter_source', ['sourceKey'], { unique: true })
export class Letter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('registry_business_id')
  registryBusinessId: string;

  @UuidColumn('program_account_id', { nullable: true })
  programAccountId: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind: LetterKind;

  @Column({ name: 'subject_en', type: 'varchar', length: 200 })
  subjectEn: string;

  @Column({ name: 'subject_fr', type: 'varchar', length: 200 })
  subjectFr: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn: string;

  @Column({ name: 'body_fr', type: 'text' })
  bodyFr: string;

  /** The officer who posted it; null for a letter the portal wrote for one of its own decisions. */
  @UuidColumn('issued_by', { nullable: true })
  issuedBy: string | null;

  @InstantColumn('issued_at')
  issuedAt: Date;

  /** `event:<id>` for a generated letter (written once per event), `officer:<id>` for a posted one. */
  @Column({ name: 'source_key', type: 'varchar', length: 80 })
  sourceKey: string;
}

/** A person read a letter. */
@Entity('letter_read')
export class LetterRead {
  @PrimaryColumn({ name: 'letter_id', type: 'varchar', length: 36 })
  letterId: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @InstantColumn('read_at')
  readAt: Date;
}

export const messagingEntities = [MessageThread, ThreadMessage, ThreadRead, Letter, LetterRead];
