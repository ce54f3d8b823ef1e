import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access, decideFor } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, visibleScope, type AccessOwner } from '../../common/auth/access-table.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { AFTER_ARG, FIRST_ARG } from '../../common/graphql/list-connection.js';
import { asNode } from '../../common/graphql/node.type.js';
import { AGENCY_TIME_ZONE, agencyDay } from '../../common/time/agency-date.js';
import { BusinessNode } from '../businesses/businesses.types.js';
import { requireOfficer, requireTermsAccepted } from '../sessions/session.guards.js';
import { PersonRole } from '../users/user.types.js';
import {
  letterOwnerFromArgs,
  letterOwnerOf,
  newThreadOwner,
  threadOwnerById,
  threadOwnerOf,
  threadOwnerOfInput,
} from './access-owners.js';
import { findLetter, issueLetter, letterNodes, listLetters, markLetterRead } from './letters.service.js';
import {
  assignThread,
  findThread,
  listBusinessThreads,
  listInbox,
  listMessages,
  markThreadRead,
  openThread,
  postMessage,
  setThreadClosed,
  threadNodes,
  threadOwner,
  type ThreadResult,
  unreadThreadCount,
} from './messaging.service.js';
import {
  AuthorSide,
  IssueLetterInput,
  IssueLetterPayload,
  LetterConnection,
  LetterNode,
  MessageThreadConnection,
  MessageThreadNode,
  MessageThreadPayload,
  OpenMessageThreadInput,
  PostMessageInput,
  ThreadCategory,
  ThreadMessageConnection,
  ThreadStatus,
} from './messaging.types.js';

// Thin resolvers over messaging.service.ts and letters.service.ts: the business's side through the access
// table (MESSAGES, CORRESPONDENCE), officers through requireOfficer (the officer console).

const FIRST = FIRST_ARG;
const AFTER = AFTER_ARG;

function viewerOf(ctx: AppContext): { userId: string | null; side: AuthorSide; lang: AppContext['lang'] } {
  const user = ctx.session.current?.user;
  return {
    userId: user?.id ?? null,
    side: user?.role === PersonRole.OFFICER ? AuthorSide.AGENCY : AuthorSide.CLIENT,
    lang: ctx.lang,
  };
}

/** The first instant of an agency calendar day 'YYYY-MM-DD' (BAD_USER_INPUT for anything else). */
function startOfAgencyDay(day: string, argument: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument });
  // Toronto is 4 or 5 hours behind UTC: the start of the day is the candidate whose day it is and whose
  // previous millisecond is not.
  for (const offset of ['-05:00', '-04:00']) {
    const at = new Date(`${day}T00:00:00${offset}`);
    if (!Number.isNaN(at.getTime()) && agencyDay(at) === day && agencyDay(new Date(at.getTime() - 1)) !== day)
      return at;
  }
  throw new AppError(
    ErrorCode.BAD_USER_INPUT,
    'errors.badRequest',
    {},
    { argument, timeZone: AGENCY_TIME_ZONE },
  );
}

/** FORBIDDEN (naming the area) unless the caller's standing allows VIEW on the owner. */
async function requireView(ctx: AppContext, area: AccessArea, owner: AccessOwner | null): Promise<void> {
  if (!(await decideFor(ctx.access, area, AccessAction.VIEW, owner)))
    throw new AppError(ErrorCode.FORBIDDEN, `errors.accessDenied.${area}`, {}, { area });
}

/**
 * A thread or a letter by id for `node(id:)`, with the same decision as `messageThread(id:)` and `letter(id:)`
 * (MESSAGES or CORRESPONDENCE VIEW on its owner); null when it does not exist or the caller may not see it.
 */
export async function messagingNode(
  ctx: AppContext,
  id: string,
): Promise<MessageThreadNode | LetterNode | null> {
  const allowed = (area: AccessArea, owner: AccessOwner) =>
    decideFor(ctx.access, area, AccessAction.VIEW, owner);
  const thread = await findThread(ctx.dataSource, id);
  if (thread) {
    if (!(await allowed(AccessArea.MESSAGES, threadOwner(thread)))) return null;
    const [node] = await threadNodes(ctx.dataSource.manager, [thread], viewerOf(ctx));
    return asNode(node, 'MessageThread');
  }
  const owner = await letterOwnerOf(id, ctx);
  const letter = owner && (await findLetter(ctx.dataSource, id));
  if (!owner || !letter || !(await allowed(AccessArea.CORRESPONDENCE, owner))) return null;
  const [node] = await letterNodes(ctx.dataSource.manager, owner.businessId, [letter], viewerOf(ctx));
  return asNode(node, 'Letter');
}

