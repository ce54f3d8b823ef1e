import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { Access } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, visibleScope } from '../../common/auth/access-table.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { toUserErrors, type Problem } from '../../common/errors/problems.js';
import { AFTER_ARG, FIRST_ARG, listConnection, CURSOR_ARG } from '../../common/graphql/list-connection.js';
import { type MessageParams } from '../../common/i18n/messages.js';
import { businessLoaders } from '../businesses/business-loaders.js';
import { personSummary } from '../businesses/business-view.service.js';
import { BusinessNode, ProgramAccount, type PersonSummary } from '../businesses/businesses.types.js';
import { requireOfficer, requireTermsAccepted } from '../sessions/session.guards.js';
import { programAccountOfInput, programAccountOfPad } from './finance-owners.js';
import { type FinancialSecurityChange, type PadAgreement } from './finance.entities.js';
import {
  accountBalance,
  createAllocationLoader,
  creditApplicationsOf,
  invoicesPage,
  padAgreementsOf,
  recentTransactionRows,
  securityChangesOf,
  securityOf,
  statementsPage,
  transactionNode,
  transactionsPage,
} from './finance.queries.js';
import {
  formatMoney,
  masked,
  RECENT_TRANSACTIONS_DEFAULT,
  RECENT_TRANSACTIONS_MAX,
} from './finance.rules.js';
import {
  applyCredit,
  cancelPadAgreement,
  createPadAgreement,
  decideFinancialSecurityChange,
  submitFinancialSecurityChange,
} from './finance.service.js';
import {
  AccountBalance,
  AccountStatementConnection,
  AccountTransaction,
  AccountTransactionConnection,
  AgencyInvoiceConnection,
  ApplyCreditInput,
  ApplyCreditPayload,
  CreatePadAgreementInput,
  CreditApplicationNode,
  DecideFinancialSecurityChangeInput,
  FinancialSecurity,
  FinancialSecurityChangeNode,
  FinancialSecurityChangePayload,
  PadAgreementConnection,
  PadAgreementNode,
  PadAgreementPayload,
  SecurityType,
  SubmitFinancialSecurityChangeInput,
} from './finance.types.js';
import { type RegistryTransaction, transactionsByIds } from '../registry/registry-lookups.service.js';

// Thin resolvers: arguments → (the @access directive) → service → result. Finance data hangs off
// ProgramAccount (which carries its owner, so the directive checks the account's business and scope) and
// the home page's recent transactions off Business.

const allocationLoaders = new WeakMap<object, ReturnType<typeof createAllocationLoader>>();
function allocations(ctx: AppContext) {
  let loader = allocationLoaders.get(ctx);
  if (!loader) {
    loader = createAllocationLoader(ctx.dataSource);
    allocationLoaders.set(ctx, loader);
  }
  return loader;
}

async function nodesOf(ctx: AppContext, rows: RegistryTransaction[]): Promise<AccountTransaction[]> {
  const allocated = await allocations(ctx).loadMany(rows.map((row) => row.id));
  return rows.map((row, i) => transactionNode(row, typeof allocated[i] === 'number' ? allocated[i] : 0));
}

/** User errors in the caller's language; `...Cents` params are written as money ($10.00 / 10,00 $). */
function userErrorsOf(ctx: AppContext, problems: Problem[]) {
  return toUserErrors(
    problems.map((p) => {
      const params: MessageParams = {};
      for (const [key, value] of Object.entries(p.params ?? {})) {
        if (key.endsWith('Cents') && typeof value === 'number')
          params[key.slice(0, -5)] = formatMoney(value, ctx.lang);
        else params[key] = value;
      }
      return { ...p, params };
    }),
    ctx.t,
  );
}

function securityChangeNode(
  row: FinancialSecurityChange,
  submittedBy: PersonSummary,
  lang: 'en' | 'fr' = 'en',
): FinancialSecurityChangeNode {
  return {
    id: row.id,
    type: row.securityType as SecurityType,
    amountCents: row.amountCents,
    provider: row.provider,
    reference: row.reference || null,
    effectiveDate: row.effectiveDate,
    expiryDate: row.expiryDate || null,
    reason: row.reason,
    status: row.status,
    submittedAt: row.submittedAt,
    submittedBy,
    decisionReason: (lang === 'fr' ? row.decisionReasonFr : row.decisionReasonEn) || null,
    decidedAt: row.decidedAt ?? null,
  };
}

