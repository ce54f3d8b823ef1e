import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { ownedBy } from '../../common/auth/access-directive.js';
import { pageSize, toConnectionPage } from '../../common/graphql/connection.js';
import { type MailOutbox, type Notice } from './notices.entities.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { requireOfficer, requireTermsAccepted } from '../sessions/session.guards.js';
import { reachCallerOf } from '../access/standing-source.js';
import { PersonRole } from '../users/user.types.js';
import {
  encodeNoticeCursor,
  findVisibleNotice,
  listDeadLetters,
  listNotices,
  type NoticeCaller,
  markNoticeRead,
  type NoticeRow,
  outboxCounts,
  postNotice,
  retryDeadLetter,
  unreadCount,
} from './notices.service.js';
import {
  MailDeliveryConnection,
  type MailDeliveryNode,
  MailDeliveryStatus,
  MailOutboxSummary,
  MarkNoticeReadPayload,
  NoticeConnection,
  NoticeFilterInput,
  NoticeNode,
  noticeTypeLabels,
  PostNoticeInput,
  PostNoticePayload,
} from './notices.types.js';
import { CURSOR_ARG } from '../../common/graphql/list-connection.js';

/** The API's view of a notice in the caller's language, owned by its business (or addressed to its person). */
/** The reader of the notices: the person, their token if the request came with one, and whether an officer. */
function noticeCaller(ctx: AppContext, user: { id: string; role: PersonRole }): NoticeCaller {
  return { ...reachCallerOf(ctx.session)!, userId: user.id, officer: user.role === PersonRole.OFFICER };
}

export function noticeNode(row: NoticeRow, lang: AppContext['lang']): NoticeNode {
  return ownedBy<NoticeNode>(
    {
      id: row.id,
      displayDate: row.displayDate,
      type: row.type,
      typeLabel: noticeTypeLabels[row.type][lang],
      urgent: row.urgent,
      read: row.readAt !== null,
      accountNumber: row.accountNumber,
      subject: lang === 'fr' ? row.subjectFr : row.subjectEn,
      body: lang === 'fr' ? row.bodyFr : row.bodyEn,
      recipient: row.recipientName,
      linkPath: row.linkPath,
      businessId: row.businessId,
    },
    {
      businessId: row.businessId ?? '',
      programAccountId: row.programAccountId,
      recipientId: row.recipientUserId,
    },
  );
}

