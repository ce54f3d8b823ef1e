import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AccessType } from '../../common/auth/access-directive.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDateField } from '../../common/graphql/calendar-date.field.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { listConnectionType, type ListConnection } from '../../common/graphql/list-connection.js';
import { UserError } from '../../common/graphql/user-error.type.js';
import { ProgramAccountSummary } from '../businesses/businesses.types.js';
import { TariffTreatment } from '../calculator/calculator.types.js';

export enum ClaimType {
  ADJUSTMENT = 'ADJUSTMENT',
  DRAWBACK = 'DRAWBACK',
}

export enum CorrectionKind {
  CLASSIFICATION = 'CLASSIFICATION',
  VALUE = 'VALUE',
  ORIGIN = 'ORIGIN',
  TARIFF_TREATMENT = 'TARIFF_TREATMENT',
}

export enum ClaimStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  INFORMATION_REQUESTED = 'INFORMATION_REQUESTED',
  APPROVED = 'APPROVED',
  PARTIALLY_APPROVED = 'PARTIALLY_APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum RepaymentStatus {
  PAYABLE = 'PAYABLE',
  PAID = 'PAID',
  UNPAID = 'UNPAID',
}

export enum RepaymentMethod {
  DIRECT_DEPOSIT = 'DIRECT_DEPOSIT',
  CHEQUE = 'CHEQUE',
}

registerEnumType(ClaimType, {
  name: 'ClaimType',
  description: 'What a claim asks for.',
  valuesConfig: {
    ADJUSTMENT: {
      description: 'An adjustment request (B2) correcting a commercial accounting declaration.',
    },
    DRAWBACK: { description: 'A drawback: the duties of imported goods that were exported afterwards.' },
  },
});
registerEnumType(CorrectionKind, {
  name: 'CorrectionKind',
  description: 'What an adjustment corrects.',
  valuesConfig: {
    CLASSIFICATION: { description: 'The tariff classification.' },
    VALUE: { description: 'The value for duty.' },
    ORIGIN: { description: 'The origin of the goods.' },
    TARIFF_TREATMENT: { description: 'The tariff treatment (e.g. a trade agreement’s rate).' },
  },
});
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'Where a claim stands.',
  valuesConfig: {
    IN_PROGRESS: { description: 'A draft: the claimant may change it, the agency does not see it.' },
    SUBMITTED: { description: 'Sent to the agency; waiting for an officer.' },
    UNDER_REVIEW: { description: 'An officer is studying the claim.' },
    INFORMATION_REQUESTED: { description: 'The agency asked for more information; the claimant answers.' },
    APPROVED: { description: 'Approved in full: the claimed refund is repaid.' },
    PARTIALLY_APPROVED: { description: 'Approved in part: the approved amount is repaid.' },
    REJECTED: { description: 'Rejected, with a reason.' },
    WITHDRAWN: { description: 'Withdrawn by the claimant.' },
  },
});
registerEnumType(RepaymentStatus, {
  name: 'RepaymentStatus',
  description: 'Where a repayment stands.',
  valuesConfig: {
    PAYABLE: { description: 'Owed to the business, not paid yet.' },
    PAID: { description: 'Paid (date and method known).' },
    UNPAID: { description: 'Withheld, with a reason (e.g. offset against an amount owing).' },
  },
});
registerEnumType(RepaymentMethod, {
  name: 'RepaymentMethod',
  description: 'How a repayment was paid.',
  valuesConfig: {
    DIRECT_DEPOSIT: { description: 'Direct deposit.' },
    CHEQUE: { description: 'Cheque.' },
  },
});

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType('ClaimLine', { description: 'A line of the transaction, as claimed.' })
export class ClaimLineNode {
  @Field(() => Int, { description: 'The line number on the declaration (1 to 999).' })
  lineNumber: number;

  @Field(() => Int, { description: 'Duties and taxes the line paid, in cents.' })
  originalCents: number;

  @Field(() => String, { nullable: true, description: 'The corrected classification, 0000.00.00.00.' })
  correctedClassification: string | null;