export function padNode(row: PadAgreement): PadAgreementNode {
  return {
    id: row.id,
    status: row.status,
    institutionNumber: row.institutionNumber,
    maskedTransitNumber: masked(row.transitNumber.slice(-2), 3),
    maskedAccountNumber: masked(row.accountLast4, 4),
    accountNumberEnding: row.accountLast4,
    accountHolder: row.accountHolder,
    debitDay: row.debitDay,
    createdAt: row.createdAt,
    cancelledAt: row.cancelledAt,
  };
}

const pageArgs = { nullable: true, description: '1 to 100.' } as const;

@Resolver(() => ProgramAccount)
export class ProgramAccountFinanceResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => AccountTransactionConnection, {
    nullable: true,
    description: 'Transactions (e.g. CADs), newest first; from and to are YYYY-MM-DD, inclusive.',
  })
  async transactions(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { ...pageArgs, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, CURSOR_ARG) after: string | null,
    @Arg('from', () => String, {
      nullable: true,
      description: 'Only transactions on or after this date (YYYY-MM-DD).',
    })
    from: string | null,
    @Arg('to', () => String, {
      nullable: true,
      description: 'Only transactions on or before this date (YYYY-MM-DD).',
    })
    to: string | null,
  ): Promise<AccountTransactionConnection> {
    const page = await transactionsPage(ctx.dataSource, account.id, { first, after, from, to });
    const nodes = await nodesOf(ctx, page.rows);
    return {
      edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i] })),
      pageInfo: page.pageInfo,
      count: page.count,
    };
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => AccountBalance, {
    nullable: true,
    description: 'The balance of the transactions on record.',
  })
  balance(@Root() account: ProgramAccount, @Ctx() ctx: AppContext): Promise<AccountBalance> {
    return accountBalance(ctx.dataSource, account.id);
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => AccountStatementConnection, {
    nullable: true,
    description: 'Monthly statements of account, newest first (MONTHLY_STATEMENT accounts).',
  })
  async statements(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { ...pageArgs, defaultValue: 12 }) first: number | null,
    @Arg('after', () => String, CURSOR_ARG) after: string | null,
  ): Promise<AccountStatementConnection> {
    const page = await statementsPage(ctx.dataSource, account.id, { first, after });
    return {
      edges: page.edges.map(({ cursor, row }) => ({
        cursor,
        node: {
          id: row.id,
          statementDate: row.statementDate,
          periodStart: row.periodStart,
          periodEnd: row.periodEnd,
          balanceCents: row.balanceCents,
          amountDueCents: row.amountDueCents,
          dueDate: row.dueDate,
        },
      })),
      pageInfo: page.pageInfo,
      count: page.count,
    };
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => AgencyInvoiceConnection, {
    nullable: true,
    description: 'Agency invoices, newest first.',
  })
  async invoices(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { ...pageArgs, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, CURSOR_ARG) after: string | null,
  ): Promise<AgencyInvoiceConnection> {
    const page = await invoicesPage(ctx.dataSource, account.id, { first, after });
    return {
      edges: page.edges.map(({ cursor, row }) => ({
        cursor,
        node: {
          id: row.id,
          invoiceNumber: row.invoiceNumber,
          invoiceDate: row.invoiceDate,
          description: row.description,
          descriptionFr: row.descriptionFr || null,
          amountCents: row.amountCents,
          dueDate: row.dueDate,
          status: row.status,
        },
      })),
      pageInfo: page.pageInfo,
      count: page.count,
    };
  }

  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => [CreditApplicationNode], {
    nullable: true,
    description: 'Credits applied as payment through the portal, newest first.',
  })
  async creditApplications(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { ...pageArgs, defaultValue: 20 }) first: number,
  ): Promise<CreditApplicationNode[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument: 'first' });
    const rows = await creditApplicationsOf(ctx.dataSource, account.id, first);
    const loaders = businessLoaders(ctx);
    return Promise.all(
      rows.map(async ({ row, creditNumber, targetNumber }) => ({
        id: row.id,
        creditTransactionNumber: creditNumber,
        targetTransactionNumber: targetNumber,
        amountCents: row.amountCents,
        appliedAt: row.appliedAt,
        appliedBy: await personSummary(loaders, row.appliedBy),
      })),
    );
  }

  @Access(AccessArea.FINANCIAL_SECURITY, AccessAction.VIEW)
  @FieldResolver(() => FinancialSecurity, {
    nullable: true,
    description: 'The surety bond or cash deposit on file; null when there is none.',
  })
  async financialSecurity(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
  ): Promise<FinancialSecurity | null> {
    const row = await securityOf(ctx.dataSource, account.id);
    return row
      ? {
          type: row.securityType as SecurityType,
          amountCents: row.amountCents,
          provider: row.provider,
          reference: row.reference || null,
          effectiveDate: row.effectiveDate,
          expiryDate: row.expiryDate || null,
        }
      : null;
  }

  @Access(AccessArea.FINANCIAL_SECURITY, AccessAction.VIEW)
  @FieldResolver(() => [FinancialSecurityChangeNode], {
    nullable: true,
    description: 'Changes submitted for the agency to process, newest first (at most 100).',
  })
  async financialSecurityChanges(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
  ): Promise<FinancialSecurityChangeNode[]> {
    const loaders = businessLoaders(ctx);
    const rows = await securityChangesOf(ctx.dataSource, account.id);
    return Promise.all(
      rows.map(async (row) =>
        securityChangeNode(row, await personSummary(loaders, row.submittedBy), ctx.lang),
      ),
    );
  }

  @Access(AccessArea.PAD, AccessAction.VIEW)
  @FieldResolver(() => [PadAgreementNode], {
    nullable: true,
    description:
      'Pre-authorized debit agreements, newest first: the active one (at most one) and cancelled ones.',
    deprecationReason: 'Use padAgreementsConnection: the same agreements, in pages of at most 100.',
  })
  async padAgreements(@Root() account: ProgramAccount, @Ctx() ctx: AppContext): Promise<PadAgreementNode[]> {
    return (await padAgreementsOf(ctx.dataSource, account.id)).map(padNode);
  }

  @Access(AccessArea.PAD, AccessAction.VIEW)
  @FieldResolver(() => PadAgreementConnection, {
    nullable: true,
    description:
      'The account’s pre-authorized debit agreements, newest first: the active one (at most one) and the cancelled ones. Bank numbers are masked.',
  })
  async padAgreementsConnection(
    @Root() account: ProgramAccount,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, FIRST_ARG) first: number | null,
    @Arg('after', () => String, AFTER_ARG) after: string | null,
  ): Promise<PadAgreementConnection> {
    return listConnection(
      await this.padAgreements(account, ctx),
      { first, after },
      { key: (pad) => [pad.createdAt], id: (pad) => pad.id, direction: 'DESC' },
      (pad) => pad,
    );
  }
}

