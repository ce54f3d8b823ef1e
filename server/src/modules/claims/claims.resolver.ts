import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, visibleScope } from '../../common/auth/access-table.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { AFTER_ARG, FIRST_ARG, listConnection } from '../../common/graphql/list-connection.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { CaseDocumentConnection } from '../documents/documents.types.js';
import { documentNode, documentsOfRuling } from '../documents/documents.view.js';
import { BusinessNode, ProgramAccount } from '../businesses/businesses.types.js';
import { requireOfficer, requireTermsAccepted } from '../sessions/session.guards.js';
import {
  claimOwner,
  claimOwnerById,
  claimOwnerOfInput,
  openClaimCaseOwner,
  transactionOwner,
} from './access-owners.js';
import { agencyDay } from '../../common/time/agency-date.js';
import { AccountTransaction } from '../finance/finance.types.js';
import { PENDING_STATUSES, transactionProblems } from './claims.rules.js';
import {
  answerClaim,
  approveClaim,
  claimById,
  claimHistories,
  claimIndicators,
  claimQueue,
  fileClaim,
  findOpenClaimByCase,
  listClaims,
  listRepayments,
  markRepaymentPaid,
  rejectClaim,
  repaymentOfClaims,
  requestClaimInformation,
  submitClaim,
  takeClaim,
  updateClaim,
  withdrawClaim,
  withholdRepayment,
} from './claims.service.js';
import {
  AnswerClaimInput,
  ApproveClaimInput,
  ClaimConnection,
  ClaimHistoryEntry,
  ClaimIndicators,
  ClaimNode,
  ClaimOfficerTextInput,
  ClaimPayload,
  ClaimStatus,
  ClaimType,
  FileClaimInput,
  MarkRepaymentPaidInput,
  RepaymentConnection,
  RepaymentNode,
  RepaymentPayload,
  RepaymentStatus,
  SubmitClaimInput,
  UpdateClaimInput,
  WithholdRepaymentInput,
} from './claims.types.js';

// Thin resolvers over claims.service.ts (docs/claims.md). The claimant's side is guarded by the access table
// (REQUESTS_AND_TRANSACTIONS: a business's own people by role and scope, providers under both relationship
// types within their scope); the agency's side is for officers only (requireOfficer), as the officer console is.

const STATUS_ARG = {
  nullable: true,
  description: 'Only the claims in this status; omit for every status.',
} as const;

type Loaders = {
  history: DataLoader<string, ClaimHistoryEntry[]>;
  repayment: DataLoader<string, RepaymentNode | null>;
};
const perRequest = new WeakMap<object, Loaders>();

/** The timeline and repayment of every claim of a page: one statement each (per request). */
function loaders(ctx: AppContext): Loaders {
  let found = perRequest.get(ctx);
  if (!found) {
    found = {
      history: new DataLoader((ids) => claimHistories(ctx.dataSource, ids, ctx.lang)),
      repayment: new DataLoader((ids) => repaymentOfClaims(ctx.dataSource, ids, ctx.lang)),
    };
    perRequest.set(ctx, found);
  }
  return found;
}

function claimPayload(
  result: { ok: true; claim: ClaimNode } | { ok: false; problems: Parameters<typeof toUserErrors>[0] },
  ctx: AppContext,
): ClaimPayload {
  return result.ok
    ? { claim: result.claim, userErrors: [] }
    : { claim: null, userErrors: toUserErrors(result.problems, ctx.t) };
}

function repaymentPayload(
  result:
    { ok: true; repayment: RepaymentNode } | { ok: false; problems: Parameters<typeof toUserErrors>[0] },
  ctx: AppContext,
): RepaymentPayload {
  return result.ok
    ? { repayment: result.repayment, userErrors: [] }
    : { repayment: null, userErrors: toUserErrors(result.problems, ctx.t) };
}

