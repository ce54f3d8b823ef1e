import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';
import { DateOnlyColumn } from '../registry/registry-columns.js';
import { type MailStatus, type NoticeArea, type NoticeType } from './notices.types.js';

// Notices (docs/notices.md): what the agency and the portal tell a business or a person, and the durable
// email outbox written in the same transaction. Ids are time-ordered UUIDs, so id order is creation order.

/**
 * One notice. Addressed to a business (and one of its program accounts when it is that precise), or to one
 * person (`recipient_user_id`): a person-addressed notice is visible to that person only. Immutable once
 * written, except nothing: read state lives in notice_read, per person.
 */
@Entity('notice')
// The business list index carries the columns every visibility branch filters on (recipient, area, program
// account) after its range: a page or a count reads the index alone, never the rows (a 6-month count of a
// business's 16,700 notices read every row on MariaDB: 50 ms; docs/notices.md).
@Index('IDX_notice_business_list', [
  'businessId',
  'displayDate',
  'id',
  'recipientUserId',
  'area',
  'programAccountId',
])
@Index('IDX_notice_recipient_list', ['recipientUserId', 'displayDate', 'id'])
export class Notice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  type: NoticeType;

  /** The access area whose VIEW rule decides who sees it (the notice type's area). */
  @Column({ type: 'varchar', length: 30 })
  area: NoticeArea;

  /** The portal business it concerns; null for a person-addressed notice about no business. */
  @UuidColumn('business_id', { nullable: true })
  businessId: string | null;

  /** The registry program account it concerns, when it is about one. */
  @UuidColumn('program_account_id', { nullable: true })
  programAccountId: string | null;

  /** Shown in the list: the program account number, else the BN9; '' for a person-addressed notice. */
  @Column({ name: 'account_number', type: 'varchar', length: 15 })
  accountNumber: string;

  /** Set for a notice addressed to one person. */
  @UuidColumn('recipient_user_id', { nullable: true })
  recipientUserId: string | null;

  /** The recipient as shown in the detail: the business's name, or the person's. */
  @Column({ name: 'recipient_name', type: 'varchar', length: 201 })
  recipientName: string;

  @Column({ name: 'subject_en', type: 'varchar', length: 200 })
  subjectEn: string;

  @Column({ name: 'subject_fr', type: 'varchar', length: 200 })
  subjectFr: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn: string;

  @Column({ name: 'body_fr', type: 'text' })
  bodyFr: string;

  /** The portal page it concerns, without the language prefix (e.g. /business/employees); null if none. */
  @Column({ name: 'link_path', type: 'varchar', length: 300, nullable: true })
  linkPath: string | null;

  @Column({ type: 'boolean' })
  urgent: boolean;

  /** The agency day it is dated (YYYY-MM-DD); the list's date range and order read it. */
  @DateOnlyColumn('display_date')
  displayDate: string;

  @InstantColumn('created_at')
  createdAt: Date;

  /** The officer who posted it; null for a notice the portal wrote from an event. */
  @UuidColumn('created_by', { nullable: true })
  createdBy: string | null;

  /**
   * What made it, unique: the domain event (and recipient), the imported statement, the officer's post. A
   * re-import or a replayed event cannot write the same notice twice.
   */
  @Index('UQ_notice_source', { unique: true })
  @Column({ name: 'source_key', type: 'varchar', length: 120 })
  sourceKey: string;
}

/** A person has read a notice. */
@Entity('notice_read')
@Index('IDX_notice_read_user', ['userId', 'noticeId'])
export class NoticeRead {
  @PrimaryColumn({ name: 'notice_id', type: 'varchar', length: 36 })
  noticeId: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @InstantColumn('read_at')
  readAt: Date;
}

/**
 * One email of a notice to one person: written in the notice's transaction, sent by the outbox worker.
 * Unique per (notice, person), and the Message-ID is fixed at write time, so a retry is the same message.
 */
@Entity('mail_outbox')
@Index('UQ_mail_outbox_recipient', ['noticeId', 'userId'], { unique: true })
@Index('IDX_mail_outbox_due', ['status', 'nextAttemptAt'])
// The officers' dead-letter list: status DEAD, newest failure first, keyset on (updated_at, id).
@Index('IDX_mail_outbox_dead_list', ['status', 'updatedAt', 'id'])
export class MailOutbox {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('notice_id')
  noticeId: string;

  @UuidColumn('user_id')
  userId: string;

  /** The address at the time of the notice (the profile may change later). */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** The person's preferred language at the time of the notice. */
  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Index('UQ_mail_outbox_message_id', { unique: true })
  @Column({ name: 'message_id', type: 'varchar', length: 200 })
  messageId: string;

  /** PENDING (to send, or retrying), SENT, DEAD (gave up after MAIL_MAX_ATTEMPTS). */
  @Column({ type: 'varchar', length: 10 })
  status: MailStatus;

  /** Attempts started (counted when a worker claims the row). */
  @Column({ type: 'int' })
  attempts: number;

  @InstantColumn('next_attempt_at')
  nextAttemptAt: Date;

  /** The worker holding the row, and until when; another worker may take it only once the lease ran out. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 36, nullable: true })
  leaseOwner: string | null;

  @InstantColumn('lease_until', { nullable: true })
  leaseUntil: Date | null;

  /** The SMTP server's last answer on failure (no personal data: the address is not repeated). */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @InstantColumn('created_at')
  createdAt: Date;

  @InstantColumn('sent_at', { nullable: true })
  sentAt: Date | null;

  @InstantColumn('updated_at')
  updatedAt: Date;
}

export const noticeEntities = [Notice, NoticeRead, MailOutbox];
