import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, visibleScope } from '../../common/auth/access-table.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { AFTER_ARG, FIRST_ARG, listConnection, CURSOR_ARG } from '../../common/graphql/list-connection.js';
import { programAccountOfInput } from '../businesses/access-owners.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { BusinessNode, ProgramAccount } from '../businesses/businesses.types.js';
import { documentNode, documentsOfRuling } from '../documents/documents.view.js';
import { CaseDocumentConnection, CaseDocumentNode } from '../documents/documents.types.js';
import { requireOfficer, requireTermsAccepted } from '../sessions/session.guards.js';
import { caseOwner, rulingOwner } from './access-owners.js';
import {
  decideRuling,
  findRulingByCase,
  listRulings,
  PENDING_RULING_STATUSES,
  requestRuling,
  rulingById,
  rulingQueue,
} from './rulings.service.js';
import {
  DecideRulingInput,
  RequestRulingInput,
  RequestRulingPayload,
  RulingConnection,
  RulingNode,
  RulingStatus,
} from './rulings.types.js';

const FIRST = { nullable: true, defaultValue: 20, description: '1 to 100.' } as const;

@Resolver(() => RulingNode)
export class RulingsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW, { owner: rulingOwner })
  @Query(() => RulingNode, {
    nullable: true,
    description: 'A ruling request by id (FORBIDDEN when the caller may not see it, or it does not exist).',
  })
  async ruling(
    @Arg('id', () => ID, { description: 'The ruling request’s id.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<RulingNode | null> {
    requireTermsAccepted(ctx);
    return rulingById(ctx.dataSource, id);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.EDIT, { owner: caseOwner })
  @Query(() => RulingNode, {
    nullable: true,
    description:
      'Step 1 of a document upload: the case a case/reference number names, when the caller may add documents to it. FORBIDDEN when the number names no such case (unknown, or not the caller’s to change).',
  })
  async documentCase(
    @Arg('caseNumber', () => String, { description: 'The case number.' }) caseNumber: string,
    @Ctx() ctx: AppContext,
  ): Promise<RulingNode | null> {
    requireTermsAccepted(ctx);
    const row = await findRulingByCase(ctx.dataSource, caseNumber);
    return row ? rulingById(ctx.dataSource, row.id) : null;
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.EDIT, { owner: programAccountOfInput })
  @Mutation(() => RequestRulingPayload, {
    description:
      'Requests a ruling for a program account: a new case (status SUBMITTED) with its case number, audited.',
  })
  async requestRuling(
    @Arg('input', () => RequestRulingInput, {
      description: 'The program account, the kind of ruling, the goods and the questions.',
    })
    input: RequestRulingInput,
    @Ctx() ctx: AppContext,
  ): Promise<RequestRulingPayload> {
    const { user } = requireTermsAccepted(ctx);
    const result = await requestRuling(ctx.dataSource, ctx.config, user.id, input);
    return result.ok
      ? { ruling: result.ruling, userErrors: [] }
      : { ruling: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => [CaseDocumentNode], {
    nullable: true,
    description: 'The documents attached to the case, oldest first.',
    deprecationReason: 'Use documentsConnection: the same documents, in pages of at most 100.',
  })
  async documents(@Root() ruling: RulingNode, @Ctx() ctx: AppContext): Promise<CaseDocumentNode[]> {
    return (await documentsOfRuling(ctx).load(ruling.id)).map(documentNode);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => CaseDocumentConnection, {
    nullable: true,
    description:
      'The files attached to the case (up to 10 per upload, any number of uploads), oldest first; each with its download address.',
  })
  async documentsConnection(
    @Root() ruling: RulingNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<CaseDocumentConnection> {
    return listConnection(
      await this.documents(ruling, ctx),
      { first, after },
      { key: (document) => [document.uploadedAt], id: (document) => document.id, direction: 'ASC' },
      (document) => document,
    );
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The agency’s last word, in the caller’s language: the question asked (INFORMATION_REQUESTED), the ruling given (ISSUED) or the reason the request was closed (CLOSED); null before any.',
  })
  agencyNote(@Root() ruling: RulingNode, @Ctx() ctx: AppContext): string | null {
    return (ctx.lang === 'fr' ? ruling.agencyNoteFr : ruling.agencyNoteEn) || null;
  }
}

// The agency's side (decision 0046): officers only (requireOfficer), as the claims queue and decisions are.
@Resolver()
export class OfficerRulingsResolver {
  @Query(() => RulingConnection, {
    description:
      'OFFICER only: the ruling requests awaiting the agency, oldest requested first (by default SUBMITTED, UNDER_REVIEW and INFORMATION_REQUESTED).',
  })
  officerRulingQueue(
    @Ctx() ctx: AppContext,
    @Arg('status', () => RulingStatus, {
      nullable: true,
      description: 'Only this status (SUBMITTED, UNDER_REVIEW or INFORMATION_REQUESTED); omit for all three.',
    })
    status: RulingStatus | null,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<RulingConnection> {
    requireOfficer(ctx);
    const statuses = status && PENDING_RULING_STATUSES.includes(status) ? [status] : PENDING_RULING_STATUSES;
    return rulingQueue(ctx.dataSource, statuses, { first, after });
  }

  @Query(() => RulingNode, {
    nullable: true,
    description: 'OFFICER only: a ruling request by id, for its decision page (null when there is none).',
  })
  officerRuling(
    @Arg('id', () => ID, { description: 'The ruling request’s id.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<RulingNode | null> {
    requireOfficer(ctx);
    return rulingById(ctx.dataSource, id);
  }

  @Mutation(() => RequestRulingPayload, {
    description:
      'OFFICER only: moves a ruling request (under review, information requested, issued with the ruling, or closed with the reason; texts in both languages); audited, and the business is told (event, and a letter when issued or closed).',
  })
  async decideRuling(
    @Arg('input', () => DecideRulingInput, { description: 'The request, the new status and the texts.' })
    input: DecideRulingInput,
    @Ctx() ctx: AppContext,
  ): Promise<RequestRulingPayload> {
    const { user } = requireOfficer(ctx);
    const result = await decideRuling(ctx.dataSource, ctx.config, user.id, input);
    return result.ok
      ? { ruling: result.ruling, userErrors: [] }
      : { ruling: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }
}

@Resolver(() => BusinessNode)
export class BusinessRulingsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => RulingConnection, {
    nullable: true,
    description:
      'The business’s ruling requests, newest first: of every program account the caller may see requests of (or of one).',
  })
  async rulings(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('programAccountId', () => ID, {
      nullable: true,
      description: 'Only the requests of this program account; omit for every account the caller may see.',
    })
    programAccountId: string | null,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, CURSOR_ARG) after: string | null,
  ): Promise<RulingConnection> {
    const standing = await ctx.access.standing(node.id);
    const scope = visibleScope(standing, AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW);
    return listRulings(ctx.dataSource, { businessId: node.id, programAccountId, scope }, { first, after });
  }
}

@Resolver(() => ProgramAccount)
export class ProgramAccountRulingsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => RulingConnection, {
    nullable: true,
    description: 'The program account’s ruling requests, newest first.',
  })
  async rulings(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, CURSOR_ARG) after: string | null,
  ): Promise<RulingConnection> {
    const loaders = businessLoaders(ctx);
    const registry = await loaders.programAccount.load(account.id);
    const businessId = registry
      ? (await loaders.businessOfRegistry.load(registry.businessId))?.id
      : undefined;
    if (!businessId) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    return listRulings(
      ctx.dataSource,
      { businessId, programAccountId: account.id, scope: 'ALL' },
      { first, after },
    );
  }
}