@Resolver(() => BusinessNode)
export class BusinessRecentTransactionsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
  @FieldResolver(() => [AccountTransaction], {
    nullable: true,
    description:
      'The newest transactions of the program accounts the caller may view (the home page’s recent transactions).',
  })
  async recentTransactions(
    @Root() node: BusinessNode,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { defaultValue: RECENT_TRANSACTIONS_DEFAULT, description: '1 to 20.' })
    first: number,
  ): Promise<AccountTransaction[]> {
    if (!Number.isInteger(first) || first < 1 || first > RECENT_TRANSACTIONS_MAX)
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'errors.badRequest', {}, { argument: 'first' });
    const standing = await ctx.access.standing(node.id);
    const scope = visibleScope(standing, AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW);
    const accounts = await businessLoaders(ctx).programAccountsOfRegistryBusiness.load(
      node.registryBusinessId,
    );
    const ids = accounts.filter((a) => scope === 'ALL' || scope.has(a.id)).map((a) => a.id);
    return nodesOf(ctx, await recentTransactionRows(ctx.dataSource, ids, first));
  }
}

@Resolver()
export class FinanceMutationsResolver {
  @Access(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.EDIT, { owner: programAccountOfInput })
  @Mutation(() => ApplyCreditPayload, {
    description:
      'Applies a credit of a program account as payment to chosen transactions of the same account, in one transaction; never more than the credit left.',
  })
  async applyCredit(
    @Arg('input', () => ApplyCreditInput, {
      description: 'The program account, the credit and how it is allocated to transactions.',
    })
    input: ApplyCreditInput,
    @Ctx() ctx: AppContext,
  ): Promise<ApplyCreditPayload> {
    const { user } = requireTermsAccepted(ctx);
    const result = await applyCredit(ctx.dataSource, ctx.config, user.id, input);
    if (!result.ok) return { credit: null, paid: [], userErrors: userErrorsOf(ctx, result.problems) };
    const rows = await transactionsByIds(ctx.dataSource, [result.creditId, ...result.targetIds]);
    const nodes = await nodesOf(ctx, rows);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return {
      credit: byId.get(result.creditId) ?? null,
      paid: result.targetIds.map((id) => byId.get(id)!),
      userErrors: [],
    };
  }

