import { randomInt } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { ownedBy } from '../../common/auth/access-directive.js';
import { type AccessOwner, type ProgramScope } from '../../common/auth/access-table.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { decodeCursor, keysetBefore, pageSize, toConnectionPage } from '../../common/graphql/connection.js';
import { type Problem } from '../../common/errors/problems.js';
import { type Language } from '../../common/i18n/language.js';
import { translate, type MessageKey } from '../../common/i18n/messages.js';
import { publish } from '../../common/events/event-bus.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { recordBusinessAudit, type AuditDetails } from '../businesses/business-audit.service.js';
import { businessSummaries, registryIdOfBusiness } from '../businesses/business-directory.service.js';
import { activeMembershipsOf } from '../businesses/business-view.service.js';
import { attachmentsOf, attachToOwner, type StoredAttachment } from '../documents/documents.service.js';
import { personName } from '../profiles/profile.service.js';
import { programAccountSummaries } from '../registry/registry-lookups.service.js';
import { MessageThread, ThreadMessage, ThreadRead } from './messaging.entities.js';
import {
  AuthorSide,
  type MessageAttachmentNode,
  type MessageThreadConnection,
  type MessageThreadNode,
  type ThreadCategory,
  ThreadCategory as Categories,
  type ThreadMessageConnection,
  type ThreadMessageNode,
  ThreadStatus,
} from './messaging.types.js';

// Secure messaging (docs/messaging.md, decision 0030): threads between a business and the agency, their
// messages in order, attachments through the documents module. Every change is one transaction with its
// domain event (and, for an officer's change, the business's audit trail).

export const SUBJECT_MAX_LENGTH = 200;
export const MESSAGE_MAX_LENGTH = 5000;
export const CASE_REFERENCE_MAX_LENGTH = 20;
export const ATTACHMENTS_MAX = 10;
/** The attachments' owner type for a message (documents module's `attachment.owner_type`). */
export const MESSAGE_ATTACHMENT = 'MESSAGE';
export const ATTACHMENT_DOWNLOAD_BASE = '/api/messaging/attachments';
/** `GET {LETTER_PDF_BASE}/{letterId}?lang=en|fr`: the PDF of a letter the portal wrote (messaging.routes.ts). */
export const LETTER_PDF_BASE = `${ATTACHMENT_DOWNLOAD_BASE}/letters`;

/**
 * The access owner's program account of a thread about the whole business: an id no program scope holds,
 * so that only whole-business actors (BAM, business management provider, officer) reach such a thread
 * (access-table.ts, MESSAGES).
 */
export const THREAD_OF_BUSINESS = 'whole-business';

export function threadOwner(row: { businessId: string; programAccountId: string | null }): AccessOwner {
  return { businessId: row.businessId, programAccountId: row.programAccountId ?? THREAD_OF_BUSINESS };
}

/** Who does something: a person of the business's side, or an officer. */
export interface Actor {
  userId: string;
  side: AuthorSide;
}

const problem = (field: string[], code: string, params: Record<string, number> = {}): Problem => ({
  field,
  code,
  messageKey: `messaging.${field.at(-1)}.${code}` as MessageKey,
  params,
});

function textProblems(value: string, field: string[], max: number): Problem[] {
  const text = value.trim();
  if (!text) return [problem(field, 'REQUIRED')];
  if (characterCount(text) > max) return [problem(field, 'TOO_LONG', { max })];
  return [];
}

export function attachmentNode(row: StoredAttachment): MessageAttachmentNode {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    downloadUrl: `${ATTACHMENT_DOWNLOAD_BASE}/${row.id}`,
  };
}

/** The agency team that answers a category, in `lang`. */
export function teamName(lang: Language, category: ThreadCategory): string {
  return translate(lang, `messaging.team.${category}` as MessageKey);
}

// ---- Reading ----------------------------------------------------------------------------------------------

export function findThread(
  dataSource: DataSource | EntityManager,
  id: string,
): Promise<MessageThread | null> {
  const manager = 'manager' in dataSource ? dataSource.manager : dataSource;
  return manager.findOneBy(MessageThread, { id });
}

