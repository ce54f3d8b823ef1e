import { afterCommit } from '../../common/database/after-commit.js';
import { fanoutOf } from '../../common/shared/shared-state.js';
import { type EntityManager, In } from 'typeorm';
import { AccessAction, decideAccess } from '../../common/auth/access-table.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { publish } from '../../common/events/event-bus.js';
import { agencyDay } from '../../common/time/agency-date.js';
import { activeMemberGrants, type MemberGrant } from '../businesses/business-directory.service.js';
import { personContacts } from '../profiles/profile.service.js';
import { peopleReachingClients } from '../relationships/provider-reach.js';
import { type Bilingual } from './notice-templates.js';
import { MailOutbox, Notice } from './notices.entities.js';
import { MailStatus, noticeAreas, type NoticeType } from './notices.types.js';

/** A notice to write: everything but the id, the date and the area (the type's). */
export interface NoticeDraft {
  type: NoticeType;
  businessId: string | null;
  programAccountId?: string | null;
  accountNumber: string;
  recipientUserId?: string | null;
  recipientName: string;
  subject: Bilingual;
  body: Bilingual;
  linkPath?: string | null;
  urgent?: boolean;
  sourceKey: string;
  createdBy?: string | null;
}

export interface WriteResult {
  notices: Notice[];
  emails: number;
}

const CHUNK = 200;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * The people a business notice is emailed to: its active members whose role may view the notice (the
 * access table's rule for the notice's area, within their program scope). A fixed number of statements
 * whatever the number of notices.
 */
async function memberRecipients(manager: EntityManager, notices: Notice[]): Promise<Map<string, string[]>> {
  const businessIds = [
    ...new Set(notices.filter((n) => !n.recipientUserId && n.businessId).map((n) => n.businessId!)),
  ];
  const byNotice = new Map<string, string[]>();
  if (businessIds.length === 0) return byNotice;
  const membersOf = new Map<string, MemberGrant[]>();
  for (const m of await activeMemberGrants(manager, businessIds))
    membersOf.set(m.businessId, [...(membersOf.get(m.businessId) ?? []), m]);
  for (const notice of notices) {
    if (notice.recipientUserId || !notice.businessId) continue;
    const owner = { businessId: notice.businessId, programAccountId: notice.programAccountId };
    byNotice.set(
      notice.id,
      (membersOf.get(notice.businessId) ?? [])
        .filter((m) => decideAccess({ grants: [m.grant] }, notice.area, AccessAction.VIEW, owner))
        .map((m) => m.userId),
    );
  }
  return byNotice;
}

/**
 * Writes notices and their outbox rows in the caller's transaction, so that both exist exactly when the
 * change that caused them does. An email goes to each recipient who subscribed to notice emails, and to
 * every recipient of an urgent notice (seed 003 §2.3), in the person's preferred language. Drafts whose
 * source key exists already are skipped (a replayed event or a re-import writes nothing twice).
 */
export async function writeNotices(
  manager: EntityManager,
  drafts: NoticeDraft[],
  now: Date,
): Promise<WriteResult> {
  if (drafts.length === 0) return { notices: [], emails: 0 };
  const existing = new Set<string>();
  for (const part of chunks(drafts.map((d) => d.sourceKey)))
    for (const row of await manager.find(Notice, {
      select: { sourceKey: true },
      where: { sourceKey: In(part) },
    }))
      existing.add(row.sourceKey);
  const displayDate = agencyDay(now);
  const notices: Notice[] = drafts
    .filter((d) => !existing.has(d.sourceKey))
    .map((d) => ({
      id: timeOrderedId(),
      type: d.type,
      area: noticeAreas[d.type],
      businessId: d.businessId,
      programAccountId: d.programAccountId ?? null,
      accountNumber: d.accountNumber,
      recipientUserId: d.recipientUserId ?? null,
      recipientName: d.recipientName.slice(0, 201),
      subjectEn: d.subject.en.slice(0, 200),
      subjectFr: d.subject.fr.slice(0, 200),
      bodyEn: d.body.en,
      bodyFr: d.body.fr,
      linkPath: d.linkPath ?? null,
      urgent: d.urgent ?? false,
      displayDate,
      createdAt: now,
      createdBy: d.createdBy ?? null,
      sourceKey: d.sourceKey,
    }));
  for (const part of chunks(notices, 100))
    await manager.createQueryBuilder().insert().into(Notice).values(part).updateEntity(false).execute();

  const members = await memberRecipients(manager, notices);
  const recipientsOf = (n: Notice) => (n.recipientUserId ? [n.recipientUserId] : (members.get(n.id) ?? []));
  const people = [...new Set(notices.flatMap(recipientsOf))];
  // Once committed, the live bells of these people, in every process, count again (notices-stream.routes.ts):
  // the recipients, and those who reach a business notice's business as its provider (decision 0040), found
  // now, through the relationships as they stand in this transaction. Each stream then reads through the
  // notices service what its caller may see: a signal says "look again", never what. A failed signal costs a
  // bell its live update, never the change: the app still polls now and then.
  const fanout = fanoutOf(manager.dataSource);
  if (fanout) {
    const reached = new Set(people);
    const clients = [
      ...new Set(notices.filter((n) => n.businessId && !n.recipientUserId).map((n) => n.businessId!)),
    ];
    for (const part of chunks(clients))
      for (const row of await peopleReachingClients(manager, part)) reached.add(row.userId);
    // A large import names no notices (the bells only count again): a signal stays small.
    const signal = { userIds: [...reached], noticeIds: notices.length <= 20 ? notices.map((n) => n.id) : [] };
    if (reached.size) afterCommit(manager, () => void fanout.publish(signal).catch(() => undefined));
  }
  const profiles = await personContacts(manager, people);
  const outbox: MailOutbox[] = [];
  for (const notice of notices)
    for (const userId of new Set(recipientsOf(notice))) {
      const profile = profiles.get(userId);
      if (!profile || !(profile.receiveNoticeEmails || notice.urgent)) continue;
      const id = timeOrderedId();
      outbox.push({
        id,
        noticeId: notice.id,
        userId,
        email: profile.email,
        language: profile.preferredLanguage,
        messageId: `<${id}@notices.passerelle>`,
        status: MailStatus.PENDING,
        attempts: 0,
        nextAttemptAt: now,
        leaseOwner: null,
        leaseUntil: null,
        lastError: null,
        createdAt: now,
        sentAt: null,
        updatedAt: now,
      });
    }
  for (const part of chunks(outbox, 100))
    await manager.createQueryBuilder().insert().into(MailOutbox).values(part).updateEntity(false).execute();
  // Business notices are also a domain event (webhooks and the changes feed, decision 0028), in batches of
  // 50 so that a payload stays far below MySQL's 64 KiB TEXT. Personal notices concern one person: not sent.
  const businessNotices = notices.filter((n) => n.businessId && !n.recipientUserId);
  for (const part of chunks(businessNotices, 50))
    await publish(
      manager,
      {
        type: 'NOTICES_CREATED',
        payload: {
          notices: part.map((n) => ({
            noticeId: n.id,
            businessId: n.businessId!,
            programAccountId: n.programAccountId,
            noticeType: n.type,
            area: n.area,
            accountNumber: n.accountNumber,
            subjectEn: n.subjectEn,
            subjectFr: n.subjectFr,
            urgent: n.urgent,
          })),
        },
      },
      now,
    );
  return { notices, emails: outbox.length };
}