async function threadPayload(ctx: AppContext, result: ThreadResult): Promise<MessageThreadPayload> {
  if (!result.ok) return { thread: null, userErrors: toUserErrors(result.problems, ctx.t) };
  const [thread] = await threadNodes(ctx.dataSource.manager, [result.thread], viewerOf(ctx));
  return { thread, userErrors: [] };
}

@Resolver(() => MessageThreadNode)
export class MessagingResolver {
  @Access(AccessArea.MESSAGES, AccessAction.VIEW, { owner: threadOwnerById })
  @Query(() => MessageThreadNode, {
    nullable: true,
    description: 'A message thread by id (FORBIDDEN when the caller may not see it, or it does not exist).',
  })
  async messageThread(
    @Arg('id', () => ID, { description: 'The thread’s id.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<MessageThreadNode | null> {
    requireTermsAccepted(ctx);
    const row = await findThread(ctx.dataSource, id);
    return row ? (await threadNodes(ctx.dataSource.manager, [row], viewerOf(ctx)))[0] : null;
  }

  @Access(AccessArea.MESSAGES, AccessAction.VIEW)
  @FieldResolver(() => ThreadMessageConnection, {
    nullable: true,
    description: 'The thread’s messages, oldest first, with their attachments.',
  })
  messages(
    @Root() thread: MessageThreadNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { ...FIRST, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, AFTER) after: string | null,
  ): Promise<ThreadMessageConnection> {
    return listMessages(ctx.dataSource, thread.id, { first, after }, ctx.lang);
  }

  @Access(AccessArea.MESSAGES, AccessAction.EDIT, { owner: newThreadOwner })
  @Mutation(() => MessageThreadPayload, {
    description:
      'Opens a thread with the agency (status OPEN) with its first message and attachments uploaded beforehand. A thread about the whole business (no program account) needs access to the whole business.',
  })
  async openMessageThread(
    @Arg('input', () => OpenMessageThreadInput, { description: 'Subject, category, message, attachments.' })
    input: OpenMessageThreadInput,
    @Ctx() ctx: AppContext,
  ): Promise<MessageThreadPayload> {
    const { user } = requireTermsAccepted(ctx);
    return threadPayload(
      ctx,
      await openThread(ctx.dataSource, ctx.config, { userId: user.id, side: AuthorSide.CLIENT }, input),
    );
  }

  @Access(AccessArea.MESSAGES, AccessAction.EDIT, { owner: threadOwnerOfInput })
  @Mutation(() => MessageThreadPayload, {
    description:
      'Replies in a thread (status WAITING_FOR_AGENCY). A closed thread takes no reply (userErrors code CLOSED).',
  })
  async postMessage(
    @Arg('input', () => PostMessageInput, { description: 'The thread, the message, its attachments.' })
    input: PostMessageInput,
    @Ctx() ctx: AppContext,
  ): Promise<MessageThreadPayload> {
    const { user } = requireTermsAccepted(ctx);
    return threadPayload(
      ctx,
      await postMessage(ctx.dataSource, ctx.config, { userId: user.id, side: AuthorSide.CLIENT }, input),
    );
  }

  // The caller's own read state, of a thread the table lets them see (MESSAGES VIEW, checked here: a
  // mutation's @access is for EDIT).
  @Mutation(() => MessageThreadNode, {
    nullable: true,
    description:
      'The caller has read the thread up to now (its unread count drops to 0). FORBIDDEN unless the caller may see the thread (MESSAGES VIEW).',
  })
  async markMessageThreadRead(
    @Arg('threadId', () => ID, { description: 'The thread.' }) threadId: string,
    @Ctx() ctx: AppContext,
  ): Promise<MessageThreadNode | null> {
    const { user } = requireTermsAccepted(ctx);
    await requireView(ctx, AccessArea.MESSAGES, await threadOwnerOf(threadId, ctx));
    await markThreadRead(ctx.dataSource, ctx.config, user.id, threadId);
    return this.messageThread(threadId, ctx);
  }

  // ---- Officer console ----

  @Query(() => MessageThreadConnection, {
    description:
      'Agency officers only (else FORBIDDEN): every business’s threads (or one business’s) of these statuses (default OPEN and WAITING_FOR_AGENCY), oldest waiting first.',
  })
  officerInbox(
    @Ctx() ctx: AppContext,
    @Arg('statuses', () => [ThreadStatus], { nullable: true, description: 'Omit for the agency’s turn.' })
    statuses: ThreadStatus[] | null,
    @Arg('category', () => ThreadCategory, { nullable: true, description: 'Only this category.' })
    category: ThreadCategory | null,
    @Arg('mine', () => Boolean, { nullable: true, defaultValue: false, description: 'Only threads I took.' })
    mine: boolean | null,
    @Arg('businessId', () => ID, {
      nullable: true,
      description: 'Only this business’s threads (its officer page): every status unless `statuses` says.',
    })
    businessId: string | null,
    @Arg('first', () => Int, { ...FIRST, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, AFTER) after: string | null,
  ): Promise<MessageThreadConnection> {
    const { user } = requireOfficer(ctx);
    return listInbox(
      ctx.dataSource,
      { statuses, category, assignedTo: mine ? user.id : null, businessId },
      { first, after },
      { userId: user.id, lang: ctx.lang },
    );
  }

  @Mutation(() => MessageThreadPayload, {
    description:
      'Agency officers only: starts a thread to a business (status WAITING_FOR_CLIENT), taken by the officer.',
  })
  async officerOpenMessageThread(
    @Arg('input', () => OpenMessageThreadInput, { description: 'The business, subject, category, message.' })
    input: OpenMessageThreadInput,
    @Ctx() ctx: AppContext,
  ): Promise<MessageThreadPayload> {
    const { user } = requireOfficer(ctx);
    return threadPayload(
      ctx,
      await openThread(ctx.dataSource, ctx.config, { userId: user.id, side: AuthorSide.AGENCY }, input),
    );
  }

  @Mutation(() => MessageThreadPayload, {
    description:
      'Agency officers only: replies as “Agency officer” and the category’s team (status WAITING_FOR_CLIENT); audited.',
  })
  async officerReply(
    @Arg('input', () => PostMessageInput, { description: 'The thread, the message, its attachments.' })
    input: PostMessageInput,
    @Ctx() ctx: AppContext,
  ): Promise<MessageThreadPayload> {
    const { user } = requireOfficer(ctx);
    return threadPayload(
      ctx,
      await postMessage(ctx.dataSource, ctx.config, { userId: user.id, side: AuthorSide.AGENCY }, input),
    );
  }

  @Mutation(() => MessageThreadPayload, {
    description: 'Agency officers only: takes a thread (assign to oneself) or lets it go; audited.',
  })
  async assignMessageThread(
    @Arg('threadId', () => ID, { description: 'The thread.' }) threadId: string,
    @Arg('take', () => Boolean, { nullable: true, defaultValue: true, description: 'False to let it go.' })
    take: boolean | null,
    @Ctx() ctx: AppContext,
  ): Promise<MessageThreadPayload> {
    const { user } = requireOfficer(ctx);
    return threadPayload(
      ctx,
      await assignThread(ctx.dataSource, ctx.config, user.id, threadId, take !== false),
    );
  }

  @Mutation(() => MessageThreadPayload, {
    description: 'Agency officers only: closes a thread (CLOSED) or reopens a closed one (OPEN); audited.',
  })
  async setMessageThreadClosed(
    @Arg('threadId', () => ID, { description: 'The thread.' }) threadId: string,
    @Arg('closed', () => Boolean, { description: 'True to close, false to reopen.' }) closed: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<MessageThreadPayload> {
    const { user } = requireOfficer(ctx);
    return threadPayload(ctx, await setThreadClosed(ctx.dataSource, ctx.config, user.id, threadId, closed));
  }
}

@Resolver(() => LetterNode)
export class LettersResolver {
  @Access(AccessArea.CORRESPONDENCE, AccessAction.VIEW, { owner: letterOwnerFromArgs })
  @Query(() => LetterNode, {
    nullable: true,
    description: 'A letter by id (FORBIDDEN when the caller may not read it, or it does not exist).',
  })
  async letter(
    @Arg('id', () => ID, { description: 'The letter’s id.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<LetterNode | null> {
    requireTermsAccepted(ctx);
    const owner = await letterOwnerOf(id, ctx);
    const row = await findLetter(ctx.dataSource, id);
    if (!row || !owner) return null;
    return (await letterNodes(ctx.dataSource.manager, owner.businessId, [row], viewerOf(ctx)))[0];
  }

  @Mutation(() => LetterNode, {
    nullable: true,
    description:
      'The caller has read the letter. FORBIDDEN unless the caller may read it (CORRESPONDENCE VIEW).',
  })
  async markLetterRead(
    @Arg('id', () => ID, { description: 'The letter.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<LetterNode | null> {
    const { user } = requireTermsAccepted(ctx);
    await requireView(ctx, AccessArea.CORRESPONDENCE, await letterOwnerOf(id, ctx));
    await markLetterRead(ctx.dataSource, ctx.config, user.id, id);
    return this.letter(id, ctx);
  }

  @Mutation(() => IssueLetterPayload, {
    description:
      'Agency officers only: posts a letter (both languages) with its PDF, uploaded beforehand, to a business or one of its program accounts; audited.',
  })
  async issueLetter(
    @Arg('input', () => IssueLetterInput, { description: 'Addressee, texts, PDF.' }) input: IssueLetterInput,
    @Ctx() ctx: AppContext,
  ): Promise<IssueLetterPayload> {
    const { user } = requireOfficer(ctx);
    const result = await issueLetter(ctx.dataSource, ctx.config, user.id, input);
    if (!result.ok) return { letter: null, userErrors: toUserErrors(result.problems, ctx.t) };
    const [letter] = await letterNodes(
      ctx.dataSource.manager,
      input.businessId,
      [result.letter],
      viewerOf(ctx),
    );
    return { letter, userErrors: [] };
  }
}

@Resolver(() => BusinessNode)
export class BusinessMessagingResolver {
  @Access(AccessArea.MESSAGES, AccessAction.VIEW)
  @FieldResolver(() => MessageThreadConnection, {
    nullable: true,
    description:
      'The business’s message threads the caller may see, most recent activity first (threads about the whole business only with access to the whole business).',
  })
  async messageThreads(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('statuses', () => [ThreadStatus], { nullable: true, description: 'Only these statuses.' })
    statuses: ThreadStatus[] | null,
    @Arg('category', () => ThreadCategory, { nullable: true, description: 'Only this category.' })
    category: ThreadCategory | null,
    @Arg('first', () => Int, { ...FIRST, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, AFTER) after: string | null,
  ): Promise<MessageThreadConnection> {
    const scope = visibleScope(await ctx.access.standing(node.id), AccessArea.MESSAGES, AccessAction.VIEW);
    return listBusinessThreads(
      ctx.dataSource,
      { businessId: node.id, scope, statuses, category },
      { first, after },
      viewerOf(ctx),
    );
  }

  @Access(AccessArea.MESSAGES, AccessAction.VIEW)
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'How many of the caller’s visible threads have a message from the agency they have not read.',
  })
  async unreadMessageThreadCount(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<number> {
    const scope = visibleScope(await ctx.access.standing(node.id), AccessArea.MESSAGES, AccessAction.VIEW);
    const userId = ctx.session.current?.user.id;
    return userId ? unreadThreadCount(ctx.dataSource, userId, node.id, scope) : 0;
  }

  @Access(AccessArea.CORRESPONDENCE, AccessAction.VIEW)
  @FieldResolver(() => LetterConnection, {
    nullable: true,
    description:
      'The agency’s letters to the business the caller may read, newest first, 10 a page (as the notices list).',
  })
  async letters(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('from', () => String, { nullable: true, description: 'Issued on or after this day (YYYY-MM-DD).' })
    from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Issued on or before this day (YYYY-MM-DD).' })
    to: string | null,
    @Arg('first', () => Int, { ...FIRST, defaultValue: 10 }) first: number | null,
    @Arg('after', () => String, AFTER) after: string | null,
  ): Promise<LetterConnection> {
    const scope = visibleScope(
      await ctx.access.standing(node.id),
      AccessArea.CORRESPONDENCE,
      AccessAction.VIEW,
    );
    const start = from ? startOfAgencyDay(from, 'from') : null;
    // Through the end of `to`: before the start of the next day.
    const end = to
      ? startOfAgencyDay(agencyDay(new Date(startOfAgencyDay(to, 'to').getTime() + 26 * 3600_000)), 'to')
      : null;
    return listLetters(
      ctx.dataSource,
      { businessId: node.id, scope, from: start, to: end },
      { first, after },
      viewerOf(ctx),
    );
  }
}