/**
 * What a notice of a thread says and whom it is for, read in the caller's transaction (the notices module's
 * subscriber, decision 0038): the subject, the reference number and the thread's access owner.
 */
export async function threadNoticeFacts(
  manager: EntityManager,
  threadId: string,
): Promise<{ subject: string; referenceNumber: string; owner: AccessOwner } | null> {
  const row = await manager.findOneBy(MessageThread, { id: threadId });
  return row ? { subject: row.subject, referenceNumber: row.referenceNumber, owner: threadOwner(row) } : null;
}

/** Unread messages of the other side per thread for `userId` (one statement for a page of threads). */
async function unreadCounts(
  manager: EntityManager,
  userId: string | null,
  side: AuthorSide,
  threadIds: string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!userId || threadIds.length === 0) return counts;
  const other = side === AuthorSide.AGENCY ? AuthorSide.CLIENT : AuthorSide.AGENCY;
  const rows: Array<{ threadId: string; unread: string | number }> = await manager
    .createQueryBuilder(ThreadMessage, 'm')
    .select('m.thread_id', 'threadId')
    .addSelect('COUNT(*)', 'unread')
    .leftJoin(ThreadRead, 'r', 'r.thread_id = m.thread_id AND r.user_id = :userId', { userId })
    .where('m.thread_id IN (:...threadIds)', { threadIds })
    .andWhere('m.author_side = :other', { other })
    .andWhere('(r.read_at IS NULL OR m.posted_at > r.read_at)')
    .groupBy('m.thread_id')
    .getRawMany();
  for (const row of rows) counts.set(row.threadId, Number(row.unread));
  return counts;
}

/** The API shapes of thread rows, for a caller (`viewer`) in `lang`: three statements whatever the count. */
export async function threadNodes(
  manager: EntityManager,
  rows: MessageThread[],
  viewer: { userId: string | null; side: AuthorSide; lang: Language },
): Promise<MessageThreadNode[]> {
  const [businesses, accounts, unread] = await Promise.all([
    businessSummaries(
      manager,
      rows.map((row) => row.businessId),
    ),
    programAccountSummaries(
      manager,
      rows.map((row) => row.programAccountId).filter((id): id is string => Boolean(id)),
    ),
    unreadCounts(
      manager,
      viewer.userId,
      viewer.side,
      rows.map((row) => row.id),
    ),
  ]);
  return rows.map((row) => {
    const business = businesses.get(row.businessId);
    const account = row.programAccountId ? accounts.get(row.programAccountId) : undefined;
    return ownedBy<MessageThreadNode>(
      {
        id: row.id,
        referenceNumber: row.referenceNumber,
        subject: row.subject,
        category: row.category,
        status: row.status,
        caseReference: row.caseReference || null,
        programAccount: row.programAccountId
          ? {
              id: row.programAccountId,
              accountNumber: account?.accountNumber ?? '',
              name: account?.name ?? '',
            }
          : null,
        business: {
          id: row.businessId,
          businessNumber: business?.businessNumber ?? '',
          name: business?.name ?? '',
        },
        team: teamName(viewer.lang, row.category),
        openedBySide: row.openedBySide,
        openedAt: row.openedAt,
        lastMessageAt: row.lastMessageAt,
        waitingSince: row.waitingSince,
        messageCount: row.messageCount,
        unreadCount: unread.get(row.id) ?? 0,
        assigned: Boolean(row.assignedOfficerId),
        assignedToMe:
          viewer.side === AuthorSide.AGENCY && !!viewer.userId && row.assignedOfficerId === viewer.userId,
        businessId: row.businessId,
        programAccountId: row.programAccountId,
        assignedOfficerId: row.assignedOfficerId,
      },
      threadOwner(row),
    );
  });
}

const emptyPage = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

/**
 * A page of a business's threads, most recent activity first: of every program account in `scope` (the
 * caller's visible scope; business-level threads only with 'ALL'), optionally of some statuses or one
 * category. Keyset cursors; BAD_USER_INPUT for a bad `first` or cursor.
 */