  @Field(() => Int, { nullable: true, description: 'The corrected value for duty, in cents.' })
  correctedValueForDutyCents: number | null;

  @Field(() => TariffTreatment, { nullable: true, description: 'The corrected tariff treatment.' })
  correctedTreatment: TariffTreatment | null;

  @Field(() => Number, { nullable: true, description: 'The quantity in the tariff’s unit, when it matters.' })
  quantity: number | null;

  @Field(() => Int, {
    description: 'Duties and taxes the line should have paid, in cents (0 for a drawback).',
  })
  correctedCents: number;

  @Field(() => Int, { description: 'The refund the line claims, in cents: originalCents − correctedCents.' })
  refundCents: number;
}

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType('ClaimHistoryEntry', { description: 'One dated step of a claim’s timeline.' })
export class ClaimHistoryEntry {
  @Field(() => ID, { description: 'The entry’s id.' })
  id: string;

  @Field(() => ClaimStatus, { description: 'The status the claim entered (or kept, for an answer).' })
  status: ClaimStatus;

  @Field(() => Boolean, { description: 'True for the claimant’s answer to a request for information.' })
  isAnswer: boolean;

  @Field(() => Boolean, { description: 'True when an agency officer made the change.' })
  byAgency: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What was said with it, in the caller’s language when the agency wrote both.',
  })
  note: string | null;

  @Field(() => DateTimeScalar, { description: 'When.' })
  occurredAt: Date;
}

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType('Repayment', {
  description:
    'What an approved claim repays. Reached only through guarded fields (REQUESTS_AND_TRANSACTIONS).',
})
export class RepaymentNode {
  @Field(() => ID, { description: 'The repayment’s id.' })
  id: string;

  @Field(() => ID, { description: 'The claim repaid.' })
  claimId: string;

  @Field(() => String, { description: 'The claim’s case number.' })
  caseNumber: string;

  @Field(() => Int, { description: 'The amount, in cents.' })
  amountCents: number;

  @Field(() => RepaymentStatus, { description: 'PAYABLE, PAID or UNPAID.' })
  status: RepaymentStatus;

  @Field(() => RepaymentMethod, { nullable: true, description: 'How it was paid (PAID only).' })
  method: RepaymentMethod | null;

  @Field(() => String, { nullable: true, description: 'The payment date, YYYY-MM-DD (PAID only).' })
  paidOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it is withheld, in the caller’s language (UNPAID only).',
  })
  unpaidReason: string | null;

  @Field(() => DateTimeScalar, { description: 'When the claim’s approval created it.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When it last changed.' })
  updatedAt: Date;

  businessId: string;
  programAccountId: string;
}

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType('ClaimTransaction', { description: 'The transaction a claim is about.' })
export class ClaimTransaction {
  @Field(() => ID, { description: 'The transaction’s id.' })
  id: string;

  @Field(() => String, { description: 'Its 14-digit number.' })
  transactionNumber: string;

  @CalendarDateField('Its date')
  transactionDate: string;
}

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType('Claim', {
  description:
    'An adjustment or drawback claim on a transaction of a program account. Reached only through guarded fields (REQUESTS_AND_TRANSACTIONS VIEW).',
})
export class ClaimNode {
  @Field(() => ID, { description: 'The claim’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'The case number (10 digits, starting with 7).' })
  caseNumber: string;

  @Field(() => ClaimType, { description: 'ADJUSTMENT or DRAWBACK.' })
  type: ClaimType;

  @Field(() => CorrectionKind, { nullable: true, description: 'What an adjustment corrects.' })
  correctionKind: CorrectionKind | null;

  @CalendarDateField('A drawback’s export date', { nullable: true })
  exportDate: string | null;

  @Field(() => String, { nullable: true, description: 'A drawback’s destination country (ISO alpha-2).' })
  exportDestination: string | null;

  @Field(() => String, { description: 'The claimant’s reason (at most 2000 characters).' })
  reason: string;

  @Field(() => ClaimStatus, { description: 'Where the claim stands.' })
  status: ClaimStatus;

  @Field(() => Int, { description: 'The refund claimed, in cents: computed from the lines.' })
  claimedCents: number;

  @Field(() => Int, { nullable: true, description: 'The refund approved, in cents (once approved).' })
  approvedCents: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The agency’s reason for a rejection or a partial approval, in the caller’s language.',
  })
  decisionReason: string | null;