/** An outbox row as officers see it: the notice's subject in their language, no address. */
function mailDeliveryNode(
  row: MailOutbox,
  notices: Map<string, Notice>,
  lang: AppContext['lang'],
): MailDeliveryNode {
  const notice = notices.get(row.noticeId);
  return {
    id: row.id,
    noticeId: row.noticeId,
    noticeSubject: notice ? (lang === 'fr' ? notice.subjectFr : notice.subjectEn) : '',
    status: row.status as MailDeliveryStatus,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

@Resolver()
export class NoticesResolver {
  @Query(() => NoticeConnection, {
    description:
      'The caller’s notices, newest first (10 a page by default, at most 100): those addressed to them, and their businesses’ (and clients’) notices as the access table allows (docs/notices.md).',
  })
  async notices(
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'The most notices to return.' })
    first: number,
    @Arg('after', () => String, CURSOR_ARG) after: string | null,
    @Arg('filter', () => NoticeFilterInput, {
      nullable: true,
      description: 'Narrows the list; omit for every notice.',
    })
    filter: NoticeFilterInput | null,
    @Ctx() ctx: AppContext,
  ): Promise<NoticeConnection> {
    const { user } = requireTermsAccepted(ctx);
    const size = pageSize(first, 10);
    const page = await listNotices(
      ctx.dataSource,
      ctx.access,
      noticeCaller(ctx, user),
      ctx.config.now(),
      filter,
      size,
      after,
    );
    const edges = page.rows.map((row) => ({
      cursor: encodeNoticeCursor(row),
      node: noticeNode(row, ctx.lang),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      // Counted only when the query selects it (GraphQL reads the property, and awaits the promise): the
      // count is the dearest part of a page (docs/notices.md#benchmark) and a broker paging needs it once.
      get totalCount() {
        return page.totalCount() as unknown as number;
      },
    };
  }

  @Query(() => NoticeNode, {
    nullable: true,
    description: 'One of the caller’s notices; null if none is visible.',
  })
  async notice(
    @Arg('id', () => ID, { description: 'The notice’s id.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<NoticeNode | null> {
    const { user } = requireTermsAccepted(ctx);
    const row = await findVisibleNotice(ctx.dataSource, ctx.access, noticeCaller(ctx, user), id);
    return row ? noticeNode(row, ctx.lang) : null;
  }

  @Query(() => Int, {
    description:
      'How many of the caller’s notices they have not opened (the bell), counted up to 100: 100 means 100 or more (the app shows “99+”).',
  })
  async unreadNoticeCount(@Ctx() ctx: AppContext): Promise<number> {
    const { user } = requireTermsAccepted(ctx);
    return unreadCount(ctx.dataSource, ctx.access, noticeCaller(ctx, user));
  }

  @Mutation(() => MarkNoticeReadPayload, { description: 'Records that the caller opened a notice.' })
  async markNoticeRead(
    @Arg('id', () => ID, { description: 'The notice opened.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<MarkNoticeReadPayload> {
    const { user } = requireTermsAccepted(ctx);
    const row = await markNoticeRead(
      ctx.dataSource,
      ctx.access,
      noticeCaller(ctx, user),
      id,
      ctx.config.now(),
    );
    return {
      notice: row ? noticeNode(row, ctx.lang) : null,
      unreadCount: await unreadCount(ctx.dataSource, ctx.access, noticeCaller(ctx, user)),
    };
  }

  @Mutation(() => PostNoticePayload, {
    description:
      'Officers: posts a notice to one business, to every business with a program type, or to everyone; urgent notices are emailed even to people who unsubscribed.',
  })
  async postNotice(
    @Arg('input', () => PostNoticeInput, {
      description: 'The notice: its audience, urgency, and subject and body in English and French.',
    })
    input: PostNoticeInput,
    @Ctx() ctx: AppContext,
  ): Promise<PostNoticePayload> {
    const { user } = requireOfficer(ctx);
    const result = await postNotice(ctx.dataSource, user.id, input, ctx.config.now());
    return result.ok
      ? { noticeCount: result.noticeCount, emailCount: result.emailCount, userErrors: [] }
      : { noticeCount: 0, emailCount: 0, userErrors: toUserErrors(result.problems, ctx.t) };
  }

  @Query(() => MailOutboxSummary, { description: 'Officers: the notice email outbox and its dead letters.' })
  async noticeOutbox(@Ctx() ctx: AppContext): Promise<MailOutboxSummary> {
    requireOfficer(ctx);
    const counts = await outboxCounts(ctx.dataSource);
    return {
      ...counts,
      // Read only when a query still selects the deprecated list (the console reads mailDeadLetters).
      get deadLetters() {
        return listDeadLetters(ctx.dataSource, 50, null).then(({ rows, notices }) =>
          rows.slice(0, 50).map((row) => mailDeliveryNode(row, notices, ctx.lang)),
        ) as unknown as MailDeliveryNode[];
      },
    };
  }

  @Query(() => MailDeliveryConnection, {
    description:
      'Officers: the emails given up after MAIL_MAX_ATTEMPTS failures (dead letters), most recently failed first (25 a page by default, at most 100).',
  })
  async mailDeadLetters(
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 25,
      description: 'The most dead letters to return.',
    })
    first: number,
    @Arg('after', () => String, CURSOR_ARG) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<MailDeliveryConnection> {
    requireOfficer(ctx);
    const size = pageSize(first, 25);
    const { rows, notices } = await listDeadLetters(ctx.dataSource, size, after);
    return toConnectionPage(
      rows,
      size,
      (row) => ({ at: row.updatedAt, id: row.id }),
      (row) => mailDeliveryNode(row, notices, ctx.lang),
    );
  }

  @Mutation(() => Boolean, {
    description: 'Officers: puts a dead letter back in the queue; false if it is not one.',
  })
  async retryMailDelivery(
    @Arg('id', () => ID, { description: 'The mail delivery (a dead letter).' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    requireOfficer(ctx);
    return retryDeadLetter(ctx.dataSource, id, ctx.config.now());
  }
}