export async function listBusinessThreads(
  dataSource: DataSource,
  filter: {
    businessId: string;
    scope: ProgramScope;
    statuses?: ThreadStatus[] | null;
    category?: ThreadCategory | null;
  },
  page: { first?: number | null; after?: string | null },
  viewer: { userId: string | null; side: AuthorSide; lang: Language },
): Promise<MessageThreadConnection> {
  const size = pageSize(page.first, 20);
  const accounts = filter.scope === 'ALL' ? null : [...filter.scope];
  if (accounts && accounts.length === 0) return emptyPage;
  const base = () => {
    const query = dataSource
      .getRepository(MessageThread)
      .createQueryBuilder('t')
      .where('t.business_id = :businessId', { businessId: filter.businessId });
    if (accounts) query.andWhere('t.program_account_id IN (:...accounts)', { accounts });
    if (filter.statuses?.length) query.andWhere('t.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.category) query.andWhere('t.category = :category', { category: filter.category });
    return query;
  };
  const query = base();
  if (page.after) {
    const keyset = keysetBefore('t.last_message_at', 't.id', decodeCursor(page.after));
    query.andWhere(keyset.sql, keyset.params);
  }
  const [rows, totalCount] = await Promise.all([
    query
      .orderBy('t.last_message_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(size + 1)
      .getMany(),
    base().getCount(),
  ]);
  const nodes = await threadNodes(dataSource.manager, rows.slice(0, size), viewer);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return {
    ...toConnectionPage(
      rows,
      size,
      (row) => ({ at: row.lastMessageAt, id: row.id }),
      (row) => byId.get(row.id)!,
    ),
    totalCount,
  };
}

/** The statuses the agency has to act on: the inbox's default. */
export const AGENCY_TURN = [ThreadStatus.OPEN, ThreadStatus.WAITING_FOR_AGENCY];

/**
 * The officer inbox: every business's threads (or one business's) of some statuses (default: the agency's
 * turn; every status for one business), optionally of one category, or only those the officer took; oldest
 * waiting first. Keyset cursors.
 */
export async function listInbox(
  dataSource: DataSource,
  filter: {
    statuses?: ThreadStatus[] | null;
    category?: ThreadCategory | null;
    assignedTo?: string | null;
    businessId?: string | null;
  },
  page: { first?: number | null; after?: string | null },
  viewer: { userId: string; lang: Language },
): Promise<MessageThreadConnection> {
  const size = pageSize(page.first, 20);
  // One business's threads (its officer page): every status unless asked; the inbox: the agency's turn.
  const statuses = filter.statuses?.length
    ? filter.statuses
    : filter.businessId
      ? Object.values(ThreadStatus)
      : AGENCY_TURN;
  const base = () => {
    const query = dataSource
      .getRepository(MessageThread)
      .createQueryBuilder('t')
      .where('t.status IN (:...statuses)', { statuses });
    if (filter.category) query.andWhere('t.category = :category', { category: filter.category });
    if (filter.businessId) query.andWhere('t.business_id = :businessId', { businessId: filter.businessId });
    if (filter.assignedTo)
      query.andWhere('t.assigned_officer_id = :assignedTo', { assignedTo: filter.assignedTo });
    return query;
  };
  const query = base();
  if (page.after) {
    const position = decodeCursor(page.after);
    query.andWhere('(t.waiting_since > :keysetAt OR (t.waiting_since = :keysetAt AND t.id > :keysetId))', {
      keysetAt: position.at,
      keysetId: position.id,
    });
  }
  const [rows, totalCount] = await Promise.all([
    query
      .orderBy('t.waiting_since', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .take(size + 1)
      .getMany(),
    base().getCount(),
  ]);
  const nodes = await threadNodes(dataSource.manager, rows.slice(0, size), {
    userId: viewer.userId,
    side: AuthorSide.AGENCY,
    lang: viewer.lang,
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return {
    ...toConnectionPage(
      rows,
      size,
      (row) => ({ at: row.waitingSince, id: row.id }),
      (row) => byId.get(row.id)!,
    ),
    totalCount,
  };
}

/** A page of a thread's messages, oldest first, with their attachments (three statements a page). */
export async function listMessages(
  dataSource: DataSource,
  threadId: string,
  page: { first?: number | null; after?: string | null },
  lang: Language,
): Promise<ThreadMessageConnection> {
  const size = pageSize(page.first, 50);
  const query = dataSource
    .getRepository(ThreadMessage)
    .createQueryBuilder('m')
    .where('m.thread_id = :threadId', { threadId });
  const total = query.clone().getCount();
  if (page.after) {
    const position = decodeCursor(page.after);
    query.andWhere('(m.posted_at > :keysetAt OR (m.posted_at = :keysetAt AND m.id > :keysetId))', {
      keysetAt: position.at,
      keysetId: position.id,
    });
  }
  const rows = await query
    .orderBy('m.posted_at', 'ASC')
    .addOrderBy('m.id', 'ASC')
    .take(size + 1)
    .getMany();
  const attachments = await attachmentsOf(
    dataSource.manager,
    rows.slice(0, size).map((row) => row.id),
  );
  return {
    ...toConnectionPage(
      rows,
      size,
      (row) => ({ at: row.postedAt, id: row.id }),
      (row) => messageNode(row, attachments.get(row.id) ?? [], lang),
    ),
    totalCount: await total,
  };
}

function messageNode(row: ThreadMessage, attachments: StoredAttachment[], lang: Language): ThreadMessageNode {
  const agency = row.authorSide === AuthorSide.AGENCY;
  return {
    id: row.id,
    authorSide: row.authorSide,
    // An officer is never named: "Agency officer" and the team that answered (kept as its category).
    authorName: agency ? translate(lang, 'messaging.agencyOfficer') : row.authorName,
    authorOrganization: agency
      ? teamName(lang, row.authorOrganization as ThreadCategory)
      : row.authorOrganization,
    body: row.body,
    postedAt: row.postedAt,
    attachments: attachments.map(attachmentNode),
  };
}

// ---- Changing -------------------------------------------------------------------------------------------

/** A new reference number: M and 9 digits. */
function newReference(): string {
  return `M${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

/** How a person's messages are signed: their name, and the business they act from. */
async function signatureOf(
  dataSource: DataSource,
  manager: EntityManager,
  userId: string,
  threadBusinessId: string,
): Promise<{ name: string; organization: string }> {
  const memberships = await activeMembershipsOf(dataSource, userId);
  // Their own business's person signs for it; a provider's employee signs for the provider.
  const from =
    memberships.find((m) => m.businessId === threadBusinessId)?.businessId ?? memberships[0]?.businessId;
  const business = (await businessSummaries(manager, [from ?? threadBusinessId])).get(
    from ?? threadBusinessId,
  );
  return { name: await personName(manager, userId), organization: business?.name ?? '' };
}

function attachmentProblems(ids: readonly string[] | null | undefined): Problem[] {
  return (ids?.length ?? 0) > ATTACHMENTS_MAX
    ? [problem(['input', 'attachmentIds'], 'TOO_MANY', { max: ATTACHMENTS_MAX })]
    : [];
}

/** Rolls the transaction back with problems to answer (nothing of the change stays). */
class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}

/** Inserts a message (and gives it its attachments); throws Refused when an attachment is not the actor's. */
async function insertMessage(
  dataSource: DataSource,
  manager: EntityManager,
  thread: MessageThread,
  actor: Actor,
  body: string,
  attachmentIds: readonly string[] | null | undefined,
  now: Date,
): Promise<ThreadMessage> {
  const signature =
    actor.side === AuthorSide.AGENCY
      ? { name: '', organization: thread.category }
      : await signatureOf(dataSource, manager, actor.userId, thread.businessId);
  const message: ThreadMessage = {
    id: timeOrderedId(now.getTime()),
    threadId: thread.id,
    authorSide: actor.side,
    authorId: actor.userId,
    authorName: signature.name,
    authorOrganization: signature.organization.slice(0, 200),
    body: body.trim(),
    postedAt: now,
  };
  await manager.insert(ThreadMessage, message);
  const attached = await attachToOwner(manager, {
    ids: [...(attachmentIds ?? [])],
    ownerType: MESSAGE_ATTACHMENT,
    ownerId: message.id,
    businessId: thread.businessId,
    uploadedBy: actor.userId,
  });
  if (!attached) throw new Refused([problem(['input', 'attachmentIds'], 'NOT_FOUND')]);
  return message;
}

async function auditOfficer(
  manager: EntityManager,
  thread: MessageThread,
  type: 'MESSAGE_THREAD_OPENED' | 'MESSAGE_POSTED' | 'THREAD_STATUS_CHANGED' | 'THREAD_ASSIGNED',
  actorId: string,
  details: AuditDetails,
  now: Date,
): Promise<void> {
  await recordBusinessAudit(manager, {
    registryBusinessId: await registryIdOfBusiness(manager, thread.businessId),
    type,
    actorId,
    details: { thread: thread.referenceNumber, ...details },
    occurredAt: now,
  });
}

export interface OpenThreadValues {
  businessId: string;
  subject: string;
  category: ThreadCategory;
  programAccountId?: string | null;
  caseReference?: string | null;
  body: string;
  attachmentIds?: string[] | null;
}

export type ThreadResult = { ok: true; thread: MessageThread } | { ok: false; problems: Problem[] };

/**
 * Opens a thread with its first message: by the business's side (status OPEN: the agency's turn) or by an
 * officer (WAITING_FOR_CLIENT). The caller's access was checked (MESSAGES EDIT on the business and account,
 * or the officer role). Problems: REQUIRED, TOO_LONG, TOO_MANY, NOT_FOUND (program account or attachments).
 */
export async function openThread(
  dataSource: DataSource,
  config: AppConfig,
  actor: Actor,
  input: OpenThreadValues,
): Promise<ThreadResult> {
  const caseReference = (input.caseReference ?? '').trim();
  const problems = [
    ...textProblems(input.subject, ['input', 'subject'], SUBJECT_MAX_LENGTH),
    ...(Object.values(Categories).includes(input.category)
      ? []
      : [problem(['input', 'category'], 'REQUIRED')]),
    ...(characterCount(caseReference) > CASE_REFERENCE_MAX_LENGTH
      ? [problem(['input', 'caseReference'], 'TOO_LONG', { max: CASE_REFERENCE_MAX_LENGTH })]
      : []),
    ...textProblems(input.body, ['input', 'body'], MESSAGE_MAX_LENGTH),
    ...attachmentProblems(input.attachmentIds),
  ];
  if (problems.length) return { ok: false, problems };
  const now = config.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const thread = await inTransaction(dataSource, async (manager) => {
        const business = (await businessSummaries(manager, [input.businessId])).get(input.businessId);
        if (!business) throw new Refused([problem(['input', 'businessId'], 'NOT_FOUND')]);
        if (input.programAccountId) {
          const account = (await programAccountSummaries(manager, [input.programAccountId])).get(
            input.programAccountId,
          );
          if (!account || account.businessId !== business.registryBusinessId)
            throw new Refused([problem(['input', 'programAccountId'], 'NOT_FOUND')]);
        }
        const agency = actor.side === AuthorSide.AGENCY;
        const row: MessageThread = {
          id: timeOrderedId(now.getTime()),
          referenceNumber: newReference(),
          businessId: business.id,
          programAccountId: input.programAccountId || null,
          caseReference,
          subject: input.subject.trim(),
          category: input.category,
          status: agency ? ThreadStatus.WAITING_FOR_CLIENT : ThreadStatus.OPEN,
          openedBySide: actor.side,
          openedBy: actor.userId,
          // The officer who writes first has taken the thread.
          assignedOfficerId: agency ? actor.userId : null,
          openedAt: now,
          lastMessageAt: now,
          waitingSince: now,
          messageCount: 1,
        };
        await manager.insert(MessageThread, row);
        const message = await insertMessage(
          dataSource,
          manager,
          row,
          actor,
          input.body,
          input.attachmentIds,
          now,
        );
        if (agency) await auditOfficer(manager, row, 'MESSAGE_THREAD_OPENED', actor.userId, {}, now);
        await publish(
          manager,
          {
            type: 'MESSAGE_THREAD_OPENED',
            payload: {
              threadId: row.id,
              businessId: row.businessId,
              programAccountId: row.programAccountId,
              referenceNumber: row.referenceNumber,
              category: row.category,
              authorSide: actor.side,
              actorId: actor.userId,
            },
          },
          now,
        );
        await publishPosted(manager, row, message, actor, input.attachmentIds, now);
        await markRead(manager, row.id, actor.userId, now);
        return row;
      });
      return { ok: true, thread };
    } catch (error) {
      if (error instanceof Refused) return { ok: false, problems: error.problems };
      // A reference number drawn twice: draw again.
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

async function publishPosted(
  manager: EntityManager,
  thread: MessageThread,
  message: ThreadMessage,
  actor: Actor,
  attachmentIds: readonly string[] | null | undefined,
  now: Date,
): Promise<void> {
  await publish(
    manager,
    {
      type: 'MESSAGE_POSTED',
      payload: {
        threadId: thread.id,
        messageId: message.id,
        businessId: thread.businessId,
        programAccountId: thread.programAccountId,
        referenceNumber: thread.referenceNumber,
        authorSide: actor.side,
        actorId: actor.userId,
        attachmentIds: [...(attachmentIds ?? [])],
      },
    },
    now,
  );
}

async function markRead(manager: EntityManager, threadId: string, userId: string, now: Date): Promise<void> {
  const existing = await manager.findOneBy(ThreadRead, { threadId, userId });
  if (existing) await manager.update(ThreadRead, { threadId, userId }, { readAt: now });
  else await manager.insert(ThreadRead, { threadId, userId, readAt: now });
}

/** The thread's row locked for the change (or null when it is gone). */
function lockedThread(manager: EntityManager, id: string): Promise<MessageThread | null> {
  // SQLite has one writer at a time: no row locks (as memberships.service.ts).
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  return manager.findOne(MessageThread, {
    where: { id },
    ...(sqlite ? {} : { lock: { mode: 'pessimistic_write' as const } }),
  });
}

/**
 * A reply: the business's side puts the thread in WAITING_FOR_AGENCY, an officer in WAITING_FOR_CLIENT (and
 * takes it if nobody had). A closed thread takes no reply (CLOSED; an officer reopens it first). Access was
 * checked on the thread.
 */
export async function postMessage(
  dataSource: DataSource,
  config: AppConfig,
  actor: Actor,
  input: { threadId: string; body: string; attachmentIds?: string[] | null },
): Promise<ThreadResult> {
  const problems = [
    ...textProblems(input.body, ['input', 'body'], MESSAGE_MAX_LENGTH),
    ...attachmentProblems(input.attachmentIds),
  ];
  if (problems.length) return { ok: false, problems };
  const now = config.now();
  try {
    const thread = await inTransaction(dataSource, async (manager) => {
      const row = await lockedThread(manager, input.threadId);
      if (!row) throw new Refused([problem(['input', 'threadId'], 'NOT_FOUND')]);
      if (row.status === ThreadStatus.CLOSED) throw new Refused([problem(['input', 'threadId'], 'CLOSED')]);
      const message = await insertMessage(
        dataSource,
        manager,
        row,
        actor,
        input.body,
        input.attachmentIds,
        now,
      );
      const agency = actor.side === AuthorSide.AGENCY;
      const status = agency ? ThreadStatus.WAITING_FOR_CLIENT : ThreadStatus.WAITING_FOR_AGENCY;
      const from = row.status;
      const changes: Partial<MessageThread> = {
        status,
        lastMessageAt: now,
        messageCount: row.messageCount + 1,
        // Waiting since this message, unless it was already the same side's turn (the oldest wait counts).
        waitingSince: status === from ? row.waitingSince : now,
        ...(agency && !row.assignedOfficerId ? { assignedOfficerId: actor.userId } : {}),
      };
      await manager.update(MessageThread, { id: row.id }, changes);
      const updated = { ...row, ...changes };
      if (agency)
        await auditOfficer(manager, row, 'MESSAGE_POSTED', actor.userId, { message: message.id }, now);
      await publishPosted(manager, updated, message, actor, input.attachmentIds, now);
      if (status !== from)
        await publish(
          manager,
          {
            type: 'THREAD_STATUS_CHANGED',
            payload: {
              threadId: row.id,
              businessId: row.businessId,
              referenceNumber: row.referenceNumber,
              from,
              to: status,
              actorId: actor.userId,
            },
          },
          now,
        );
      await markRead(manager, row.id, actor.userId, now);
      return updated;
    });
    return { ok: true, thread };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems };
    throw error;
  }
}

/**
 * An officer closes a thread (CLOSED) or reopens a closed one (OPEN: the agency's turn again). Audited.
 * Problems: NOT_FOUND, UNCHANGED (closing a closed thread, reopening an open one).
 */
export async function setThreadClosed(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  threadId: string,
  closed: boolean,
): Promise<ThreadResult> {
  const now = config.now();
  try {
    const thread = await inTransaction(dataSource, async (manager) => {
      const row = await lockedThread(manager, threadId);
      if (!row) throw new Refused([problem(['threadId'], 'NOT_FOUND')]);
      const from = row.status;
      const to = closed ? ThreadStatus.CLOSED : ThreadStatus.OPEN;
      if ((from === ThreadStatus.CLOSED) === closed) throw new Refused([problem(['threadId'], 'UNCHANGED')]);
      await manager.update(MessageThread, { id: row.id }, { status: to, waitingSince: now });
      await auditOfficer(manager, row, 'THREAD_STATUS_CHANGED', officerId, { from, to }, now);
      await publish(
        manager,
        {
          type: 'THREAD_STATUS_CHANGED',
          payload: {
            threadId: row.id,
            businessId: row.businessId,
            referenceNumber: row.referenceNumber,
            from,
            to,
            actorId: officerId,
          },
        },
        now,
      );
      return { ...row, status: to, waitingSince: now };
    });
    return { ok: true, thread };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems };
    throw error;
  }
}

/** An officer takes a thread (assign to oneself), or lets it go (`take` false). Audited. */
export async function assignThread(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  threadId: string,
  take: boolean,
): Promise<ThreadResult> {
  const now = config.now();
  try {
    const thread = await inTransaction(dataSource, async (manager) => {
      const row = await lockedThread(manager, threadId);
      if (!row) throw new Refused([problem(['threadId'], 'NOT_FOUND')]);
      const assignedOfficerId = take ? officerId : null;
      await manager.update(MessageThread, { id: row.id }, { assignedOfficerId });
      await auditOfficer(
        manager,
        row,
        'THREAD_ASSIGNED',
        officerId,
        { assignment: take ? 'TAKEN' : 'RELEASED' },
        now,
      );
      await publish(
        manager,
        {
          type: 'THREAD_ASSIGNED',
          payload: {
            threadId: row.id,
            businessId: row.businessId,
            officerId: assignedOfficerId,
            actorId: officerId,
          },
        },
        now,
      );
      return { ...row, assignedOfficerId };
    });
    return { ok: true, thread };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems };
    throw error;
  }
}

/** The person (or officer) has read the thread up to now. */
export async function markThreadRead(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  threadId: string,
): Promise<void> {
  await inTransaction(dataSource, (manager) => markRead(manager, threadId, userId, config.now()));
}

/** Threads by id (for the attachment download's access check). */
export async function threadOfMessage(
  dataSource: DataSource,
  messageId: string,
): Promise<MessageThread | null> {
  const message = await dataSource.getRepository(ThreadMessage).findOneBy({ id: messageId });
  return message ? findThread(dataSource, message.threadId) : null;
}

/** How many of the threads the caller can see have unread messages from the agency (the header's count). */
export async function unreadThreadCount(
  dataSource: DataSource,
  userId: string,
  businessId: string,
  scope: ProgramScope,
): Promise<number> {
  const accounts = scope === 'ALL' ? null : [...scope];
  if (accounts && accounts.length === 0) return 0;
  const query = dataSource
    .getRepository(MessageThread)
    .createQueryBuilder('t')
    .select('COUNT(DISTINCT t.id)', 'count')
    .innerJoin(ThreadMessage, 'm', 'm.thread_id = t.id AND m.author_side = :agency', {
      agency: AuthorSide.AGENCY,
    })
    .leftJoin(ThreadRead, 'r', 'r.thread_id = t.id AND r.user_id = :userId', { userId })
    .where('t.business_id = :businessId', { businessId })
    .andWhere('(r.read_at IS NULL OR m.posted_at > r.read_at)');
  if (accounts) query.andWhere('t.program_account_id IN (:...accounts)', { accounts });
  const row = await query.getRawOne<{ count: string | number }>();
  return Number(row?.count ?? 0);
}