  @Access(AccessArea.FINANCIAL_SECURITY, AccessAction.EDIT, { owner: programAccountOfInput })
  @Mutation(() => FinancialSecurityChangePayload, {
    description:
      'Submits a change to the account’s financial security for the agency to process (recorded and audited).',
  })
  async submitFinancialSecurityChange(
    @Arg('input', () => SubmitFinancialSecurityChangeInput, {
      description: 'The program account and the change asked for.',
    })
    input: SubmitFinancialSecurityChangeInput,
    @Ctx() ctx: AppContext,
  ): Promise<FinancialSecurityChangePayload> {
    const { user } = requireTermsAccepted(ctx);
    const result = await submitFinancialSecurityChange(ctx.dataSource, ctx.config, user.id, input);
    if (!result.ok) return { change: null, userErrors: userErrorsOf(ctx, result.problems) };
    const submittedBy = await personSummary(businessLoaders(ctx), user.id);
    return { change: securityChangeNode(result.change, submittedBy), userErrors: [] };
  }

  // The agency's side (decision 0046): officers only (requireOfficer), as the claims decisions are.
  @Mutation(() => FinancialSecurityChangePayload, {
    description:
      'OFFICER only: approves or rejects a submitted financial security change, with the reason in both languages; audited, and the business is told (event and letter).',
  })
  async decideFinancialSecurityChange(
    @Arg('input', () => DecideFinancialSecurityChangeInput, {
      description: 'The change, the decision and the reason.',
    })
    input: DecideFinancialSecurityChangeInput,
    @Ctx() ctx: AppContext,
  ): Promise<FinancialSecurityChangePayload> {
    const { user } = requireOfficer(ctx);
    const result = await decideFinancialSecurityChange(ctx.dataSource, ctx.config, user.id, input);
    if (!result.ok) return { change: null, userErrors: userErrorsOf(ctx, result.problems) };
    const submittedBy = await personSummary(businessLoaders(ctx), result.change.submittedBy);
    return { change: securityChangeNode(result.change, submittedBy, ctx.lang), userErrors: [] };
  }

  @Access(AccessArea.PAD, AccessAction.EDIT, { owner: programAccountOfInput })
  @Mutation(() => PadAgreementPayload, {
    description:
      'Creates the account’s monthly pre-authorized debit agreement (one active per account). The bank account number is never stored in full.',
  })
  async createPadAgreement(
    @Arg('input', () => CreatePadAgreementInput, {
      description:
        'The program account, the bank account to debit, the debit day and the acceptance of the terms.',
    })
    input: CreatePadAgreementInput,
    @Ctx() ctx: AppContext,
  ): Promise<PadAgreementPayload> {
    const { user } = requireTermsAccepted(ctx);
    const result = await createPadAgreement(ctx.dataSource, ctx.config, user.id, input);
    return result.ok
      ? { agreement: padNode(result.agreement), userErrors: [] }
      : { agreement: null, userErrors: userErrorsOf(ctx, result.problems) };
  }

  @Access(AccessArea.PAD, AccessAction.EDIT, { owner: programAccountOfPad })
  @Mutation(() => PadAgreementPayload, { description: 'Cancels an active pre-authorized debit agreement.' })
  async cancelPadAgreement(
    @Arg('padAgreementId', () => ID, { description: 'The active agreement to cancel.' })
    padAgreementId: string,
    @Ctx() ctx: AppContext,
  ): Promise<PadAgreementPayload> {
    const { user } = requireTermsAccepted(ctx);
    const result = await cancelPadAgreement(ctx.dataSource, ctx.config, user.id, padAgreementId);
    return result.ok
      ? { agreement: padNode(result.agreement), userErrors: [] }
      : { agreement: null, userErrors: userErrorsOf(ctx, result.problems) };
  }
}