  @Field(() => ClaimTransaction, { description: 'The transaction claimed on.' })
  transaction: ClaimTransaction;

  @Field(() => ProgramAccountSummary, { description: 'The program account of the transaction.' })
  programAccount: ProgramAccountSummary;

  @Field(() => [ClaimLineNode], { description: 'The lines claimed, by line number.' })
  lines: ClaimLineNode[];

  @Field(() => DateTimeScalar, { description: 'When the draft was created.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was submitted.' })
  submittedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the agency decided it.' })
  decidedAt: Date | null;

  @Field(() => DateTimeScalar, { description: 'When it last changed.' })
  updatedAt: Date;

  businessId: string;
  programAccountId: string;
  decisionReasonEn: string;
  decisionReasonFr: string;
}

export const ClaimConnection = listConnectionType<ClaimNode>('Claim', ClaimNode, {
  item: 'a claim',
  items: 'claims',
  order: 'newest first (the officer queue: oldest submitted first)',
});
export type ClaimConnection = ListConnection<ClaimNode>;

export const RepaymentConnection = listConnectionType<RepaymentNode>('Repayment', RepaymentNode, {
  item: 'a repayment',
  items: 'repayments',
  order: 'newest first',
});
export type RepaymentConnection = ListConnection<RepaymentNode>;

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType('ClaimIndicators', {
  description: 'A program account’s (or a business’s visible accounts’) claims and repayments at a glance.',
})
export class ClaimIndicators {
  @Field(() => Int, { description: 'Claims in progress (drafts).' })
  inProgressCount: number;

  @Field(() => Int, {
    description: 'Claims submitted and not decided (submitted, under review, information requested).',
  })
  submittedCount: number;

  @Field(() => Int, { description: 'Claims approved, in full or in part.' })
  approvedCount: number;

  @Field(() => Int, { description: 'The refunds claimed by submitted, undecided claims, in cents.' })
  openClaimedCents: number;

  @Field(() => Int, { description: 'Repayments payable.' })
  payableCount: number;

  @Field(() => Int, { description: 'The total of repayments payable, in cents.' })
  payableCents: number;

  @Field(() => Int, { description: 'The total of repayments paid, in cents.' })
  paidCents: number;

  @Field(() => Int, { description: 'The total of repayments withheld (unpaid), in cents.' })
  unpaidCents: number;
}

@InputType({ description: 'A line of the transaction claimed on.' })
export class ClaimLineInput {
  @Field(() => Int, { description: 'The line number on the declaration, 1 to 999.' })
  lineNumber: number;

  @Field(() => Int, { description: 'Duties and taxes the line paid, in cents (> 0).' })
  originalCents: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Adjustment: the corrected classification, 0000.00.00.00; with the value and treatment, the corrected duties are computed from the tariff.',
  })
  correctedClassification?: string | null;

  @Field(() => Int, { nullable: true, description: 'Adjustment: the corrected value for duty, in cents.' })
  correctedValueForDutyCents?: number | null;

  @Field(() => TariffTreatment, {
    nullable: true,
    description: 'Adjustment: the corrected tariff treatment.',
  })
  correctedTreatment?: TariffTreatment | null;

  @Field(() => Number, { nullable: true, description: 'Adjustment: the quantity, when the rate needs one.' })
  quantity?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Adjustment without the tariff (an item outside the shipped subset): the corrected duties and taxes, in cents.',
  })
  correctedCents?: number | null;
}

@InputType({ description: 'The content of a claim (a new draft, or a draft’s new content).' })
export class ClaimContentInput {
  @Field(() => ClaimType, { description: 'ADJUSTMENT or DRAWBACK.' })
  type: ClaimType;

  @Field(() => CorrectionKind, { nullable: true, description: 'Adjustment only: what is corrected.' })
  correctionKind?: CorrectionKind | null;