@Resolver(() => ClaimNode)
export class ClaimsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW, { owner: claimOwner })
  @Query(() => ClaimNode, {
    nullable: true,
    description: 'A claim by id (FORBIDDEN when the caller may not see it, or it does not exist).',
  })
  async claim(
    @Arg('id', () => ID, { description: 'The claim’s id.' }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimNode | null> {
    requireTermsAccepted(ctx);
    return claimById(ctx.dataSource, id, ctx.lang);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.EDIT, { owner: openClaimCaseOwner })
  @Query(() => ClaimNode, {
    nullable: true,
    description:
      'Step 1 of a document upload for a claim: the open claim a case number (10 digits starting with 7) names, when the caller may add documents to it. FORBIDDEN when the number names no such claim (unknown, closed, or not the caller’s to change).',
  })
  async claimDocumentCase(
    @Arg('caseNumber', () => String, { description: 'The claim’s case number.' }) caseNumber: string,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimNode | null> {
    requireTermsAccepted(ctx);
    const found = await findOpenClaimByCase(ctx.dataSource, caseNumber);
    return found ? claimById(ctx.dataSource, found.id, ctx.lang) : null;
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.EDIT, { owner: transactionOwner })
  @Mutation(() => ClaimPayload, {
    description:
      'Files a claim on a transaction, saved as a draft (IN_PROGRESS) with its refund computed; audited. Submit it with submitClaim.',
  })
  async fileClaim(
    @Arg('input', () => FileClaimInput, {
      description: 'The transaction, the type, the lines and the reason.',
    })
    input: FileClaimInput,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimPayload> {
    const { user } = requireTermsAccepted(ctx);
    return claimPayload(await fileClaim(ctx.dataSource, ctx.config, user.id, input, ctx.lang), ctx);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.EDIT, { owner: claimOwnerOfInput })
  @Mutation(() => ClaimPayload, {
    description: 'Replaces a draft’s content (IN_PROGRESS only); the refund is computed again.',
  })
  async updateClaim(
    @Arg('input', () => UpdateClaimInput, { description: 'The claim and its new content.' })
    input: UpdateClaimInput,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimPayload> {
    requireTermsAccepted(ctx);
    return claimPayload(await updateClaim(ctx.dataSource, ctx.config, input, ctx.lang), ctx);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.EDIT, { owner: claimOwnerOfInput })
  @Mutation(() => ClaimPayload, {
    description: 'Submits a draft to the agency (SUBMITTED), with the attestation; audited, dated.',
  })
  async submitClaim(
    @Arg('input', () => SubmitClaimInput, { description: 'The claim and the attestation.' })
    input: SubmitClaimInput,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimPayload> {
    const { user } = requireTermsAccepted(ctx);
    return claimPayload(await submitClaim(ctx.dataSource, ctx.config, user.id, input, ctx.lang), ctx);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.EDIT, { owner: claimOwnerById })
  @Mutation(() => ClaimPayload, {
    description: 'Withdraws an open claim (a draft, or one the agency has not decided); its lines are freed.',
  })
  async withdrawClaim(
    @Arg('claimId', () => ID, { description: 'The claim’s id.' }) claimId: string,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimPayload> {
    const { user } = requireTermsAccepted(ctx);
    return claimPayload(await withdrawClaim(ctx.dataSource, ctx.config, user.id, claimId, ctx.lang), ctx);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.EDIT, { owner: claimOwnerOfInput })
  @Mutation(() => ClaimPayload, {
    description:
      'Answers the agency’s request for information (the claim goes back UNDER_REVIEW); documents go to the claim’s case number.',
  })
  async answerClaimInformation(
    @Arg('input', () => AnswerClaimInput, { description: 'The claim and the answer.' })
    input: AnswerClaimInput,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimPayload> {
    const { user } = requireTermsAccepted(ctx);
    return claimPayload(await answerClaim(ctx.dataSource, ctx.config, user.id, input, ctx.lang), ctx);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => [ClaimHistoryEntry], {
    nullable: true,
    description: 'The claim’s timeline, oldest first: every status it entered and every answer, dated.',
  })
  history(@Root() claim: ClaimNode, @Ctx() ctx: AppContext): Promise<ClaimHistoryEntry[] | null> {
    return loaders(ctx).history.load(claim.id);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => CaseDocumentConnection, {
    nullable: true,
    description:
      'The supporting documents uploaded to the claim’s case number (POST /api/documents), oldest first; each with its download address.',
  })
  async documentsConnection(
    @Root() claim: ClaimNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<CaseDocumentConnection> {
    // The documents module keeps a case's files by case id, a claim's as a ruling's (decision 0031).
    const rows = await documentsOfRuling(ctx).load(claim.id);
    return listConnection(
      rows.map(documentNode),
      { first, after },
      { key: (document) => [document.uploadedAt], id: (document) => document.id, direction: 'ASC' },
      (document) => document,
    );
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => RepaymentNode, {
    nullable: true,
    description: 'What the approval repays; null until the claim is approved.',
  })
  repayment(@Root() claim: ClaimNode, @Ctx() ctx: AppContext): Promise<RepaymentNode | null> {
    return loaders(ctx).repayment.load(claim.id);
  }
}

@Resolver(() => BusinessNode)
export class BusinessClaimsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => ClaimConnection, {
    nullable: true,
    description:
      'The business’s claims, newest first: of every program account the caller may see requests of (or of one).',
  })
  async claims(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('status', () => ClaimStatus, STATUS_ARG) status: ClaimStatus | null,
    @Arg('programAccountId', () => ID, {
      nullable: true,
      description: 'Only the claims of this program account; omit for every account the caller may see.',
    })
    programAccountId: string | null,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<ClaimConnection> {
    const standing = await ctx.access.standing(node.id);
    const scope = visibleScope(standing, AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW);
    return listClaims(
      ctx.dataSource,
      { businessId: node.id, programAccountId, scope, status },
      { first, after },
      ctx.lang,
    );
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => ClaimIndicators, {
    nullable: true,
    description: 'Claims and repayments at a glance, over every program account the caller may see.',
  })
  async claimIndicators(@Root() node: BusinessNode, @Ctx() ctx: AppContext): Promise<ClaimIndicators> {
    const standing = await ctx.access.standing(node.id);
    const scope = visibleScope(standing, AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW);
    return claimIndicators(ctx.dataSource, node.id, scope === 'ALL' ? null : [...scope]);
  }
}

async function businessOfAccount(ctx: AppContext, accountId: string): Promise<string | undefined> {
  const loaders = businessLoaders(ctx);
  const registry = await loaders.programAccount.load(accountId);
  return registry ? (await loaders.businessOfRegistry.load(registry.businessId))?.id : undefined;
}

const NO_PAGE = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

@Resolver(() => ProgramAccount)
export class ProgramAccountClaimsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => ClaimConnection, {
    nullable: true,
    description: 'The account’s claims, newest first.',
  })
  async claims(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
    @Arg('status', () => ClaimStatus, STATUS_ARG) status: ClaimStatus | null,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<ClaimConnection> {
    const businessId = await businessOfAccount(ctx, account.id);
    if (!businessId) return NO_PAGE;
    return listClaims(
      ctx.dataSource,
      { businessId, programAccountId: account.id, scope: 'ALL', status },
      { first, after },
      ctx.lang,
    );
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => RepaymentConnection, {
    nullable: true,
    description: 'The account’s repayments (of approved claims), newest first.',
  })
  repayments(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
    @Arg('status', () => RepaymentStatus, {
      nullable: true,
      description: 'Only the repayments in this status; omit for every one.',
    })
    status: RepaymentStatus | null,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<RepaymentConnection> {
    return listRepayments(ctx.dataSource, account.id, status, { first, after }, ctx.lang);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => ClaimIndicators, {
    nullable: true,
    description: 'The account’s claims and repayments at a glance.',
  })
  async claimIndicators(@Root() account: ProgramAccount, @Ctx() ctx: AppContext): Promise<ClaimIndicators> {
    const businessId = await businessOfAccount(ctx, account.id);
    return claimIndicators(ctx.dataSource, businessId ?? '', [account.id]);
  }
}

@Resolver()
export class OfficerClaimsResolver {
  @Query(() => ClaimConnection, {
    description:
      'OFFICER only: the claims queue, oldest submitted first (by default every submitted, undecided claim).',
  })
  officerClaimQueue(
    @Ctx() ctx: AppContext,
    @Arg('status', () => ClaimStatus, {
      nullable: true,
      description: 'Only this status (SUBMITTED, UNDER_REVIEW or INFORMATION_REQUESTED); omit for all three.',
    })
    status: ClaimStatus | null,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<ClaimConnection> {
    requireOfficer(ctx);
    const statuses = status && PENDING_STATUSES.includes(status) ? [status] : PENDING_STATUSES;
    return claimQueue(ctx.dataSource, statuses, { first, after }, ctx.lang);
  }

  @Mutation(() => ClaimPayload, { description: 'OFFICER only: takes a submitted claim under review.' })
  async takeClaim(
    @Arg('claimId', () => ID, { description: 'The claim’s id.' }) claimId: string,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimPayload> {
    const { user } = requireOfficer(ctx);
    return claimPayload(await takeClaim(ctx.dataSource, ctx.config, user.id, claimId, ctx.lang), ctx);
  }

  @Mutation(() => ClaimPayload, {
    description: 'OFFICER only: asks the claimant for more information (in both languages).',
  })
  async requestClaimInformation(
    @Arg('input', () => ClaimOfficerTextInput, { description: 'The claim and the question.' })
    input: ClaimOfficerTextInput,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimPayload> {
    const { user } = requireOfficer(ctx);
    return claimPayload(
      await requestClaimInformation(ctx.dataSource, ctx.config, user.id, input, ctx.lang),
      ctx,
    );
  }

  @Mutation(() => ClaimPayload, {
    description:
      'OFFICER only: approves a claim under review, in full or in part; creates its repayment (PAYABLE).',
  })
  async approveClaim(
    @Arg('input', () => ApproveClaimInput, {
      description: 'The claim, and the amount and reason of a partial.',
    })
    input: ApproveClaimInput,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimPayload> {
    const { user } = requireOfficer(ctx);
    return claimPayload(await approveClaim(ctx.dataSource, ctx.config, user.id, input, ctx.lang), ctx);
  }

  @Mutation(() => ClaimPayload, {
    description: 'OFFICER only: rejects a claim under review, with the reason in both languages.',
  })
  async rejectClaim(
    @Arg('input', () => ClaimOfficerTextInput, { description: 'The claim and the reason.' })
    input: ClaimOfficerTextInput,
    @Ctx() ctx: AppContext,
  ): Promise<ClaimPayload> {
    const { user } = requireOfficer(ctx);
    return claimPayload(await rejectClaim(ctx.dataSource, ctx.config, user.id, input, ctx.lang), ctx);
  }

  @Mutation(() => RepaymentPayload, {
    description: 'OFFICER only: marks a payable repayment paid (method and date); a repayment is paid once.',
  })
  async markRepaymentPaid(
    @Arg('input', () => MarkRepaymentPaidInput, { description: 'The repayment, method and date.' })
    input: MarkRepaymentPaidInput,
    @Ctx() ctx: AppContext,
  ): Promise<RepaymentPayload> {
    const { user } = requireOfficer(ctx);
    return repaymentPayload(
      await markRepaymentPaid(ctx.dataSource, ctx.config, user.id, input, ctx.lang),
      ctx,
    );
  }

  @Mutation(() => RepaymentPayload, {
    description: 'OFFICER only: withholds a payable repayment (UNPAID), with the reason in both languages.',
  })
  async withholdRepayment(
    @Arg('input', () => WithholdRepaymentInput, { description: 'The repayment and the reason.' })
    input: WithholdRepaymentInput,
    @Ctx() ctx: AppContext,
  ): Promise<RepaymentPayload> {
    const { user } = requireOfficer(ctx);
    return repaymentPayload(
      await withholdRepayment(ctx.dataSource, ctx.config, user.id, input, ctx.lang),
      ctx,
    );
  }
}

@Resolver(() => AccountTransaction)
export class AccountTransactionClaimsResolver {
  @FieldResolver(() => Boolean, {
    description:
      'Whether a claim (adjustment or drawback) may be filed on the transaction today: a posted or paid commercial accounting declaration with duties and taxes, within the time limit. fileClaim checks it again.',
  })
  claimable(@Root() transaction: AccountTransaction, @Ctx() ctx: AppContext): boolean {
    const today = agencyDay(ctx.config.now());
    const summary = {
      id: transaction.id,
      programAccountId: transaction.programAccountId,
      transactionNumber: transaction.transactionNumber,
      transactionDate: transaction.transactionDate,
      transactionType: transaction.type,
      status: transaction.status,
      amountCents: transaction.amountCents,
      dutiesAndTaxesCents: transaction.dutiesAndTaxesCents,
    };
    return Object.values(ClaimType).some((type) => !transactionProblems(summary, type, today).length);
  }
}