  @CalendarDateField('Drawback only: the export date', { nullable: true })
  exportDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Drawback only: the destination country (ISO alpha-2).',
  })
  exportDestination?: string | null;

  @Field(() => String, { description: 'Why the refund is owed; at most 2000 characters.' })
  reason: string;

  @Field(() => [ClaimLineInput], { description: '1 to 20 lines, each line number once.' })
  lines: ClaimLineInput[];
}

@InputType({ description: 'A new claim (saved as a draft, IN_PROGRESS) on a transaction.' })
export class FileClaimInput extends ClaimContentInput {
  @Field(() => ID, { description: 'The transaction’s id (a posted or paid CAD of a program account).' })
  transactionId: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Optional, 1 to 64 letters, digits, hyphens or underscores, kept per person filing (a token files as its creator): a retried request with the same key answers the claim the first one filed, and never files twice; the same key for another transaction is refused (REUSED).',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A draft’s new content (replaces the old).' })
export class UpdateClaimInput extends ClaimContentInput {
  @Field(() => ID, { description: 'The claim’s id.' })
  claimId: string;
}

@InputType({ description: 'Submitting a draft.' })
export class SubmitClaimInput {
  @Field(() => ID, { description: 'The claim’s id.' })
  claimId: string;

  @Field(() => Boolean, {
    description: 'The claimant attests the information is true and complete (must be true).',
  })
  attestation: boolean;
}

@InputType({ description: 'The claimant’s answer to a request for information.' })
export class AnswerClaimInput {
  @Field(() => ID, { description: 'The claim’s id.' })
  claimId: string;

  @Field(() => String, { description: 'The answer; at most 2000 characters.' })
  answer: string;
}

@InputType({ description: 'An officer’s text, in both languages (each at most 2000 characters).' })
export class ClaimOfficerTextInput {
  @Field(() => ID, { description: 'The claim’s id.' })
  claimId: string;

  @Field(() => String, { description: 'In English.' })
  textEn: string;

  @Field(() => String, { description: 'In French.' })
  textFr: string;
}

@InputType({ description: 'An officer’s approval: in full (no amount) or in part (an amount and a reason).' })
export class ApproveClaimInput {
  @Field(() => ID, { description: 'The claim’s id.' })
  claimId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The approved refund in cents, 1 to the claimed refund; omit to approve in full.',
  })
  approvedCents?: number | null;

  @Field(() => String, { nullable: true, description: 'Why in part, in English (required for a partial).' })
  reasonEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Why in part, in French (required for a partial).' })
  reasonFr?: string | null;
}

@InputType({ description: 'An officer marks a repayment paid.' })
export class MarkRepaymentPaidInput {
  @Field(() => ID, { description: 'The repayment’s id.' })
  repaymentId: string;

  @Field(() => RepaymentMethod, { description: 'DIRECT_DEPOSIT or CHEQUE.' })
  method: RepaymentMethod;

  @Field(() => String, { description: 'The payment date, YYYY-MM-DD, not in the future.' })
  paidOn: string;
}

@InputType({ description: 'An officer withholds a repayment (UNPAID), with a reason in both languages.' })
export class WithholdRepaymentInput {
  @Field(() => ID, { description: 'The repayment’s id.' })
  repaymentId: string;

  @Field(() => String, { description: 'In English.' })
  reasonEn: string;

  @Field(() => String, { description: 'In French.' })
  reasonFr: string;
}

@ObjectType({ description: 'The claim, or the problems with the input.' })
export class ClaimPayload {
  @Field(() => ClaimNode, { nullable: true, description: 'The claim; null when the input had problems.' })
  claim: ClaimNode | null;

  @Field(() => [UserError], { description: 'What was wrong; empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'The repayment, or the problems with the input.' })
export class RepaymentPayload {
  @Field(() => RepaymentNode, { nullable: true, description: 'The repayment; null on problems.' })
  repayment: RepaymentNode | null;

  @Field(() => [UserError], { description: 'What was wrong; empty on success.' })
  userErrors: UserError[];
}
